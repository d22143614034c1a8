/** The `tavla` command line: its commands, flags and usage text, parsed into the options of main/config/options.ts. */

import { parseArgs } from 'node:util';
import { parseOptions, readConfigFile, UsageError, type RoleOptions } from '../config/options.js';

export { UsageError } from '../config/options.js';

export const ROLES = ['board', 'hub', 'demo', 'import-plo', 'device-token', 'provision', 'vkp-map'] as const;
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
            [--broker-host <host>] [--broker-port <n>] [--organisations <unit>:<org>+<org>]
          write a CA, a TLS-only Mosquitto configuration with one identity per replica and an ACL,
          and <dir>/hub.json, <dir>/<unit>-<n>.json for tavla hub/board --config (docs/security.md);
          run again to add units or boards: identities issued before stay valid; a shared
          reception's boards are issued per organisation, <unit>-<org>-<n> (docs/shared-reception.md)
  vkp-map import|remove <file.csv> | vkp-map list
          the hub's VKP patient mapping (--data or --municipality): a CSV with the columns
          identifier,system,stay (system empty: fødselsnummer) maps each patient identifier to a
          home-care stay, or removes it; only a keyed hash is kept (docs/alarms.md); list shows
          unit and stay only; exit code 1 unless every row was taken
  provision --out <dir> --revoke <replica>   withdraw one replica's identity (e.g. solsiden-2)
  provision --out <dir> --renew <replica>    replace one replica's key and certificate

Options:
  --municipality <id>   municipality id (board, hub)               e.g. ${'`'}fjordvik${'`'}
  --unit <id>           unit id (board)                            e.g. ${'`'}solsiden${'`'}
  --organisation <id>   a shared reception's board: the organisation it runs for  e.g. ${'`'}legevakt${'`'}
  --broker <url>        MQTT broker, mqtt://host:port or mqtts://host:port (board, hub);
                        the nodes of a cluster comma-separated, tried in turn
  --broker-ca <file>, --broker-cert <file>, --broker-key <file>
                        TLS: the broker's CA certificate, this replica's certificate and key (PEM)
  --broker-username <name>
                        broker username (its brokerPassword only in a --config file)
  --pseudonym-key <file>
                        the municipality's pseudonym secret from tavla provision (board, hub,
                        import-plo): identity numbers are keyed under it; without it, a secret of
                        this replica's own in its data folder (docs/deploy.md)
  --broker-port <n>     port of the hub's embedded broker (default 1883; 0 picks a free one);
                        with provision, the broker's TLS port (default 8883)
  --data <dir>          data folder holding the SQLite file (default .tavla/<municipality>/<unit>)
  --port <n>            HTTP port on 127.0.0.1 (0 picks a free port; the URL is printed)
  --config <file>       JSON file with any of these options (flags win)
  --plo-inbox <dir>     folder the hub watches for PLO message files (hub)
  --vkp-inbox <dir>     folder the hub watches for VKP alarm bundles, FHIR R4 JSON (hub)
  --vkp-unit <id>       with --vkp-inbox: the home-care unit unmatched alarms go to (default: the only one)
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
  --warehouse <url>     write the leader view's aggregates to PostgreSQL, postgres://user@host/db (hub;
                        docs/leader.md "The warehouse"; a password belongs in a --config file)
  --unit <id>           with import-plo or --plo-inbox: the allocation office (default: the only one)
  -h, --help            this help
`;

const OIDC_FLAGS = ['oidc-issuer', 'oidc-client-id', 'oidc-client-secret', 'oidc-redirect-url', 'oidc-scope', 'oidc-role-claim', 'oidc-unit-claim', 'oidc-municipal-role', 'oidc-unit-role'] as const;

export interface ParsedCommand {
  role: Role;
  options: RoleOptions;
  /** The file or folder of `import-plo`; what `device-token` and `vkp-map` do. */
  path?: string;
  /** The CSV file of `vkp-map import|remove`. */
  file?: string;
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
        organisation: { type: 'string' },
        broker: { type: 'string' },
        'broker-port': { type: 'string' },
        data: { type: 'string' },
        port: { type: 'string' },
        config: { type: 'string' },
        boards: { type: 'string' },
        'plo-inbox': { type: 'string' },
        'vkp-inbox': { type: 'string' },
        'vkp-unit': { type: 'string' },
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
        'pseudonym-key': { type: 'string' },
        out: { type: 'string' },
        units: { type: 'string' },
        organisations: { type: 'string' },
        'boards-per-unit': { type: 'string' },
        'broker-host': { type: 'string' },
        revoke: { type: 'string' },
        renew: { type: 'string' },
        'sync-period': { type: 'string' },
        horizon: { type: 'string' },
        warehouse: { type: 'string' },
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
  // vkp-map: what to do, and for import and remove the CSV file.
  const takes = role === 'vkp-map' ? (rest[0] === 'list' ? 1 : 2) : role === 'import-plo' || role === 'device-token' ? 1 : 0;
  if (rest.length > takes) throw new UsageError(`unexpected argument: ${rest[takes]}`);
  if (rest.length < takes) {
    if (role === 'vkp-map') throw new UsageError('tavla vkp-map needs import <file.csv>, remove <file.csv> or list');
    throw new UsageError(role === 'device-token' ? 'tavla device-token needs issue, list or revoke' : `tavla ${role} needs a file or folder to import`);
  }
  const { help: _help, ...flags } = values;
  const fromFile = values.config ? readConfigFile(values.config) : {};
  const options = parseOptions({
    ...fromFile,
    ...Object.fromEntries(Object.entries(flags).map(([flag, value]) => [camel(flag), value])),
  });
  return { role: role as Role, options, ...(takes ? { path: rest[0] } : {}), ...(takes > 1 ? { file: rest[1] } : {}) };
}

function camel(flag: string): string {
  return flag.replace(/-([a-z])/g, (_dash, letter: string) => letter.toUpperCase());
}

