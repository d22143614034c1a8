/**
 * The app's own origin: the built renderer is served as tavla://board/..., never from file://.
 * A custom standard scheme gives the page a real origin of its own, so CSP 'self', ES modules and
 * the origin checks in security.ts and ipc.ts mean something (every file:// page shares one).
 */

import { existsSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { RENDERER_ROOT } from '../host/http-host.js';
import { CONTENT_SECURITY_POLICY } from '../host/static-files.js';

const SCHEME = 'tavla';
const HOST = 'board';

/** The page the kiosk window loads. */
export const APP_URL = `${SCHEME}://${HOST}/index.html`;

/** Declares the scheme privileged; Electron allows this only before the app is ready. */
export function registerAppScheme(): void {
  // No corsEnabled: the page loads its own modules same-origin, and nothing else may read them.
  protocol.registerSchemesAsPrivileged([
    { scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** True only for a URL of the app's own pages. */
export function isAppUrl(url: string): boolean {
  // The WHATWG URL parser in Node gives a non-special scheme the opaque origin "null" (as it does
  // data: and file:), so `.origin` cannot tell them apart: compare the parsed scheme and host.
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${SCHEME}:` && parsed.host === HOST && parsed.username === '' && parsed.password === '';
}

/** Serves files under the built renderer only, with the same security headers as the HTTP host. */
export function serveAppScheme(root: string = RENDERER_ROOT): void {
  protocol.handle(SCHEME, async (request) => {
    const file = isAppUrl(request.url) ? fileFor(root, new URL(request.url).pathname) : undefined;
    if (file === undefined) return new Response('not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
    headers.set('x-content-type-options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

/** The file a path names inside root; app routes fall back to index.html; anything escaping root is refused. */
function fileFor(root: string, pathname: string): string | undefined {
  let relative: string;
  try {
    relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  } catch {
    return undefined; // malformed percent-encoding
  }
  const base = root.endsWith(sep) ? root : root + sep;
  const file = join(base, relative);
  if (!file.startsWith(base)) return undefined;
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = join(base, 'index.html');
  return existsSync(index) ? index : undefined;
}
