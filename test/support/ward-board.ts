/** A board service on a temp folder with a movable clock, and typed shortcuts for the ward tests. */

import { BoardService } from '../../main/board/board-service.js';
import { dispatchAs } from '../../main/board/in-process-session.js';
import type { StaffMember } from '../../shared/api/commands/ward.js';
import type { CommandName, CommandOutput } from '../../shared/api/contract.js';
import type { Result } from '../../shared/api/result.js';
import { tempDir } from './temp-dir.js';

export interface TestBoard {
  service: BoardService;
  clock: { now: Date };
  /** Runs a command as the screen sends it: locked unless the input carries a session. */
  run<K extends CommandName>(command: K, input: unknown): Result<CommandOutput<K>>;
  value<K extends CommandName>(command: K, input: unknown): CommandOutput<K>;
  /** Runs a command that must succeed as the unit leader, under a session of its own (in-process). */
  edit<K extends CommandName>(command: K, input: object): CommandOutput<K>;
  /** Reopens the same data folder (a restart). */
  restart(): void;
  audit(): { actor: string; action: string; record: string | null; detail: string | null }[];
  close(): void;
}

export function openTestBoard(start = '2026-11-23T09:00:00Z', dir = tempDir('tavla-ward-')): TestBoard {
  const clock = { now: new Date(start) };
  const open = () => new BoardService({ dataDir: dir.path, municipality: 'fjordvik', unit: 'solsiden', now: () => clock.now });
  const board: TestBoard = {
    service: open(),
    clock,
    run: (command, input) => board.service.dispatch(command, input) as never,
    value(command, input) {
      return valueOf(command, board.run(command, input));
    },
    edit(command, input) {
      const leader = board.service.db.prepare("SELECT id, name, role FROM staff WHERE role = 'unit-leader' AND removed_at IS NULL").get() as StaffMember;
      return valueOf(command, dispatchAs(board.service, leader, command, input) as Result<CommandOutput<typeof command>>);
    },
    restart() {
      board.service.close();
      board.service = open();
    },
    audit: () => board.service.db.prepare('SELECT actor, action, record, detail FROM audit ORDER BY seq').all() as never,
    close() {
      board.service.close();
      dir.remove();
    },
  };
  return board;
}

function valueOf<K extends CommandName>(command: K, result: Result<CommandOutput<K>>): CommandOutput<K> {
  if (!result.ok) throw new Error(`${command}: ${result.code}: ${result.message}`);
  return result.value;
}

/** A configured unit with two patients, one of them shielded, and a unit leader and a nurse with PINs. */
export function seedWard(board: TestBoard) {
  // First-run setup, as IT does it: the unit and its first unit leader need no session.
  board.value('unit.configure', { name: 'Solsiden', kind: 'nursing-home', beds: [{ label: '101' }, { label: '102' }, { label: '103' }] });
  const leader = board.value('staff.set', { name: 'Liv Leder', role: 'unit-leader', pin: '2468' }).id;
  const screen = 'screen-1';
  const leaderSession = { token: board.value('session.unlock', { staffId: leader, pin: '2468', screen }).token, screen };
  const ingrid = board.value('stay.admit', { session: leaderSession, bed: '101', name: 'Ingrid Haugland', initials: 'IH', birthDate: '1938-04-17', adl: 4, flags: { fall: true } }).id;
  const shielded = board.value('stay.admit', { session: leaderSession, bed: '102', name: 'Per Skjermet', initials: 'PS', birthDate: '1941-01-01', adl: 2, shielded: true }).id;
  const nurse = board.value('staff.set', { session: leaderSession, name: 'Nils Sykepleier', role: 'nurse', pin: '1357' }).id;
  return { ingrid, shielded, leader, nurse, leaderSession, screen };
}
