/** Command-line and configuration-file options of `tavla`, validated before anything starts. */

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';

export class UsageError extends Error {}

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'lowercase letters, digits and -, at most 32 characters');
const brokerUrl = z
  .string()
  .refine((value) => /^(mqtts?|wss?):\/\/[^\s]+$/.test(value), 'an mqtt://, mqtts://, ws:// or wss:// URL');
const port = z.coerce.number().int().min(0).max(65535);
const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
/** A duration such as `21d`, `36h`, `90m` or `30s`, in ms. */
const duration = z
  .string()
  .regex(/^[1-9]\d{0,6}[smhd]$/, 'a whole number and a unit: s, m, h or d (e.g. 21d)')
  .transform((text) => Number(text.slice(0, -1)) * UNIT_MS[text.slice(-1) as keyof typeof UNIT_MS]);

/** The options every role understands; also the shape of a board's configuration file. */
export const RoleOptions = z.strictObject({
  municipality: slug.optional(),
  unit: slug.optional(),
  broker: brokerUrl.optional(),
  brokerPort: port.optional(),
  data: z.string().min(1).optional(),
  port: port.optional(),
  config: z.string().min(1).optional(),
  boards: z.coerce.number().int().min(1).max(50).optional(),
  /** A folder the hub watches for PLO message files. */
  ploInbox: z.string().min(1).optional(),
  /** The hub's leader address: the leader view alone, for leaders' desktops and leader screens. */
  leaderPort: port.optional(),
  /** The same, read-only: for wall screens that anyone walking past can touch. */
  leaderScreenPort: port.optional(),
  /** How long tombstones, sent change-log rows and a board's shared audit entries are kept (ms once parsed). */
  horizon: duration.optional(),
  leaderHost: z
    .string()
    .regex(/^[A-Za-z0-9.:-]{1,253}$/, 'an IP address or host name of this machine, e.g. 0.0.0.0 or 10.0.4.2')
    .optional(),
});
export type RoleOptions = z.infer<typeof RoleOptions>;

export const ROLES = ['board', 'hub', 'demo', 'import-plo'] as const;
export type Role = (typeof ROLES)[number];

export const USAGE = `Usage: tavla <command> [options]

Commands:
  board   run one unit's board headless: serves the board UI and API on 127.0.0.1
  hub     run the municipality's hub replica (embedded broker unless --broker is given)
  demo    run a hub, an embedded broker and boards of a fictitious municipality
  import-plo <file or folder>
          import PLO Pasientlogistikk messages into a stopped hub's store (--municipality, --data);
          unreadable files are moved into rejected/ with their reason; exit code 1 unless all imported

Options:
  --municipality <id>   municipality id (board, hub)               e.g. ${'`'}fjordvik${'`'}
  --unit <id>           unit id (board)                            e.g. ${'`'}solsiden${'`'}
  --broker <url>        MQTT broker, mqtt://host:port (board, hub)
  --broker-port <n>     port of the hub's embedded broker (default 1883; 0 picks a free one)
  --data <dir>          data folder holding the SQLite file (default .tavla/<municipality>/<unit>)
  --port <n>            HTTP port on 127.0.0.1 (0 picks a free port; the URL is printed)
  --config <file>       JSON file with any of these options (flags win)
  --plo-inbox <dir>     folder the hub watches for PLO message files (hub)
  --leader-port <n>     also serve the leader view alone on this port, for leaders' desktops and
                        leader screens on the network: aggregates only, no other command (hub)
  --leader-screen-port <n>
                        the same view read-only (no benefit or rate edits), for leader screens (hub)
  --leader-host <addr>  address the leader view listens on (default 0.0.0.0: every interface)
  --horizon <duration>  keep tombstones and sent changes this long, e.g. 21d (default), 36h (board, hub);
                        a replica out of contact for longer starts over from a peer
  --unit <id>           with import-plo or --plo-inbox: the allocation office (default: the only one)
  -h, --help            this help
`;

export interface ParsedCommand {
  role: Role;
  options: RoleOptions;
  /** The file or folder of `import-plo`. */
  path?: string;
}

/** Parses argv (without node and script); throws UsageError with a clear message. */
export function parseCommandLine(argv: readonly string[]): ParsedCommand | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        municipality: { type: 'string' },
        unit: { type: 'string' },
        broker: { type: 'string' },
        'broker-port': { type: 'string' },
        data: { type: 'string' },
        port: { type: 'string' },
        config: { type: 'string' },
        boards: { type: 'string' },
        'plo-inbox': { type: 'string' },
        'leader-port': { type: 'string' },
        'leader-screen-port': { type: 'string' },
        'leader-host': { type: 'string' },
        horizon: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) return 'help';
  const [role, ...rest] = positionals;
  if (!ROLES.includes(role as Role)) throw new UsageError(`unknown command: ${role}`);
  // Only import-plo takes an argument: the file or folder to import.
  const takes = role === 'import-plo' ? 1 : 0;
  if (rest.length > takes) throw new UsageError(`unexpected argument: ${rest[takes]}`);
  if (rest.length < takes) throw new UsageError(`tavla ${role} needs a file or folder to import`);
  const { help: _help, ...flags } = values;
  const fromFile = values.config ? readConfigFile(values.config) : {};
  const result = RoleOptions.safeParse({
    ...fromFile,
    ...Object.fromEntries(Object.entries(flags).map(([flag, value]) => [camel(flag), value])),
  });
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new UsageError(`--${kebab(String(issue.path[0] ?? ''))}: ${issue.message}`);
  }
  return { role: role as Role, options: result.data, ...(takes ? { path: rest[0] } : {}) };
}

function readConfigFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--config: cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
    return value as Record<string, unknown>;
  } catch (error) {
    throw new UsageError(`--config: ${file} is not a JSON object: ${(error as Error).message}`);
  }
}

function camel(flag: string): string {
  return flag.replace(/-([a-z])/g, (_dash, letter: string) => letter.toUpperCase());
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** Requires an option a role cannot run without. */
export function required<T>(value: T | undefined, flag: string, role: Role): T {
  if (value === undefined) throw new UsageError(`tavla ${role} needs --${flag}`);
  return value;
}
