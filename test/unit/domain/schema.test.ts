/**
 * The field schema is the one declaration of every replicated field: each field takes exactly the
 * values its kind, enumeration or shape allows, the inbound check and the zod schema agree on every
 * value, personal data is marked there once, and the record types are derived from it.
 */

import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  COLLECTION_NAMES,
  COLLECTIONS,
  fieldsOf,
  fieldSpec,
  personalFields,
  valueFits,
  valueProblem,
  type RecordOf,
} from '../../../shared/domain/schema.js';
import type { Bed, BedStatus, Stay, Task, TaskStatus, Unit, UnitKind } from '../../../shared/domain/types.js';
import { acceptedValues, refusedValues } from '../../support/field-values.js';

const everyField = COLLECTION_NAMES.flatMap((collection) => [...fieldsOf(collection)].map(([field, check]) => ({ collection, field, check })));

describe('the field schema', () => {
  it('declares every field of every collection once, as zod, in the order of COLLECTIONS', () => {
    for (const collection of COLLECTION_NAMES) expect([...fieldsOf(collection).keys()]).toEqual(Object.keys(COLLECTIONS[collection]));
    expect(everyField.length).toBeGreaterThan(80);
    expect(fieldSpec('task', 'noSuchField')).toBeUndefined();
  });

  describe.each(COLLECTION_NAMES)('%s', (collection) => {
    it.each([...fieldsOf(collection).keys()])('.%s takes what its kind allows and refuses the rest, and zod agrees', (field) => {
      const check = fieldSpec(collection, field);
      if (!check) throw new Error(`${collection}.${field} is not compiled`);
      for (const value of acceptedValues(check)) {
        expect(valueProblem(check, value), `${collection}.${field} = ${JSON.stringify(value)}`).toBeUndefined();
        expect(valueFits(check, value)).toBe(true);
        if (value !== null) expect(check.schema.safeParse(value).success, `zod ${JSON.stringify(value)}`).toBe(true);
      }
      for (const value of refusedValues(check)) {
        expect(valueProblem(check, value), `${collection}.${field} = ${JSON.stringify(value)}`).toBeDefined();
        expect(valueFits(check, value)).toBe(false);
        expect(check.schema.safeParse(value).success, `zod ${JSON.stringify(value)}`).toBe(false);
      }
    });
  });

  it('checks inbound values as the zod schema does, for any value of any field', () => {
    const value = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.stringMatching(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/),
      fc.stringMatching(/^[a-zA-Z0-9_,-]{0,70}$/),
    );
    fc.assert(
      fc.property(fc.constantFrom(...everyField), value, ({ check }, v) => check.schema.safeParse(v).success === (valueProblem(check, v) === undefined)),
      { numRuns: 5_000 },
    );
  });

  it('says why in words, naming the value only when it is not personal data', () => {
    const check = (collection: Parameters<typeof fieldSpec>[0], field: string) => {
      const compiled = fieldSpec(collection, field);
      if (!compiled) throw new Error(`no field ${collection}.${field}`);
      return compiled;
    };
    expect(valueProblem(check('task', 'status'), 'finished')).toBe('"finished" is not one of open, done, skipped');
    expect(valueProblem(check('task', 'due'), '2026-11-23T08:00:00')).toBe('"2026-11-23T08:00:00" is not an ISO 8601 instant with an offset');
    expect(valueProblem(check('stay', 'birthDate'), '1938-02-30')).toBe('the value is not a calendar date (YYYY-MM-DD)');
    expect(valueProblem(check('stay', 'note'), 'Liker \u202Ekaffe')).toBe('holds NUL or a bidirectional control character');
    expect(valueProblem(check('stay', 'adl'), 2.5)).toBe('not an integer');
    expect(valueProblem(check('stay', 'fall'), 1)).toBe('not a boolean');
    expect(valueProblem(check('task', 'title'), 'x'.repeat(4001))).toBe('longer than 4,000 characters');
    expect(valueProblem(check('bed', 'status'), 7)).toBe('not a text');
  });

  it('marks personal data once, in the schema: a patient\'s name, birth date, note, key box and access note, a transfer\'s summary, a visit\'s note, why a pathway step does not apply, an alarm\'s free texts, a virtual-ward episode\'s note and identity key and a round\'s note, a reception encounter\'s private name, id key, reason and note, and nothing else', () => {
    expect(personalFields()).toEqual([
      { collection: 'stay', field: 'name' },
      { collection: 'stay', field: 'birthDate' },
      { collection: 'stay', field: 'note' },
      { collection: 'stay', field: 'keyBox' },
      { collection: 'stay', field: 'accessNote' },
      { collection: 'transfer', field: 'summary' },
      { collection: 'visit', field: 'note' },
      { collection: 'episode', field: 'note' },
      { collection: 'episode', field: 'patientKey' },
      { collection: 'episodeRound', field: 'note' },
      { collection: 'pathwayStep', field: 'skipReason' },
      { collection: 'alarm', field: 'escalationReason' },
      { collection: 'alarm', field: 'summary' },
      { collection: 'encounterPrivate', field: 'name' },
      { collection: 'encounterPrivate', field: 'idKey' },
      { collection: 'encounterPrivate', field: 'reason' },
      { collection: 'encounterPrivate', field: 'note' },
    ]);
    // The mark is zod metadata on the field's schema, and it keeps the field's kind and shape.
    expect(COLLECTIONS.stay.birthDate.meta()).toMatchObject({ personal: true });
    expect(fieldSpec('stay', 'birthDate')).toMatchObject({ kind: 'text', format: 'date', personal: true });
    expect(everyField.filter(({ check }) => check.personal).map(({ field }) => field)).toEqual(['name', 'birthDate', 'note', 'keyBox', 'accessNote', 'summary', 'note', 'note', 'patientKey', 'note', 'skipReason', 'escalationReason', 'summary', 'name', 'idKey', 'reason', 'note']);
  });

  it('derives the record types from the schema: enumerations are their values, unset fields null', () => {
    expectTypeOf<RecordOf<'task'>['status']>().toEqualTypeOf<TaskStatus | null>();
    expectTypeOf<RecordOf<'stay'>['fall']>().toEqualTypeOf<boolean | null>();
    expectTypeOf<RecordOf<'unit'>['capacity']>().toEqualTypeOf<number | null>();
    expectTypeOf<Unit['kind']>().toEqualTypeOf<UnitKind>();
    expectTypeOf<Bed['status']>().toEqualTypeOf<BedStatus>();
    expectTypeOf<Stay['status']>().toEqualTypeOf<'active' | 'discharged'>();
    expectTypeOf<Stay['bed']>().toEqualTypeOf<string | null>();
    expectTypeOf<Task['createdAt']>().toEqualTypeOf<string>();
    expect(fieldSpec('unit', 'kind')?.values).toContain('nursing-home');
  });
});
