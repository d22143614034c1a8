/**
 * Structural sharing for a freshly read state: every record equal to the one already shown is
 * replaced by that same object, so the page re-renders only what changed (one task of 500, not 500).
 */

type Plain = Record<string, unknown>;

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  // One level down is enough: records hold scalars and the flags object of scalars.
  return ka.every((key) => (a as Plain)[key] === (b as Plain)[key]);
}

function sameRecord(a: Plain, b: Plain): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => sameValue(a[key], b[key]));
}

/** `next` with each record that equals its namesake in `previous` swapped for the previous object. */
export function keepUnchanged<T extends { id: string }>(previous: readonly T[] | undefined, next: T[]): T[] {
  if (!previous || previous.length === 0) return next;
  const byId = new Map(previous.map((record) => [record.id, record]));
  let changed = previous.length !== next.length;
  const merged = next.map((record, i) => {
    const old = byId.get(record.id);
    if (old && sameRecord(old as unknown as Plain, record as unknown as Plain)) {
      if (previous[i] !== old) changed = true;
      return old;
    }
    changed = true;
    return record;
  });
  // Nothing changed at all: keep the very same array, so nothing downstream recomputes.
  return changed ? merged : (previous as T[]);
}
