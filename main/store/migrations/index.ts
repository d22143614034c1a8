/** The numbered migrations, in order. Never edit one that has shipped: add the next. */
import initial from './001-initial.js';
import flowAndShifts from './002-flow-and-shifts.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'flow-and-shifts', sql: flowAndShifts },
];
