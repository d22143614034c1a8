/**
 * The API contract: every command's input schema and output type, and every pushed event.
 * Main validates inputs against these schemas; both transports and the HTTP API derive from it.
 */

import { z } from 'zod';
import { FLOW_BOARD_COMMANDS, FLOW_HUB_COMMANDS } from './commands/flow.js';
import { HOMECARE_COMMANDS } from './commands/homecare.js';
import { HOMEHOSPITAL_COMMANDS } from './commands/homehospital.js';
import { LEADER_COMMANDS } from './commands/leader.js';
import { PATHWAY_COMMANDS } from './commands/pathway.js';
import { ALARM_COMMANDS } from './commands/alarm.js';
import { ENCOUNTER_COMMANDS } from './commands/encounter.js';
import { UNIT_COMMANDS } from './commands/unit.js';
import { WARD_COMMANDS, type SessionRef } from './commands/ward.js';
import { command } from './schema-parts.js';

/** Who answers: every host says what it is, so one renderer can show a board or the leader view. */
export interface AppInfo {
  role: 'board' | 'hub';
  municipality: string;
  unit: string | null;
  nodeId: string;
  /** A board's unit kind once configured (the allocation office gets its own view). */
  unitKind: string | null;
  /** A shared reception's board: the organisation it runs for. */
  organisation?: string | null;
  /** The page may only look (the hub's leader screen address): edit controls hidden, edits refused. */
  readOnly?: boolean;
  /** The leader signed in on the hub's leader address (OpenID Connect): shown beside a sign-out link. */
  signedInAs?: string;
}

/** A board the hub knows how to open. */
export interface BoardLink {
  unit: string;
  name: string;
  kind: string;
  url: string;
}

/** One unit's capacity now, as the leader view sees it: aggregates only, no personal data. */
export interface UnitOverview {
  unit: string;
  name: string;
  kind: string;
  beds: number;
  occupied: number;
  free: number;
  /** Free beds promised to an incoming transfer: not counted in `free`. */
  reserved: number;
  blocked: number;
  cleaning: number;
  patients: number;
  dischargeReady: number;
  tasksOpen: number;
  tasksOverdue: number;
}

export const COMMON_COMMANDS = {
  'app.info': command<AppInfo>()(z.strictObject({})),
} as const;

export const HUB_COMMANDS = {
  'hub.directory': command<BoardLink[]>()(z.strictObject({})),
  'hub.overview': command<UnitOverview[]>()(z.strictObject({})),
  ...LEADER_COMMANDS,
  ...FLOW_HUB_COMMANDS,
} as const;

/** Everything a unit's board answers. */
export const BOARD_COMMANDS = { ...UNIT_COMMANDS, ...WARD_COMMANDS, ...FLOW_BOARD_COMMANDS, ...HOMECARE_COMMANDS, ...PATHWAY_COMMANDS, ...ALARM_COMMANDS, ...HOMEHOSPITAL_COMMANDS, ...ENCOUNTER_COMMANDS } as const;

export const COMMANDS = { ...COMMON_COMMANDS, ...BOARD_COMMANDS, ...HUB_COMMANDS } as const;

export type CommandName = keyof typeof COMMANDS;
export type BoardCommandName = keyof typeof BOARD_COMMANDS;
export type HubCommandName = keyof typeof HUB_COMMANDS;
export type UnitCommandName = keyof typeof UNIT_COMMANDS;
export type WardCommandName = keyof typeof WARD_COMMANDS;
export type FlowBoardCommandName = keyof typeof FLOW_BOARD_COMMANDS;
export type PathwayCommandName = keyof typeof PATHWAY_COMMANDS;
export type AlarmCommandName = keyof typeof ALARM_COMMANDS;
export type EncounterCommandName = keyof typeof ENCOUNTER_COMMANDS;
export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];
/** A board command's input may carry the screen's session beside its own fields (commands/access.ts). */
export type CommandInput<K extends CommandName> = z.input<(typeof COMMANDS)[K]['input']> &
  (K extends BoardCommandName ? { session?: SessionRef } : unknown);
export type ParsedInput<K extends CommandName> = z.output<(typeof COMMANDS)[K]['input']>;
export type CommandOutput<K extends CommandName> = (typeof COMMANDS)[K]['output'];

export function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(COMMANDS, name);
}

// The replica's sync status lives in its own file, so command groups can name it without importing the contract.
export * from './sync-status.js';
import type { SyncStatus } from './sync-status.js';

/**
 * What changed in main, as screens are told it: one event per committed transaction (a whole
 * command's commits as one), a local tap and another board's batch alike.
 */
export interface StateChange {
  /**
   * The collections the commit touched, each once, in the order first touched. Empty means
   * "anything" (the transport's reconnect, when events may have been lost).
   */
  collections: string[];
  /**
   * The tasks it changed, when tasks (and audit entries) were all it touched and they are few
   * (at most 50): a screen may re-read just those (`ward.tasks`) instead of the whole unit.
   */
  tasks?: string[];
  /** `local`: a command on this replica; `remote`: a peer's changes merged. Absent when not a commit. */
  origin?: 'local' | 'remote';
}

/** Events pushed from main to every connected renderer. */
export interface EventMap {
  'state.changed': StateChange;
  'sync.status': SyncStatus;
}
export type EventName = keyof EventMap;
export interface EventMessage<K extends EventName = EventName> {
  event: K;
  data: EventMap[K];
}

/** One request over the WebSocket transport; the answer carries the same id. */
export interface WireRequest {
  id: number;
  command: string;
  input: unknown;
}
export interface WireResponse {
  id: number;
  result: unknown;
}
