/**
 * Values a replicated field takes and refuses, chosen from what its schema says it is (kind,
 * enumeration, shape): the table the schema tests and the row round trip are built from.
 */

import { RISK_FLAGS, type FieldCheck, type FieldValue, type TextFormat } from '../../shared/domain/schema.js';

const ACCEPTED_SHAPES: Record<TextFormat, string[]> = {
  instant: ['2026-11-23T08:00:00.000Z', '2026-11-23T08:00+01:00', '2024-02-29T23:59:59.123456789-05:30'],
  date: ['2024-02-29', '1938-04-17', '2026-12-31'],
  record: ['s1', 'A-b_9', 'x'.repeat(64)],
  unit: ['unit-a', 'a', `0${'a'.repeat(31)}`],
  flags: ['', 'fall', 'fall,allergy', RISK_FLAGS.join(',')],
  object: ['{}', '{"at":"2026-11-23T08:00:00.000Z","actor":"Kari","detail":null}', '{"n":1,"ok":true}'],
};

const REFUSED_SHAPES: Record<TextFormat, string[]> = {
  instant: ['2026-11-23T08:00:00', '2026-13-01T08:00:00Z', '2026-11-23T24:00:00Z', '2026-02-30T08:00Z', '2026-11-23 08:00Z', ''],
  date: ['1950-99-99', '2023-02-29', '2024-2-01', '2024-02-29T00:00Z', ''],
  record: ['bed 1; drop', '', 'x'.repeat(65), 'søster'],
  unit: ['Unit_B', '-a', 'a'.repeat(33), ''],
  flags: ['fall,secret', 'fall,', ' fall', 'Fall'],
  object: ['not json', '', 'null', '"x"', '[1]', '{a:1}', '{"a":{"b":1}}', `{"a":${'['.repeat(1500)}${']'.repeat(1500)}}`],
};

const PLAIN_TEXT = ['', 'Stell og mat', 'KN', 'x'.repeat(4000), 'Æ ø å – «»'];
/** Refused by every text, whatever its shape. */
const BAD_TEXT: FieldValue[] = ['x'.repeat(4001), 'KN \u202E101', 'a\u0000b', 'x\u2066y', 3, true];

/** Values the field takes (null, a value written away, always among them). */
export function acceptedValues(field: FieldCheck): FieldValue[] {
  const values: FieldValue[] =
    field.kind === 'bool'
      ? [true, false]
      : field.kind === 'int'
        ? [0, -1, 42, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]
        : field.values
          ? [...field.values]
          : field.format
            ? ACCEPTED_SHAPES[field.format]
            : PLAIN_TEXT;
  return [null, ...values];
}

/** Values the field refuses. */
export function refusedValues(field: FieldCheck): FieldValue[] {
  if (field.kind === 'bool') return [0, 1, 'true', ''];
  if (field.kind === 'int') return [1.5, 2 ** 53, -(2 ** 53), Number.NaN, Number.POSITIVE_INFINITY, '1', true];
  if (field.values) return [...BAD_TEXT, 'x', field.values[0].toUpperCase(), `${field.values[0]} `];
  if (field.format) return [...BAD_TEXT, ...REFUSED_SHAPES[field.format]];
  return BAD_TEXT;
}

/** One value the field takes that is not null, for records written whole. */
export function someValue(field: FieldCheck): Exclude<FieldValue, null> {
  const value = acceptedValues(field).find((v) => v !== null && v !== false && v !== '' && v !== 0);
  if (value === undefined || value === null) throw new Error('no value');
  return value;
}
