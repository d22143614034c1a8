/** Command-line and configuration-file options of `tavla`, validated before anything starts. */

import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
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
/** Names or proxy origins, repeated or comma-separated (the request guard: docs/security.md). */
const hostNames = z.preprocess(
  (value) => [value].flat().flatMap((name) => (typeof name === 'string' ? name.split(',').map((part) => part.trim()).filter(Boolean) : [name])),
  z
    .array(
      z
        .string()
        .regex(
          /^(https?:\/\/[A-Za-z0-9.-]{1,253}(:\d{1,5})?\/?|[A-Za-z0-9.-]{1,253})$/,
          "host names such as tavla-hub.kommune.no, or a proxy's origin such as https://tavla.kommune.no; comma-separated",
        ),
    )
    .max(32),
);
const hostName = (example: string) => z.string().regex(/^[A-Za-z0-9.:-]{1,253}$/, example);
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
  leaderHost: hostName('an IP address or host name of this machine, e.g. 0.0.0.0 or 10.0.4.2').optional(),
  /** The broker's CA certificate (PEM), this replica's client certificate and its key: TLS identity. */
  brokerCa: z.string().min(1).optional(),
  brokerCert: z.string().min(1).optional(),
  brokerKey: z.string().min(1).optional(),
  /** A broker username and password (over TLS only); the password belongs in a file, not on a command line. */
  brokerUsername: z.string().min(1).max(256).optional(),
  brokerPassword: z.string().min(1).max(1024).optional(),
  /** `provision`: the folder written, the units and boards in it, the host and port boards dial. */
  out: z.string().min(1).optional(),
  units: z
    .string()
    .transform((list) => list.split(',').map((unit) => unit.trim()))
    .pipe(z.array(slug).min(1))
    .optional(),
  /** More names the API answers to (the Host a browser sends) or a proxy's origin. */
  hostNames: hostNames.optional(),
  /** Leader sign-in with OpenID Connect (docs/security.md): the provider, this hub's client, its callback. */
  oidcIssuer: z.url({ protocol: /^https?$/ }).optional(),
  oidcClientId: z.string().min(1).max(200).optional(),
  oidcClientSecret: z.string().min(1).max(500).optional(),
  oidcRedirectUrl: z.url({ protocol: /^https?$/ }).optional(),
  oidcScope: z.string().regex(/^[\x21-\x7e]+( [\x21-\x7e]+)*$/, 'scopes separated by spaces').optional(),
  /** The claim holding roles (a dotted path reaches a nested one), its two role values, and the unit leader's units. */
  oidcRoleClaim: z.string().min(1).max(100).optional(),
  oidcUnitClaim: z.string().min(1).max(100).optional(),
  oidcMunicipalRole: z.string().min(1).max(100).optional(),
  oidcUnitRole: z.string().min(1).max(100).optional(),
  /** A wall screen's name (device-token). */
  name: z.string().regex(/^[\p{L}\p{N} ._-]{1,60}$/u, 'letters, digits, space, . _ -, at most 60').optional(),
  boardsPerUnit: z.coerce.number().int().min(1).max(50).optional(),
  brokerHost: hostName('the host name or IP address boards and the hub dial, e.g. mqtt.fjordvik.kommune.no').optional(),
  /** `provision`: withdraw one replica's identity, or replace its key and certificate. */
  revoke: z.string().min(1).optional(),
  renew: z.string().min(1).optional(),
  /** Seconds between digest rounds with the unit's peers (docs/protocol.md, "Digest rounds"). */
  syncPeriod: z.coerce.number().min(0.2).max(3600).optional(),
});
export type RoleOptions = z.infer<typeof RoleOptions>;

export const ROLES = ['board', 'hub', 'demo', 'import-plo', 'device-token', 'provision'] as const;
export type Role = (typeof ROLES)[number];

export const USAGE = `Usage: tavla <command> [options]

Commands:
  board   run one unit's board headless: serves the board UI and API on 127.0.0.1
  hub     run the municipality's hub replica (embedded broker unless --broker is given)
  demo    run a hub, an embedded broker and boards of a fictitious municipality
  import-plo <file or folder>
          import PLO Pasientlogistikk messages into a stopped hub's store (--municipality, --data);
          unreadable files are moved into rejected/ with their reason; exit code 1 unless all imported
  device-token issue|list|revoke
          a leader wall screen's device token in the hub's store (--data or --municipality,
          --name; issue takes --unit to show one unit only); the token is printed once
  provision --municipality <m> --units <u1,u2,...> --out <dir> [--boards-per-unit <n>]
            [--broker-host <host>] [--broker-port <n>]
          write a CA, a TLS-only Mosquitto configuration with one identity per replica and an ACL,
          and <dir>/hub.json, <dir>/<unit>-<n>.json for tavla hub/board --config (docs/security.md);
          run again to add units or boards: identities issued before stay valid
  provision --out <dir> --revoke <replica>   withdraw one replica's identity (e.g. solsiden-2)
  provision --out <dir> --renew <replica>    replace one replica's key and certificate

Options:
  --municipality <id>   municipality id (board, hub)               e.g. ${'`'}fjordvik${'`'}
  --unit <id>           unit id (board)                            e.g. ${'`'}solsiden${'`'}
  --broker <url>        MQTT broker, mqtt://host:port or mqtts://host:port (board, hub)
  --broker-ca <file>, --broker-cert <file>, --broker-key <file>
                        TLS: the broker's CA certificate, this replica's certificate and key (PEM)
  --broker-username <name>
                        broker username (its brokerPassword only in a --config file)
  --broker-port <n>     port of the hub's embedded broker (default 1883; 0 picks a free one);
                        with provision, the broker's TLS port (default 8883)
  --data <dir>          data folder holding the SQLite file (default .tavla/<municipality>/<unit>)
  --port <n>            HTTP port on 127.0.0.1 (0 picks a free port; the URL is printed)
  --config <file>       JSON file with any of these options (flags win)
  --plo-inbox <dir>     folder the hub watches for PLO message files (hub)
  --leader-port <n>     also serve the leader view alone on this port, for leaders' desktops and
                        leader screens on the network: aggregates only, no other command (hub)
  --leader-screen-port <n>
                        the same view read-only (no benefit or rate edits), for leader screens (hub)
  --host-names <names>  more names the API answers to besides this machine's addresses and host
                        name (comma-separated or repeated): the hub's DNS name, or the origin of
                        a proxy in front of it, e.g. https://tavla.kommune.no (board, hub)
  --leader-host <addr>  address the leader view listens on (default 0.0.0.0: every interface;
                        127.0.0.1 whatever is given unless leader sign-in is configured)
  --oidc-issuer <url>, --oidc-client-id <id>, --oidc-client-secret <secret>, --oidc-redirect-url <url>
                        leader sign-in with OpenID Connect (hub); also --oidc-scope, --oidc-role-claim,
                        --oidc-unit-claim, --oidc-municipal-role, --oidc-unit-role (docs/security.md)
  --name <screen>       the wall screen a device token is for (device-token)
  --sync-period <s>     seconds between digest rounds with the unit's peers (default 30)
  --horizon <duration>  keep tombstones and sent changes this long, e.g. 21d (default), 36h (board, hub);
                        a replica out of contact for longer starts over from a peer
  --unit <id>           with import-plo or --plo-inbox: the allocation office (default: the only one)
  -h, --help            this help
`;

const OIDC_FLAGS = ['oidc-issuer', 'oidc-client-id', 'oidc-client-secret', 'oidc-redirect-url', 'oidc-scope', 'oidc-role-claim', 'oidc-unit-claim', 'oidc-municipal-role', 'oidc-unit-role'] as const;

export interface ParsedCommand {
  role: Role;
  options: RoleOptions;
  /** The file or folder of `import-plo`; what `device-token` does. */
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
        'host-names': { type: 'string', multiple: true },
        ...Object.fromEntries(OIDC_FLAGS.map((flag) => [flag, { type: 'string' as const }])),
        name: { type: 'string' },
        'broker-ca': { type: 'string' },
        'broker-cert': { type: 'string' },
        'broker-key': { type: 'string' },
        'broker-username': { type: 'string' },
        out: { type: 'string' },
        units: { type: 'string' },
        'boards-per-unit': { type: 'string' },
        'broker-host': { type: 'string' },
        revoke: { type: 'string' },
        renew: { type: 'string' },
        'sync-period': { type: 'string' },
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
  // Only import-plo (the file or folder to import) and device-token (what to do) take an argument.
  const takes = role === 'import-plo' || role === 'device-token' ? 1 : 0;
  if (rest.length > takes) throw new UsageError(`unexpected argument: ${rest[takes]}`);
  if (rest.length < takes) throw new UsageError(role === 'device-token' ? 'tavla device-token needs issue, list or revoke' : `tavla ${role} needs a file or folder to import`);
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

/** Keys naming files: in a configuration file they are relative to the file's own folder. */
const FILE_KEYS = ['brokerCa', 'brokerCert', 'brokerKey'] as const;

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
    return relativeTo(dirname(resolve(file)), value as Record<string, unknown>);
  } catch (error) {
    throw new UsageError(`--config: ${file} is not a JSON object: ${(error as Error).message}`);
  }
}

/** A folder copied to a board works wherever it lands: a configuration file's credential paths follow the file. */
export function relativeTo(folder: string, options: Record<string, unknown>): Record<string, unknown> {
  const resolved = { ...options };
  for (const key of FILE_KEYS) {
    const path = resolved[key];
    if (typeof path === 'string' && path !== '' && !isAbsolute(path)) resolved[key] = resolve(folder, path);
  }
  return resolved;
}

function camel(flag: string): string {
  return flag.replace(/-([a-z])/g, (_dash, letter: string) => letter.toUpperCase());
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** The digest round's period in ms, when configured. */
export function syncPeriodMs(options: RoleOptions): number | undefined {
  return options.syncPeriod === undefined ? undefined : Math.round(options.syncPeriod * 1000);
}

/** Requires an option a role cannot run without. */
export function required<T>(value: T | undefined, flag: string, role: Role): T {
  if (value === undefined) throw new UsageError(`tavla ${role} needs --${flag}`);
  return value;
}
