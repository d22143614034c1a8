/** Reading the Cookie header and writing Set-Cookie for the leader addresses' sessions. */

import type { IncomingMessage } from 'node:http';

/** The value of one cookie of a request, when it was sent once and well formed. */
export function cookieOf(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (typeof header !== 'string') return undefined;
  const values = header
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.startsWith(`${name}=`))
    .map((part) => part.slice(name.length + 1));
  // Two cookies of one name (one planted for a parent domain): trust neither.
  return values.length === 1 && /^[A-Za-z0-9_-]{1,128}$/.test(values[0]) ? values[0] : undefined;
}

/** A Set-Cookie value: HttpOnly and SameSite=Lax always, Secure on an https address. */
export function setCookie(name: string, value: string, options: { maxAgeSeconds: number; secure: boolean }): string {
  return [`${name}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${options.maxAgeSeconds}`, ...(options.secure ? ['Secure'] : [])].join('; ');
}

/** A Set-Cookie value that removes the cookie. */
export function clearCookie(name: string, secure: boolean): string {
  return setCookie(name, '', { maxAgeSeconds: 0, secure });
}
