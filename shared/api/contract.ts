/**
 * The API contract: every command's input schema and output type, and every pushed event.
 * Main validates inputs against these schemas; both transports and the HTTP API derive from it.
 */

import { z } from 'zod';
import { RISK_FLAGS } from '../domain/schema.js';
import { BED_STATUSES, UNIT_KINDS, type UnitState } from '../domain/types.js';

const recordId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');
const shortText = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const isoDateTime = z.iso.datetime({ offset: true });
const person = shortText(80);

const riskFlagInput = z.enum(RISK_FLAGS);
const flagsInput = z.partialRecord(riskFlagInput, z.boolean());

/** Declares a command: its runtime-validated input and its (type-only) output. */
function command<Output>() {
  return <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });
}

interface Created {
  id: string;
}

/** Who answers: every host says what it is, so one renderer can show a board or the leader view. */
export interface AppInfo {
  role: 'board' | 'hub';
  municipality: string;
  unit: string | null;
  nodeId: string;
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
} as const;

export const BOARD_COMMANDS = {
  'unit.state': command<UnitState>()(z.strictObject({})),
  'unit.configure': command<Created>()(
    z.strictObject({
      name: shortText(80),
      kind: z.enum(UNIT_KINDS),
      capacity: z.int().min(0).max(10_000).optional(),
      beds: z
        .array(z.strictObject({ label: shortText(20), room: shortText(20).optional() }))
        .max(500)
        .refine((beds) => new Set(beds.map((bed) => bed.label)).size === beds.length, 'bed labels must be unique'),
    }),
  ),
  'stay.admit': command<Created>()(
    z.strictObject({
      bed: shortText(20).optional(),
      name: person,
      initials: z.string().trim().min(1).max(4),
      birthDate: isoDate,
      flags: flagsInput.optional(),
      adl: z.int().min(1).max(5).optional(),
      nurse: shortText(80).optional(),
      expectedDischarge: isoDate.optional(),
      shielded: z.boolean().optional(),
    }),
  ),
  'stay.setFlag': command<Created>()(
    z.strictObject({ stayId: recordId, flag: riskFlagInput, value: z.boolean() }),
  ),
  'stay.discharge': command<Created>()(z.strictObject({ stayId: recordId })),
  'bed.setStatus': command<Created>()(
    z.strictObject({ bed: shortText(20), status: z.enum(BED_STATUSES) }),
  ),
  'task.create': command<Created>()(
    z.strictObject({
      title: shortText(120),
      stayId: recordId.optional(),
      due: isoDateTime.optional(),
      recurrenceMinutes: z.int().min(5).max(7 * 24 * 60).optional(),
    }),
  ),
  'task.complete': command<Created>()(z.strictObject({ id: recordId, by: person })),
} as const;

export const COMMANDS = { ...COMMON_COMMANDS, ...BOARD_COMMANDS, ...HUB_COMMANDS } as const;

export type CommandName = keyof typeof COMMANDS;
export type BoardCommandName = keyof typeof BOARD_COMMANDS;
export type HubCommandName = keyof typeof HUB_COMMANDS;
export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];
export type CommandInput<K extends CommandName> = z.input<(typeof COMMANDS)[K]['input']>;
export type ParsedInput<K extends CommandName> = z.output<(typeof COMMANDS)[K]['input']>;
export type CommandOutput<K extends CommandName> = (typeof COMMANDS)[K]['output'];

export function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(COMMANDS, name);
}

/** Sync status as /healthz and the offline banner report it. */
export interface SyncStatus {
  broker: 'connected' | 'offline';
  offlineSince: string | null;
  outbox: number;
  rejected: number;
  lastSyncAt: string | null;
}

/** Events pushed from main to every connected renderer. */
export interface EventMap {
  'state.changed': { collections: string[] };
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
