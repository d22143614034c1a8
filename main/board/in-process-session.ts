/**
 * Commands run by a staff member from inside the process — the demo's simulated staff, tests —
 * through the same door a screen uses: a real session, opened without a PIN and closed right
 * after. Nothing outside the process can reach this; the host and IPC only call `dispatch`.
 */

import type { StaffMember } from '../../shared/api/commands/ward.js';
import type { Result } from '../../shared/api/result.js';
import type { BoardService } from './board-service.js';
import { closeSession, openSession } from '../staff/sessions.js';

/** Runs one command on `board` as `staff`, signed with a session of its own. */
export function dispatchAs(board: BoardService, staff: StaffMember, command: string, input: object = {}): Result<unknown> {
  const screen = 'in-process';
  const now = board.options.now?.() ?? new Date();
  const { token } = openSession(board.store, staff, screen, now);
  try {
    return board.dispatch(command, { ...input, session: { token, screen } });
  } finally {
    closeSession(board.store, { token, screen });
  }
}
