/**
 * The kinds a replicated field may have, as zod schemas: a text, an integer, a boolean, one of a
 * list, a shaped text (an instant, a date, an id, a flag list). Each is registered with the plain
 * check the inbound path runs instead of zod, made of the same predicates the schema refines with
 * (test/unit/domain holds the two to the same values): every field of every change is checked, and
 * a zod refusal costs 2–25 µs to build where this costs a tenth of one.
 */

import { z } from 'zod';
import { isSafeText } from './text.js';

export type FieldKind = 'text' | 'int' | 'bool';

/**
 * The shape of a text: an instant (ISO 8601 with `Z` or an offset), a calendar date (YYYY-MM-DD),
 * a record id, a unit id (a topic level), a comma list of risk flags, or a JSON object of plain
 * values (an audit line: its table indexes a JSON path, so any other text would fail the write).
 */
export type TextFormat = 'instant' | 'date' | 'record' | 'unit' | 'flags' | 'object';

/** Why a value does not fit, in words for the log; `namesValue`: the words follow the value itself. */
interface Problem {
  readonly words: string;
  readonly namesValue?: true;
}

interface FastCheck {
  /** Why a value (never null: a value written away always fits) is refused; undefined when it fits. */
  readonly problem: (value: unknown) => Problem | undefined;
  readonly format?: TextFormat;
}

/** Each kind's check; a `.meta()` copy of a schema (a personal field) inherits it. */
const fastChecks = z.registry<FastCheck>();

const MAX_TEXT = 4000;
const NOT_TEXT: Problem = { words: 'not a text' };
const TOO_LONG: Problem = { words: 'longer than 4,000 characters' };
const UNSAFE: Problem = { words: 'holds NUL or a bidirectional control character' };
const NOT_INT: Problem = { words: 'not an integer' };
const NOT_BOOL: Problem = { words: 'not a boolean' };

const textProblem = (value: unknown): Problem | undefined =>
  typeof value !== 'string' ? NOT_TEXT : value.length > MAX_TEXT ? TOO_LONG : isSafeText(value) ? undefined : UNSAFE;
const textSchema = () => z.string().max(MAX_TEXT).refine(isSafeText);

export const text = () => textSchema().register(fastChecks, { problem: textProblem });

export const int = () =>
  z.int().register(fastChecks, { problem: (value) => (typeof value === 'number' && Number.isSafeInteger(value) ? undefined : NOT_INT) });

export const bool = () => z.boolean().register(fastChecks, { problem: (value) => (typeof value === 'boolean' ? undefined : NOT_BOOL) });

/** A text that must be one of these values. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  const legal = new Set<unknown>(values);
  const notOne: Problem = { words: `is not one of ${values.join(', ')}`, namesValue: true };
  return z.enum(values).register(fastChecks, { problem: (value) => (legal.has(value) ? undefined : (textProblem(value) ?? notOne)) });
}

/** A text of a given shape. */
export function shaped(format: TextFormat) {
  const test = FORMATS[format];
  const misshapen: Problem = { words: `is not ${FORMAT_NAMES[format]}`, namesValue: true };
  return textSchema()
    .refine(test)
    .register(fastChecks, { problem: (value) => textProblem(value) ?? (test(value as string) ? undefined : misshapen), format });
}

/** Marks a field as personal data: purged by writing it away, never part of an aggregate. */
export const personal = <T extends z.ZodType>(schema: T): T => schema.meta({ personal: true });

/** One field's schema, compiled once for the check every inbound change goes through. */
export interface FieldCheck {
  readonly schema: z.ZodType;
  readonly kind: FieldKind;
  readonly personal: boolean;
  /** The legal values of an enumerated text. */
  readonly values?: readonly string[];
  readonly format?: TextFormat;
  readonly problem: (value: unknown) => Problem | undefined;
}

const REFUSED: Problem = { words: 'not what the field schema takes' };

export function compileField(schema: z.ZodType): FieldCheck {
  const type = schema.def.type;
  const fast = fastChecks.get(schema);
  return {
    schema,
    kind: type === 'boolean' ? 'bool' : type === 'number' ? 'int' : 'text',
    personal: z.globalRegistry.get(schema)?.personal === true,
    values: schema instanceof z.ZodEnum ? (schema.options as string[]) : undefined,
    format: fast?.format,
    // A schema not built above is checked by zod itself.
    problem: fast?.problem ?? ((value) => (schema.safeParse(value).success ? undefined : REFUSED)),
  };
}

/** Why a value does not fit its field, in words for the log; undefined when it fits. */
export function valueProblem(field: FieldCheck, value: unknown): string | undefined {
  if (value === null) return undefined;
  const problem = field.problem(value);
  if (problem === undefined) return undefined;
  if (!problem.namesValue) return problem.words;
  // A personal value never goes into a log line.
  const shown = field.personal ? 'the value' : JSON.stringify(String(value).slice(0, 40));
  return `${shown} ${problem.words}`;
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real day of the Gregorian calendar (1950-02-30 is not); checked on every synced date, so no Date. */
function isCalendarDay(match: RegExpExecArray | null): boolean {
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
}

/** Risk flags of DOMAIN.md: each is its own field of a stay so concurrent edits of two flags both survive. */
export const RISK_FLAGS = [
  'fall',
  'pressureUlcer',
  'urinaryInfection',
  'news2',
  'medicines',
  'nutrition',
  'infection',
  'allergy',
  'twoCarers',
  'hlrMinus',
] as const;
export type RiskFlag = (typeof RISK_FLAGS)[number];
const RISK_FLAG_NAMES = new Set<string>(RISK_FLAGS);

/** A JSON object whose values are all plain (no nesting: SQLite's JSON functions refuse deep nests). */
function isPlainObject(value: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return false;
  }
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && Object.values(parsed).every((v) => v === null || typeof v !== 'object');
}

const FORMATS: Record<TextFormat, (value: string) => boolean> = {
  instant: (value) => isCalendarDay(INSTANT.exec(value)),
  date: (value) => isCalendarDay(DATE.exec(value)),
  record: (value) => /^[A-Za-z0-9_-]{1,64}$/.test(value),
  unit: (value) => /^[a-z0-9][a-z0-9-]{0,31}$/.test(value),
  flags: (value) => value === '' || value.split(',').every((flag) => RISK_FLAG_NAMES.has(flag)),
  object: isPlainObject,
};
const FORMAT_NAMES: Record<TextFormat, string> = {
  instant: 'an ISO 8601 instant with an offset',
  date: 'a calendar date (YYYY-MM-DD)',
  record: 'a record id',
  unit: 'a unit id',
  flags: 'a list of risk flags',
  object: 'a JSON object of plain values',
};
