/**
 * What a request must be before the host reads or writes anything: addressed to a name this host
 * listens on (no DNS rebinding), from the host's own origin when a browser says where it comes
 * from (no cross-site requests), JSON when it is a POST (no form or text/plain CSRF), with a path
 * that decodes. Origins are compared parsed, never as substrings.
 */

import { hostname, networkInterfaces } from 'node:os';

/** The names a host answers to and the port it listens on. */
export interface HostNames {
  readonly names: ReadonlySet<string>;
  readonly port: number;
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

/**
 * The names a host bound to `bind` answers to: loopback names when it listens there (or on every
 * interface), else the bound address; on the network also this machine's interface addresses (as
 * they are at start) and host name; always the names configured for it (a DNS name, a proxy's).
 */
export function hostNamesFor(bind: string, port: number, configured: readonly string[] = []): HostNames {
  const wildcard = WILDCARDS.has(bind);
  const loopback = wildcard || isLoopback(bind);
  const names = [...configured, ...(wildcard ? [] : [bind])];
  if (loopback) names.push(...LOOPBACK_NAMES);
  if (!loopback || wildcard) names.push(hostname(), ...interfaceAddresses());
  return { names: new Set(names.map(normalName).filter((name): name is string => name !== undefined)), port };
}

/** Whether a `Host` header names this host and its port. */
export function hostAllowed(header: string | undefined, allowed: HostNames): boolean {
  const authority = parseAuthority(header);
  return authority !== undefined && authority.port === allowed.port && allowed.names.has(authority.hostname);
}

/** Whether a request's `Origin`, if it has one, is the origin of the host it was sent to. */
export function originAllowed(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true; // not sent by a browser page: scripts and tests on the machine
  const authority = parseAuthority(host);
  if (authority === undefined) return false;
  try {
    return new URL(origin).origin === new URL(`http://${authority.host}`).origin;
  } catch {
    return false; // `null` (a sandboxed frame, a file) or garbage
  }
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

function parseAuthority(header: string | undefined): { host: string; hostname: string; port: number } | undefined {
  // Letters, digits, dots, dashes, brackets and colons only: no user, path, query or spaces.
  if (header === undefined || !/^[A-Za-z0-9.\-[\]:]{1,300}$/.test(header)) return undefined;
  try {
    const url = new URL(`http://${header}`);
    return { host: url.host, hostname: url.hostname, port: url.port === '' ? 80 : Number(url.port) };
  } catch {
    return undefined;
  }
}

/** A name as `new URL` spells its hostname: lowercase, IPv6 compressed and in brackets. */
function normalName(name: string): string | undefined {
  const bracketed = name.includes(':') && !name.startsWith('[') ? `[${name}]` : name;
  try {
    return new URL(`http://${bracketed}`).hostname;
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
