/**
 * A wide table of figures on a narrow screen (a portrait wall screen, a tablet): when its columns do
 * not fit the width it is given, the table is marked `data-stacked` and app.css lays each row out as
 * a block, each cell under its column's name (`data-label`, copied from the table's header), so
 * nothing scrolls sideways and no text is made smaller. Where the columns fit, it stays a table.
 * Judged again when the room changes (orientation, window) and when the rows or their text change
 * (new figures, the other language). Used as `{@attach stackWhenNarrow}` on the `<table>`.
 */

const header = (table: HTMLTableElement): string[] => {
  const row = table.tHead?.rows[table.tHead.rows.length - 1];
  const names: string[] = [];
  for (const cell of row?.cells ?? []) {
    // Soft hyphens stay: a long compound's break points in a narrow column, as in the header.
    const name = (cell.textContent ?? '').replace(/\s+/g, ' ').trim();
    for (let i = 0; i < cell.colSpan; i++) names.push(name);
  }
  return names;
};

/**
 * Each body cell's column name, for the stacked layout. A cell whose text is not its column's (a
 * total row's per-day figure standing in the severity column) names its own with `data-own-label`,
 * empty when its text says what it is.
 */
function label(table: HTMLTableElement): void {
  const names = header(table);
  for (const body of table.tBodies) {
    for (const row of body.rows) {
      let column = 0;
      for (const cell of row.cells) {
        const name = cell.dataset.ownLabel ?? names[column] ?? '';
        if (cell.dataset.label !== name) cell.dataset.label = name;
        column += cell.colSpan;
      }
    }
  }
}

/**
 * Whether the table, laid out as a table, is wider than the room it is given: the narrowest content
 * box around it (a grid or a `<details>` around it may have grown to the table's width; the room is
 * the one above those).
 */
function overflows(table: HTMLTableElement): boolean {
  let room = Infinity;
  for (let box = table.parentElement; box; box = box.parentElement) {
    if (box.clientWidth === 0) continue; // inline, no box of its own
    const style = getComputedStyle(box);
    room = Math.min(room, box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight));
  }
  return table.getBoundingClientRect().width > room + 0.5;
}

export function stackWhenNarrow(table: HTMLTableElement): () => void {
  let frame = 0;
  const judge = () => {
    frame = 0;
    label(table);
    // Measured as a table (in the same task: no frame is drawn in between).
    delete table.dataset.stacked;
    if (table.getClientRects().length > 0 && overflows(table)) table.dataset.stacked = '';
  };
  // After the observers' turn: a change of layout inside a resize callback would be reported again at once.
  const later = () => {
    if (frame === 0) frame = requestAnimationFrame(judge);
  };
  const resized = new ResizeObserver(later);
  if (table.parentElement) resized.observe(table.parentElement);
  resized.observe(table);
  const changed = new MutationObserver(later);
  changed.observe(table, { childList: true, subtree: true, characterData: true });
  judge();
  return () => {
    cancelAnimationFrame(frame);
    resized.disconnect();
    changed.disconnect();
  };
}
