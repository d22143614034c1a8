/**
 * Text and dates as every way in takes them: each free-text field of the commands refuses NUL and
 * bidirectional controls, each date must exist, and a synced text field with them is rejected
 * and counted while the rest of its batch applies.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { openDatabase, type Db } from '../../main/store/database.js';
import { FieldStore } from '../../main/store/field-store.js';
import { COMMANDS, type CommandName } from '../../shared/api/contract.js';
import { fieldSpec, valueFits } from '../../shared/domain/schema.js';
import { isSafeText } from '../../shared/domain/text.js';
import { encodeStamp, HybridLogicalClock } from '../../shared/sync/hlc.js';
import { tempDir } from '../support/temp-dir.js';

const UNSAFE = ['\u0000', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];

/** Each command's free-text fields, with an input that is valid but for the field under test. */
const TEXT_FIELDS: [CommandName, string, Record<string, unknown>][] = [
  ['unit.configure', 'name', { name: 'Solsiden', kind: 'nursing-home', beds: [] }],
  ['stay.admit', 'name', { name: 'Kari Nordmann', initials: 'KN', birthDate: '1941-03-02' }],
  ['stay.admit', 'initials', { name: 'Kari Nordmann', initials: 'KN', birthDate: '1941-03-02' }],
  ['stay.admit', 'nurse', { name: 'Kari Nordmann', initials: 'KN', birthDate: '1941-03-02', nurse: 'Ola' }],
  ['stay.admit', 'bed', { name: 'Kari Nordmann', initials: 'KN', birthDate: '1941-03-02', bed: '101' }],
  ['bed.setStatus', 'bed', { bed: '101', status: 'free' }],
  ['task.create', 'title', { title: 'Stell' }],
  ['staff.set', 'name', { name: 'Ola Nilsen', role: 'nurse' }],
  ['stay.note', 'note', { stayId: 's1', note: 'Liker kaffe' }],
  ['stay.plan', 'nurse', { stayId: 's1', nurse: 'Ola' }],
  ['handover.setNotes', 'notes', { date: '2026-03-01', shift: 'day', notes: 'Rolig vakt' }],
  ['transfer.accept', 'bed', { id: 't1', bed: '101' }],
  ['transfer.place', 'bed', { id: 't1', bed: '101' }],
  ['benefit.define', 'name', { name: 'Færre døgn', indicator: 'discharge-ready-days', baselineFrom: '2026-01-01', baselineTo: '2026-02-01', unitCost: 5745 }],
];

const parse = (command: CommandName, input: unknown) => (COMMANDS[command].input as z.ZodType).safeParse(input);

describe('free text in commands', () => {
  it.each(TEXT_FIELDS)('%s %s refuses NUL and every bidirectional control, and says why', (command, field, valid) => {
    expect(parse(command, valid).success).toBe(true);
    for (const character of UNSAFE) {
      const result = parse(command, { ...valid, [field]: `A${character}B` });
      expect(result.success, `U+${character.codePointAt(0)?.toString(16)}`).toBe(false);
      expect(result.error?.issues[0]).toMatchObject({ path: [field], message: expect.stringMatching(/NUL or bidirectional control characters/) });
    }
  });

  it('keeps letters of every language, emoji, tabs and newlines', () => {
    for (const text of ['Kari Nordmann', 'Åse Ødegård', 'Áilu Niillas', 'محمد', 'שלום', 'Zoë 👍', 'linje 1\nlinje 2\tinnrykk', 'a\u200Db']) expect(isSafeText(text), text).toBe(true);
  });
});

describe('dates in commands', () => {
  const DATES: [CommandName, string, Record<string, unknown>][] = [
    ['stay.admit', 'birthDate', { name: 'Kari Nordmann', initials: 'KN', birthDate: '1941-03-02' }],
    ['stay.admit', 'expectedDischarge', { name: 'Kari Nordmann', initials: 'KN', birthDate: '1941-03-02', expectedDischarge: '2026-03-02' }],
    ['stay.plan', 'expectedDischarge', { stayId: 's1', expectedDischarge: '2026-03-02' }],
    ['staffing.set', 'date', { date: '2026-03-02', shift: 'day' }],
    ['handover.view', 'date', { date: '2026-03-02' }],
    ['benefit.define', 'baselineFrom', { name: 'Færre døgn', indicator: 'discharge-ready-days', baselineFrom: '2026-01-01', baselineTo: '2026-02-01', unitCost: 5745 }],
  ];
  it.each(DATES)('%s %s must be a date the calendar has', (command, field, valid) => {
    expect(parse(command, valid).success).toBe(true);
    for (const date of ['1950-99-99', '2026-02-30', '2023-02-29', '2026-04-31', '2026-00-10', '2026-1-1', '02.03.2026', '2026-03-02T00:00:00Z']) {
      const result = parse(command, { ...valid, [field]: date });
      expect(result.success, date).toBe(false);
      expect(result.error?.issues[0]?.message, date).toBe('a real calendar date as YYYY-MM-DD');
    }
    expect(parse(command, { ...valid, [field]: '2024-02-29' }).success).toBe(true);
  });

  it.each([
    ['task.create', 'due', { title: 'Stell', due: '2026-03-02T08:00:00+01:00' }],
    ['transfer.schedule', 'scheduledFor', { id: 't1', scheduledFor: '2026-03-02T08:00:00Z' }],
  ] as [CommandName, string, Record<string, unknown>][])('%s %s must be a time the calendar and the clock have', (command, field, valid) => {
    expect(parse(command, valid).success).toBe(true);
    for (const time of ['2026-02-30T08:00:00Z', '1950-99-99T00:00:00Z', '2026-03-02T25:00:00Z', '2026-03-02T08:60:00Z', '2026-03-02T08:00:00', '2026-03-02']) {
      const result = parse(command, { ...valid, [field]: time });
      expect(result.success, time).toBe(false);
      expect(result.error?.issues[0]?.message, time).toMatch(/^a real date and time, ISO 8601 with an offset/);
    }
  });
});

describe('synced text', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: Db;
  let store: FieldStore;
  beforeEach(() => {
    dir = tempDir('tavla-synced-text-');
    db = openDatabase(`${dir.path}/tavla.sqlite`);
    store = new FieldStore(db, new HybridLogicalClock('board-a'), 'board-a', 'solsiden');
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  it('a field fits only without NUL and bidirectional controls', () => {
    const note = fieldSpec('stay', 'note');
    expect(note && valueFits(note, 'Liker kaffe')).toBe(true);
    for (const character of UNSAFE) expect(note && valueFits(note, `KN ${character}101`)).toBe(false);
  });

  it('a change carrying them is rejected and counted; the rest of its batch applies', () => {
    const stamp = (n: number) => encodeStamp({ wall: 1_700_000_000_000 + n, counter: 0, node: 'board-b' });
    const outcome = store.applyRemote([
      { c: 'task', id: 't1', f: 'title', v: 'Stell \u202Edone', s: stamp(1) },
      { c: 'task', id: 't2', f: 'title', v: 'Snu pasienten', s: stamp(2) },
      { c: 'stay', id: 's1', f: 'note', v: 'nul\u0000byte', s: stamp(3) },
    ]);
    expect(outcome.rejected).toBe(2);
    expect(outcome.applied.map((change) => change.id)).toEqual(['t2']);
    expect(db.prepare('SELECT id, title FROM task').all()).toEqual([{ id: 't2', title: 'Snu pasienten' }]);
  });
});
