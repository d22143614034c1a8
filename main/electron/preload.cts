/**
 * The preload: exposes `window.tavla`, one function per command of the contract and one event
 * subscription — never ipcRenderer or a generic send, so a script in the page can reach nothing else.
 *
 * A sandboxed preload is CommonJS and may require only 'electron', so this file cannot load
 * shared/ at run time. The few constants it needs are written out here and checked against
 * shared/ by the compiler through type-only imports (erased from the output), so they cannot
 * drift unnoticed; the e2e test checks the channels answer.
 */

// A .cts file under verbatimModuleSyntax spells a run-time CommonJS import this way.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import electron = require('electron');
import type { IpcRendererEvent } from 'electron';
import type { EVENT_CHANNEL as SharedEventChannel, TavlaBridge } from '../../shared/api/bridge.js';
import type { CommandName, EventName } from '../../shared/api/contract.js';
import type { Result } from '../../shared/api/result.js';

const { contextBridge, ipcRenderer } = electron;

// One entry per command: the type requires every command of the contract and refuses any other.
const COMMANDS: { readonly [K in CommandName]: true } = {
  'app.info': true,
  'unit.state': true,
  'unit.configure': true,
  'stay.admit': true,
  'stay.setFlag': true,
  'stay.discharge': true,
  'bed.setStatus': true,
  'task.create': true,
  'task.complete': true,
  // Ward board (shared/api/commands/ward.ts)
  'ward.state': true,
  'ward.tasks': true,
  'ward.settings': true,
  'ward.configure': true,
  'sync.state': true,
  'staff.list': true,
  'staff.set': true,
  'staff.remove': true,
  'staff.release': true,
  'session.unlock': true,
  'session.touch': true,
  'session.lock': true,
  'stay.reveal': true,
  'stay.note': true,
  'stay.plan': true,
  'task.templates': true,
  'task.fromTemplate': true,
  'task.reopen': true,
  'capacity.view': true,
  'staffing.set': true,
  'handover.view': true,
  'handover.setNotes': true,
  'handover.acknowledge': true,
  'audit.list': true,
  // Pathways (shared/api/commands/pathway.ts)
  'pathway.templates': true,
  'pathway.saveTemplate': true,
  'pathway.removeTemplate': true,
  'pathway.start': true,
  'pathway.completeStep': true,
  'pathway.skipStep': true,
  'pathway.list': true,
  'hub.directory': true,
  'hub.overview': true,
  // Leader view on the hub (shared/api/commands/leader.ts)
  'leader.capacity': true,
  'leader.flow': true,
  'leader.indicators': true,
  'leader.forecast': true,
  'leader.benefits': true,
  'leader.alarms': true,
  'leader.reception': true,
  'benefit.define': true,
  'benefit.remove': true,
  'leader.setRate': true,
  'leader.exportCsv': true,
  'leader.exportFhir': true,
  // Patient flow (shared/api/commands/flow.ts)
  'flow.state': true,
  'flow.allocation': true,
  'flow.setRate': true,
  'transfer.request': true,
  'transfer.cancel': true,
  'transfer.accept': true,
  'transfer.decline': true,
  'transfer.schedule': true,
  'transfer.complete': true,
  'transfer.place': true,
  'plo.imports': true,
  // Home care (shared/api/commands/homecare.ts)
  'visit.templates': true,
  'visit.plan': true,
  'visit.start': true,
  'visit.complete': true,
  'visit.assign': true,
  'homecare.day': true,
  'homecare.access': true,
  'homecare.setAccess': true,
  'leader.visits': true,
  // Welfare-technology alarms (shared/api/commands/alarm.ts)
  'alarm.list': true,
  'alarm.accept': true,
  'alarm.escalate': true,
  'alarm.close': true,
  // The virtual ward (shared/api/commands/homehospital.ts)
  'episode.board': true,
  'episode.admit': true,
  'episode.recordRound': true,
  'episode.planVisit': true,
  'episode.escalate': true,
  'episode.end': true,
  'episode.settings': true,
  'episode.shared': true,
  'leader.virtualWard': true,
  'alarm.assign': true,
  // The shared emergency reception (shared/api/commands/encounter.ts)
  'encounter.list': true,
  'encounter.arrive': true,
  'encounter.triage': true,
  'encounter.assess': true,
  'encounter.note': true,
  'encounter.handover': true,
  'encounter.dispose': true,
};
const EVENT_CHANNEL = 'tavla:event' satisfies typeof SharedEventChannel;
// Mirrors commandChannel() in shared/api/bridge.ts, whose return type is a plain string.
const commandChannel = (command: CommandName): string => `tavla:command:${command}`;

async function call(command: CommandName, input: unknown): Promise<Result<unknown>> {
  try {
    return (await ipcRenderer.invoke(commandChannel(command), input)) as Result<unknown>;
  } catch (error) {
    // invoke rejects when no handler is registered yet or the window is closing: still an envelope.
    return { ok: false, code: 'internal', message: error instanceof Error ? error.message : 'ipc call failed' };
  }
}

const bridge = {
  // Built from the list above; the cast only restores the per-command signatures fromEntries loses.
  commands: Object.fromEntries(
    (Object.keys(COMMANDS) as CommandName[]).map((command) => [command, (input: unknown) => call(command, input)]),
  ) as unknown as TavlaBridge['commands'],
  onEvent(handler: (event: EventName, data: unknown) => void): () => void {
    // The IpcRendererEvent stays here: it carries `sender`, which is ipcRenderer itself.
    const listener = (_event: IpcRendererEvent, event: EventName, data: unknown) => handler(event, data);
    ipcRenderer.on(EVENT_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, listener);
    };
  },
} satisfies TavlaBridge;

contextBridge.exposeInMainWorld('tavla', bridge);
