/**
 * Boards of a shared reception in one process, one per organisation, with a relay that carries
 * each board's outbox as the broker's ACL would (docs/shared-reception.md): the unit's scope to
 * every board, an organisation's private scope to that organisation's boards only.
 */

import { BoardService } from '../../main/board/board-service.js';
import { dispatchAs } from '../../main/board/in-process-session.js';
import type { StaffMember } from '../../shared/api/commands/ward.js';
import type { CommandName, CommandOutput } from '../../shared/api/contract.js';
import type { Result } from '../../shared/api/result.js';
import { boardScopes } from '../../shared/sync/topics.js';
import { tempDir } from './temp-dir.js';
import { PseudonymSecret } from '../../main/privacy/pseudonym.js';
import { randomBytes } from 'node:crypto';

export const RECEPTION = {
  name: 'Felles mottak',
  kind: 'shared-reception',
  organisations: ['legevakt', 'sykehus'],
  beds: [{ label: 'R1' }, { label: 'R2' }, { label: 'R3' }, { label: 'S1' }],
} as const;

export interface ReceptionBoard {
  service: BoardService;
  organisation: string;
  staff: StaffMember;
  /** Runs a command as this board's staff member (an unlocked session). */
  edit<K extends CommandName>(command: K, input: object): CommandOutput<K>;
  run<K extends CommandName>(command: K, input: object): Result<CommandOutput<K>>;
  /** Runs a command as a locked screen sends it. */
  locked<K extends CommandName>(command: K, input?: object): CommandOutput<K>;
}

export interface ReceptionWorld {
  clock: { now: Date };
  boards: ReceptionBoard[];
  /** Carries every board's unsent changes to the boards whose scopes hold them; returns how many changes moved. */
  relay(only?: readonly ReceptionBoard[]): number;
  close(): void;
}

const value = <T>(command: string, result: Result<T>): T => {
  if (!result.ok) throw new Error(`${command}: ${result.code}: ${result.message}`);
  return result.value;
};

/**
 * One board per organisation name given (two of the same organisation are two boards of it), all
 * with one pseudonym secret, as provisioning gives every replica of a municipality.
 */
export function openReception(organisations: readonly string[] = ['legevakt', 'sykehus'], start = '2026-11-23T09:00:00Z'): ReceptionWorld {
  const dir = tempDir('tavla-reception-');
  const pseudonyms = new PseudonymSecret(randomBytes(32).toString('base64url'));
  const clock = { now: new Date(start) };
  const boards = organisations.map((organisation, n): ReceptionBoard => {
    const service = new BoardService({ dataDir: `${dir.path}/${organisation}-${n}`, municipality: 'fjordvik', unit: 'mottak', organisation, now: () => clock.now, pseudonyms });
    const { id } = value('staff.set', service.dispatch('staff.set', { name: `Leder ${organisation} ${n}`, role: 'unit-leader', pin: '2468' }) as Result<{ id: string }>);
    const staff: StaffMember = { id, name: `Leder ${organisation} ${n}`, role: 'unit-leader' } as StaffMember;
    const run = <K extends CommandName>(command: K, input: object) => dispatchAs(service, staff, command, input) as Result<CommandOutput<K>>;
    return {
      service,
      organisation,
      staff,
      run,
      edit: (command, input) => value(command, run(command, input)),
      locked: (command, input = {}) => value(command, service.dispatch(command, input) as Result<CommandOutput<typeof command>>),
    };
  });
  const sent = new Map<ReceptionBoard, number>();
  return {
    clock,
    boards,
    relay(only = boards) {
      let moved = 0;
      for (const from of only) {
        const batch = from.service.store.unsent(100_000).filter((row) => row.seq > (sent.get(from) ?? 0));
        if (batch.length === 0) continue;
        sent.set(from, batch.at(-1)!.seq);
        for (const to of only) {
          if (to === from) continue;
          const holds = boardScopes({ unit: 'mottak', organisation: to.organisation });
          const scopes = [...new Set(batch.map((row) => row.scope))].filter((scope) => holds.includes(scope));
          for (const scope of scopes) {
            const changes = batch.filter((row) => row.scope === scope).map((row) => row.change);
            to.service.store.applyRemote(changes, scope);
            moved += changes.length;
          }
        }
      }
      return moved;
    },
    close() {
      for (const board of boards) board.service.close();
      dir.remove();
    },
  };
}
