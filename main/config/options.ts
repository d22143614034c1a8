/**
 * What a configuration holds — the options of every role, from a `--config` JSON file, the command
 * line or an Electron screen's file alike — validated before anything starts. The CLI, the runtimes
 * and Electron read this schema; none of them owns it.
 */

import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';

/** A configuration that cannot run; the message names the option (`--flag: what is wrong`). */
export class UsageError extends Error {}

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'lowercase letters, digits and -, at most 32 characters');
const BROKER_URL = /^(mqtts?|wss?):\/\/[^\s,]+$/;
/** At most this many brokers in a list: the nodes of one cluster, not a directory of them. */
const MAX_BROKERS = 16;
/**
 * One broker URL or several (the nodes of a clustered broker): comma-separated text or, in a
 * configuration file, an array. Held as one comma-separated string (docs/protocol.md, "Broker lists").
 */
const brokerList = z
  .union([z.string(), z.array(z.string()).min(1, 'a list of at least one broker URL')], {
    error: 'an mqtt://, mqtts://, ws:// or wss:// URL, or a list of them',
  })
  .transform((value, context) => {
    const urls = [value].flat().flatMap((text) => text.split(',')).map((url) => url.trim());
    const bad = urls.find((url) => !BROKER_URL.test(url));
    if (bad !== undefined) {
      context.addIssue({ code: 'custom', message: bad === '' ? 'an empty broker URL in the list' : `'${bad}' is not an mqtt://, mqtts://, ws:// or wss:// URL` });
      return z.NEVER;
    }
    const twice = urls.find((url, i) => urls.indexOf(url) !== i);
    if (twice !== undefined) context.addIssue({ code: 'custom', message: `'${twice}' is listed twice` });
    if (urls.length > MAX_BROKERS) context.addIssue({ code: 'custom', message: `at most ${MAX_BROKERS} broker URLs` });
    return urls.join(',');
  });
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

/** The options every role understands; also the shape of a configuration file. */
export const RoleOptions = z.strictObject({
  municipality: slug.optional(),
  unit: slug.optional(),
  /** A shared reception's board runs for one of its organisations (docs/shared-reception.md). */
  organisation: slug.optional(),
  /** One broker URL, or the nodes of a clustered broker: comma-separated, tried in turn (canonical: comma-joined). */
  broker: brokerList.optional(),
  brokerPort: port.optional(),
  data: z.string().min(1).optional(),
  port: port.optional(),
  config: z.string().min(1).optional(),
  boards: z.coerce.number().int().min(1).max(50).optional(),
  /** A folder the hub watches for PLO message files. */
  ploInbox: z.string().min(1).optional(),
  /** A folder the hub watches for VKP (welfare-technology) FHIR bundles, and the home-care unit unmatched alarms go to. */
  vkpInbox: z.string().min(1).optional(),
  vkpUnit: slug.optional(),
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
  /** The municipality's pseudonym secret `tavla provision` wrote: identity numbers are keyed under it (docs/deploy.md). */
  pseudonymKey: z.string().min(1).optional(),
  /** `provision`: the folder written, the units and boards in it, the host and port boards dial. */
  out: z.string().min(1).optional(),
  units: z
    .string()
    .transform((list) => list.split(',').map((unit) => unit.trim()))
    .pipe(z.array(slug).min(1))
    .optional(),
  /** `provision`: a shared reception's organisations, `<unit>:<org>+<org>` (comma between units); its boards are issued per organisation. */
  organisations: z
    .string()
    .transform((list) => list.split(',').map((part) => part.trim().split(':')))
    .pipe(z.array(z.tuple([slug, z.string().transform((orgs) => orgs.split('+')).pipe(z.array(slug).min(2))])).min(1))
    .transform((pairs) => Object.fromEntries(pairs) as Record<string, string[]>)
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
  /** The hub's aggregate sink: a PostgreSQL database the leader view's figures are written to (docs/leader.md, "The warehouse"). */
  warehouse: z
    .string()
    .refine((value) => /^postgres(ql)?:\/\/[^\s]+$/.test(value), 'a postgres://user@host:port/database URL (its password in a --config file)')
    .optional(),
});
export type RoleOptions = z.infer<typeof RoleOptions>;

/** Validates a configuration (a file's keys with the command line's over them); throws UsageError naming the first bad option. */
export function parseOptions(raw: Record<string, unknown>): RoleOptions {
  const result = RoleOptions.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new UsageError(`--${kebab(String(issue.path[0] ?? ''))}: ${issue.message}`);
  }
  return result.data;
}

/** Keys naming files: in a configuration file they are relative to the file's own folder. */
const FILE_KEYS = ['brokerCa', 'brokerCert', 'brokerKey', 'pseudonymKey'] as const;

/** A configuration file's keys, with its file paths made absolute; throws UsageError when it is unreadable or not a JSON object. */
export function readConfigFile(file: string): Record<string, unknown> {
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

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** The digest round's period in ms, when configured. */
export function syncPeriodMs(options: RoleOptions): number | undefined {
  return options.syncPeriod === undefined ? undefined : Math.round(options.syncPeriod * 1000);
}

/** Requires an option a role cannot run without. */
export function required<T>(value: T | undefined, flag: string, role: string): T {
  if (value === undefined) throw new UsageError(`tavla ${role} needs --${flag}`);
  return value;
}
