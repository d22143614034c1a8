/** `tavla hub`: the hub's runtime options from the configuration (leader sign-in checked whole), and what it prints once started. */

import { hostname } from 'node:os';
import { join } from 'node:path';
import { required, syncPeriodMs, UsageError, type RoleOptions } from '../config/options.js';
import { DEFAULT_ROLE_CLAIMS } from '../host/leader-roles.js';
import { checkOidcSettings, type OidcSettings } from '../host/leader-sign-in.js';
import { startHub, type HubRuntime } from '../runtime/hub-runtime.js';
import { loadBrokerCredentials } from '../sync/broker-credentials.js';
import { loadPseudonymKey } from '../privacy/pseudonym.js';

/** Starts the hub the configuration describes and prints what started; a bad configuration is a UsageError. */
export async function hubCommand(options: RoleOptions): Promise<HubRuntime> {
  const municipality = required(options.municipality, 'municipality', 'hub');
  const hub = await startHub({
    municipality,
    dataDir: options.data ?? join('.tavla', municipality, '_hub'),
    port: options.port ?? 4700,
    broker: options.broker,
    brokerCredentials: loadBrokerCredentials(options),
    pseudonyms: loadPseudonymKey(options),
    brokerPort: options.brokerPort,
    ploInbox: options.ploInbox,
    ploUnit: options.unit,
    vkpInbox: options.vkpInbox,
    vkpUnit: options.vkpUnit,
    leader: { port: options.leaderPort, screenPort: options.leaderScreenPort, host: options.leaderHost, oidc: oidcSettingsOf(options) },
    hostNames: options.hostNames,
    syncPeriodMs: syncPeriodMs(options),
    horizonMs: options.horizon,
    warehouse: options.warehouse,
  });
  for (const notice of hub.notices) console.log(notice);
  console.log(`Tavla hub ${municipality} (${hub.service.nodeId}), broker ${hub.brokerUrl}`);
  // Before the URL, which scripts wait for as the sign the hub is up.
  console.log(`operator token for GET /api/state (Authorization: Bearer): ${hub.operatorTokenFile}`);
  if (hub.broker) console.log('Embedded broker: no TLS, no identities, no ACL: for development only (docs/security.md)');
  console.log(hub.host.url);
  if (hub.leaderHost) console.log(`leader view: ${reachableUrl(hub.leaderHost.url)}`);
  if (hub.leaderHost && options.oidcIssuer) console.log(`leader sign-in: OpenID Connect, ${options.oidcIssuer}`);
  if (options.warehouse) console.log(`warehouse: ${redacted(options.warehouse)} (state on /healthz)`);
  if (hub.leaderScreenHost) console.log(`leader screens (read-only): ${reachableUrl(hub.leaderScreenHost.url)}`);
  return hub;
}

/** Leader sign-in as configured: all four of issuer, client id, secret and redirect URL, or none. */
function oidcSettingsOf(options: RoleOptions): OidcSettings | undefined {
  const { oidcIssuer: issuer, oidcClientId: clientId, oidcClientSecret: clientSecret, oidcRedirectUrl: redirectUrl } = options;
  const given = { 'oidc-issuer': issuer, 'oidc-client-id': clientId, 'oidc-client-secret': clientSecret, 'oidc-redirect-url': redirectUrl };
  const missing = Object.entries(given).filter(([, value]) => value === undefined).map(([flag]) => `--${flag}`);
  if (missing.length === 4) return undefined;
  if (issuer === undefined || clientId === undefined || clientSecret === undefined || redirectUrl === undefined) {
    throw new UsageError(`leader sign-in needs ${missing.join(', ')} as well`);
  }
  const settings: OidcSettings = {
    issuer,
    clientId,
    clientSecret,
    redirectUrl,
    scope: options.oidcScope ?? 'openid profile',
    roles: {
      roleClaim: options.oidcRoleClaim ?? DEFAULT_ROLE_CLAIMS.roleClaim,
      unitClaim: options.oidcUnitClaim ?? DEFAULT_ROLE_CLAIMS.unitClaim,
      municipalRole: options.oidcMunicipalRole ?? DEFAULT_ROLE_CLAIMS.municipalRole,
      unitRole: options.oidcUnitRole ?? DEFAULT_ROLE_CLAIMS.unitRole,
    },
  };
  try {
    checkOidcSettings(settings);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return settings;
}

/** A database URL as printed: never its password. */
function redacted(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

/** A URL bound to every interface (0.0.0.0, ::) is opened elsewhere by the machine's name. */
function reachableUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.hostname === '0.0.0.0' || parsed.hostname === '[::]') parsed.hostname = hostname();
  return parsed.toString();
}
