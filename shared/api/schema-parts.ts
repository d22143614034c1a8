/** Building blocks of command schemas, shared by every command group. */

import { z } from 'zod';

export const recordId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');
export const shortText = (max: number) => z.string().trim().min(1).max(max);
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
export const isoDateTime = z.iso.datetime({ offset: true });
export const person = shortText(80);

/** Declares a command: its runtime-validated input and its (type-only) output. */
export function command<Output>() {
  return <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });
}

/** What a command that creates or changes one record answers. */
export interface Created {
  id: string;
}
