/**
 * What a request must be before the host reads or writes anything: addressed to a name this host
 * listens on (no DNS rebinding), from the host's own origin when a browser says where it comes
 * from (no cross-site requests), JSON when it is a POST (no form or text/plain CSRF), with a path
 * that decodes. Origins are compared parsed, never as substrings.
 */

import { hostname, networkInterfaces } from 'node:os';

/**
 * What a host answers to: `Host` values (name and port, as `new URL` spells them) and the origins
 * of pages it serves besides its own `http://<Host>` — a reverse proxy's `https://` origin.
 */
export interface HostNames {
  readonly authorities: ReadonlySet<string>;
  readonly origins: ReadonlySet<string>;
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

/**
 * The names a host bound to `bind` answers to: loopback names when it listens there (or on every
 * interface), else the bound address; on the network also this machine's interface addresses (as
 * they are at start) and host name; always the names configured for it. A configured name is a
 * DNS name (`tavla-hub.kommune.no`: on this port) or the origin a reverse proxy serves the host
 * under (`https://tavla.kommune.no`: that Host, and pages of that origin).
 */
export function hostNamesFor(bind: string, port: number, configured: readonly string[] = []): HostNames {
  const wildcard = WILDCARDS.has(bind);
  const loopback = wildcard || isLoopback(bind);
  const proxied = configured.filter((name) => /^https?:\/\//i.test(name)).map((origin) => new URL(origin));
  const names = [...configured.filter((name) => !/^https?:\/\//i.test(name)), ...(wildcard ? [] : [bind])];
  if (loopback) names.push(...LOOPBACK_NAMES);
  if (!loopback || wildcard) names.push(hostname(), ...interfaceAddresses());
  const own = names.map((name) => authority(name, port)).filter((name): name is string => name !== undefined);
  return { authorities: new Set([...own, ...proxied.map((url) => url.host)]), origins: new Set(proxied.map((url) => url.origin)) };
}

/** Whether a `Host` header names this host (and its port). */
export function hostAllowed(header: string | undefined, allowed: HostNames): boolean {
  const parsed = parseAuthority(header);
  return parsed !== undefined && allowed.authorities.has(parsed);
}

/**
 * Whether a request's `Origin`, if it has one, is the origin of the host it was sent to: its own
 * `http://<Host>`, or a configured proxy origin whose host is that Host.
 */
export function originAllowed(origin: string | undefined, host: string | undefined, allowed: HostNames): boolean {
  if (origin === undefined) return true; // not sent by a browser page: scripts and tests on the machine
  const parsed = parseAuthority(host);
  if (parsed === undefined) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // `null` (a sandboxed frame, a file) or garbage
  }
  return url.origin === `http://${parsed}` || (allowed.origins.has(url.origin) && url.host === parsed);
}

/** Whether a `Content-Type` says JSON (in UTF-8, the only charset the host decodes). */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const [type, ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return parameters.every((parameter) => parameter === '' || /^charset="?utf-8"?$/.test(parameter));
}

/** The request path, percent-decoded; undefined when its encoding is malformed or it holds NUL. */
export function decodedPath(requestUrl: string | undefined): string | undefined {
  let pathname: string;
  try {
    pathname = new URL(requestUrl ?? '/', 'http://localhost').pathname;
  } catch {
    return undefined;
  }
  try {
    const path = decodeURIComponent(pathname);
    return path.includes('\0') ? undefined : path;
  } catch {
    return undefined; // URIError: `%E0%A4%A`, a lone `%`
  }
}

/** A `Host` header as `new URL` spells it (`localhost:4780`, `[::1]:4780`), or undefined. */
function parseAuthority(header: string | undefined): string | undefined {
  // Letters, digits, dots, dashes, brackets and colons only: no user, path, query or spaces.
  if (header === undefined || !/^[A-Za-z0-9.\-[\]:]{1,300}$/.test(header)) return undefined;
  try {
    return new URL(`http://${header}`).host;
  } catch {
    return undefined;
  }
}

/** A name and port as a browser's `Host` spells them: lowercase, IPv6 compressed in brackets, no `:80`. */
function authority(name: string, port: number): string | undefined {
  const bracketed = name.includes(':') && !name.startsWith('[') ? `[${name}]` : name;
  try {
    return new URL(`http://${bracketed}:${port}`).host;
  } catch {
    return undefined; // e.g. an IPv6 link-local address with a zone (fe80::1%eth0): no browser sends it
  }
}

function isLoopback(address: string): boolean {
  return address === 'localhost' || address.startsWith('127.') || address === '::1' || address === '[::1]';
}

function interfaceAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((entry) => entry.address));
}
