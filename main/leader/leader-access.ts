/**
 * What a leader may ask and change, checked on the hub after the input is validated and before a
 * handler runs: a unit named in the input must be one the caller sees; benefits of a unit need the
 * leader role for that unit; the daily rates and municipality-wide benefits need a municipal leader.
 */

import type { LeaderCommandName } from '../../shared/api/commands/leader.js';
import { fail, type Result } from '../../shared/api/result.js';
import type { Db } from '../store/database.js';
import { listBenefits } from './benefit-store.js';
import { sees, type LeaderCaller } from './leader-scope.js';

const EDITS = new Set<LeaderCommandName>(['benefit.define', 'benefit.remove', 'leader.setRate']);

/** A refusal, or undefined when the caller may run the command with this input. */
export function refusal(db: Db, caller: LeaderCaller, command: LeaderCommandName, input: { unit?: string; id?: string }): Result<never> | undefined {
  if (input.unit !== undefined && !sees(caller, input.unit)) return fail('forbidden', `${command}: unit ${input.unit} is not yours to see`, { reason: 'not-your-unit', unit: input.unit });
  if (!EDITS.has(command)) return undefined;
  if (!caller.mayEdit) return fail('forbidden', `${command}: this address is read-only; change benefits and rates signed in as a leader`, { reason: 'read-only-address' });
  const municipal = caller.units === null;
  if (command === 'leader.setRate' && !municipal) return fail('forbidden', 'leader.setRate: the daily rate is the municipality\'s; only a municipal leader sets it', { reason: 'municipal-leader-only' });
  if (command === 'benefit.define' && input.unit === undefined && !municipal) {
    return fail('forbidden', 'benefit.define: a benefit for the whole municipality needs a municipal leader; name your unit', { reason: 'municipal-leader-only' });
  }
  if (command === 'benefit.remove' && !municipal) {
    const benefit = listBenefits(db).find((b) => b.id === input.id);
    if (benefit && (benefit.unit === null || !sees(caller, benefit.unit))) return fail('forbidden', `benefit.remove: benefit ${input.id} is not one of your units'`, { reason: 'benefit-unknown' });
  }
  return undefined;
}
