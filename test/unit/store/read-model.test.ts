/**
 * The read model is parsed by the field schema: a record written through the store reads back from
 * its typed table as the same record (booleans from 0/1, every field of every collection), and the
 * API's views show what a never-written field reads as.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../main/store/database.js';
import { FieldStore } from '../../../main/store/field-store.js';
import { parseRow, readUnitState, type Row } from '../../../main/store/read-model.js';
import { COLLECTION_NAMES, fieldsOf, type CollectionName, type FieldValue } from '../../../shared/domain/schema.js';
import { HybridLogicalClock } from '../../../shared/sync/hlc.js';
import { tempDir } from '../../support/temp-dir.js';
import { acceptedValues, someValue } from '../../support/field-values.js';

describe('the read model', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: Db;
  let store: FieldStore;

  beforeEach(() => {
    dir = tempDir();
    db = openDatabase(`${dir.path}/read-model.sqlite`);
    store = new FieldStore(db, new HybridLogicalClock('board-a', () => 1_700_000_000_000), 'board-a', 'solsiden');
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  const write = (c: CollectionName, id: string, fields: Record<string, FieldValue>) => store.commit({ actor: 'test', action: 'seed' }, [{ c, id, fields }]);
  const row = (c: CollectionName, id: string) => db.prepare(`SELECT * FROM "${c}" WHERE id = ?`).get(id) as Row;

  it.each(COLLECTION_NAMES)('reads a %s written with every field back as the same record', (collection) => {
    const fields = Object.fromEntries([...fieldsOf(collection)].map(([field, check]) => [field, someValue(check)]));
    write(collection, 'r1', fields);
    expect(parseRow(collection, row(collection, 'r1'))).toEqual({ id: 'r1', ...fields });
  });

  it.each(COLLECTION_NAMES)('reads every value a %s field takes back as written', (collection) => {
    for (const [field, check] of fieldsOf(collection)) {
      for (const [index, value] of acceptedValues(check).entries()) {
        const id = `${field}-${index}`;
        write(collection, id, { [field]: value });
        // The tombstone is never NULL in its table: a deleted written away reads as not deleted.
        const expected = field === 'deleted' && value === null ? false : value;
        expect(parseRow(collection, row(collection, id))[field as keyof ReturnType<typeof parseRow>], `${collection}.${field} = ${JSON.stringify(value)}`).toEqual(expected);
      }
    }
  });

  it('reads a column left unset as null, and only the columns a query selected', () => {
    write('stay', 's1', { unit: 'solsiden', initials: 'KN' });
    const stay = parseRow('stay', row('stay', 's1'));
    expect(stay).toMatchObject({ id: 's1', unit: 'solsiden', initials: 'KN', bed: null, fall: null, adl: null, deleted: false });
    expect(parseRow<'stay', 'initials' | 'shielded'>('stay', db.prepare('SELECT id, initials, shielded FROM stay').get() as Row)).toEqual({ id: 's1', initials: 'KN', shielded: null });
  });

  it('shows the unit state as the API views: flags gathered, unset fields as their fallback', () => {
    write('unit', 'solsiden', { name: 'Solsiden', kind: 'nursing-home' });
    write('bed', 'b1', { unit: 'solsiden', label: '101' });
    write('stay', 's1', { unit: 'solsiden', bed: 'b1', initials: 'KN', status: 'active', fall: true, admittedAt: '2026-11-23T08:00:00.000Z' });
    write('task', 't1', { unit: 'solsiden', title: 'Stell', status: 'open', createdAt: '2026-11-23T08:00:00.000Z' });
    const state = readUnitState(db, 'solsiden');
    expect(state.unit).toEqual({ id: 'solsiden', municipality: '', name: 'Solsiden', kind: 'nursing-home', capacity: 0 });
    expect(state.beds).toEqual([{ id: 'b1', unit: 'solsiden', label: '101', room: '', status: 'free', sort: 0 }]);
    expect(state.stays).toHaveLength(1);
    expect(state.stays[0]).toMatchObject({ id: 's1', bed: 'b1', initials: 'KN', name: null, birthDate: null, shielded: false, status: 'active' });
    expect(state.stays[0].flags).toMatchObject({ fall: true, allergy: false });
    expect(Object.keys(state.stays[0])).not.toContain('note');
    expect(state.tasks).toEqual([
      { id: 't1', unit: 'solsiden', stay: null, title: 'Stell', due: null, recurrenceMinutes: null, status: 'open', doneBy: null, doneAt: null, createdAt: '2026-11-23T08:00:00.000Z' },
    ]);
  });
});
