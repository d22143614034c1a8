/**
 * The read-only leader screen address takes a per-screen device token (device-tokens.ts) instead of
 * a sign-in: as `Authorization: Bearer <token>`, or once in the address (`/?token=<token>`, what a
 * kiosk's configured URL can carry), which the hub turns into an HttpOnly cookie and a redirect to
 * `/`, so the token does not stay in the address bar. Every request looks the token up again.
 */

import type { IncomingMessage } from 'node:http';
import { deviceOfToken, type DeviceToken } from '../leader/device-tokens.js';
import type { HubService } from '../hub/hub-service.js';
import { cookieOf, setCookie } from './cookies.js';
import { bearerToken } from './bearer.js';
import type { AccessGate } from './http-host.js';
import { leaderAddress } from './leader-address.js';
import { redirect, sendPage } from './sign-in-pages.js';

const SCREEN_COOKIE = 'tavla_screen';
const YEAR_SECONDS = 365 * 24 * 3600;

function tokenOf(req: IncomingMessage): string | undefined {
  return bearerToken(req.headers.authorization) ?? cookieOf(req, SCREEN_COOKIE);
}

/** The gate in front of the leader screen address. */
export function screenAccess(hub: HubService): AccessGate {
  const deviceOf = (req: IncomingMessage): DeviceToken | undefined => {
    const token = tokenOf(req);
    return token === undefined ? undefined : deviceOfToken(hub.db, token);
  };
  const refused = { title: 'Skjermen mangler tilgang', text: 'Denne skjermen har ingen gyldig enhetsnøkkel for lederoversikten. Be IT om en ny nøkkel til skjermen.' };
  return {
    async intercept(req, res) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const given = url.searchParams.get('token');
      if (req.method === 'GET' && url.pathname === '/' && given !== null) {
        const device = deviceOfToken(hub.db, given);
        if (!device) {
          hub.store.audit({ actor: 'unknown screen', action: 'leader.refused', detail: 'screen address: unknown or revoked device token' });
          sendPage(res, 401, refused);
          return true;
        }
        redirect(res, '/', { 'set-cookie': setCookie(SCREEN_COOKIE, given, { maxAgeSeconds: YEAR_SECONDS, secure: false }) }, 303);
        return true;
      }
      if (req.method === 'GET' && (url.pathname === '/' || url.pathname === '/index.html') && !deviceOf(req)) {
        sendPage(res, 401, refused);
        return true;
      }
      return false;
    },
    targetOf(req) {
      const token = tokenOf(req);
      const device = token === undefined ? undefined : deviceOfToken(hub.db, token);
      if (!device || token === undefined) return undefined;
      const caller = { actor: `screen ${device.name}`, units: device.units === null ? null : new Set(device.units), mayEdit: false };
      return leaderAddress(hub, caller, { readOnly: true, alive: () => deviceOfToken(hub.db, token) !== undefined });
    },
  };
}
