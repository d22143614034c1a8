/** Building blocks of command schemas, shared by every command group. */

import { z } from 'zod';
import { isSafeText, UNSAFE_TEXT_MESSAGE } from '../domain/text.js';

export const recordId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');
/** Free text a person typed (may be empty): trimmed, at most `max` characters, no NUL or bidi controls. */
export const freeText = (max: number) => z.string().trim().max(max).refine(isSafeText, UNSAFE_TEXT_MESSAGE);
export const shortText = (max: number) => freeText(max).min(1);
/** A calendar date that exists (zod checks month lengths and leap years: no 1950-99-99, no 2026-02-30). */
export const isoDate = z.iso.date({ error: 'a real calendar date as YYYY-MM-DD' });
export const isoDateTime = z.iso.datetime({ offset: true, error: 'a real date and time, ISO 8601 with an offset (2026-03-01T08:00:00+01:00)' });
export const person = shortText(80);

/** Declares a command: its runtime-validated input and its (type-only) output. */
export function command<Output>() {
  return <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });
}

/** What a command that creates or changes one record answers. */
export interface Created {
  id: string;
}
