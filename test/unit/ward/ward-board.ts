/** A board service on a temp folder with a movable clock, and typed shortcuts for the ward tests. */

import { BoardService } from '../../../main/services/board-service.js';
import type { CommandName, CommandOutput } from '../../../shared/api/contract.js';
import type { Result } from '../../../shared/api/result.js';
import { tempDir } from '../../helpers/temp-dir.js';

export interface TestBoard {
  service: BoardService;
  clock: { now: Date };
  run<K extends CommandName>(command: K, input: unknown): Result<CommandOutput<K>>;
  value<K extends CommandName>(command: K, input: unknown): CommandOutput<K>;
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
    run: (command, input) => board.service.dispatch(command, input, 'test') as never,
    value(command, input) {
      const result = board.run(command, input);
      if (!result.ok) throw new Error(`${command}: ${result.code}: ${result.message}`);
      return result.value;
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

/** A configured unit with two patients, one of them shielded, and a unit leader and a nurse with PINs. */
export function seedWard(board: TestBoard) {
  board.value('unit.configure', { name: 'Solsiden', kind: 'nursing-home', beds: [{ label: '101' }, { label: '102' }, { label: '103' }] });
  const ingrid = board.value('stay.admit', { bed: '101', name: 'Ingrid Haugland', initials: 'IH', birthDate: '1938-04-17', adl: 4, flags: { fall: true } }).id;
  const shielded = board.value('stay.admit', { bed: '102', name: 'Per Skjermet', initials: 'PS', birthDate: '1941-01-01', adl: 2, shielded: true }).id;
  const leader = board.value('staff.set', { name: 'Liv Leder', role: 'unit-leader', pin: '2468' }).id;
  const screen = 'screen-1';
  const leaderSession = { token: board.value('session.unlock', { staffId: leader, pin: '2468', screen }).token, screen };
  const nurse = board.value('staff.set', { session: leaderSession, name: 'Nils Sykepleier', role: 'nurse', pin: '1357' }).id;
  return { ingrid, shielded, leader, nurse, leaderSession, screen };
}
