/**
 * Sign-in on the hub's leader address with the municipality's OpenID Connect provider (HelseID,
 * Entra ID, Keycloak): the authorization code flow with PKCE, state and nonce, through
 * `openid-client`. After the callback the hub keeps a server-side session (leader-sessions.ts)
 * whose id is an HttpOnly, SameSite=Lax cookie (Secure when the redirect URL is https); the page's
 * API calls and WebSocket need it. Every sign-in, sign-out and refusal is in the hub's audit log.
 */

import type { IncomingMessage, ServerResponse } from 'node:http';
import * as oidc from 'openid-client';
import { logger } from '../log.js';
import type { HubService } from '../hub/hub-service.js';
import { clearCookie, cookieOf, setCookie } from './cookies.js';
import type { AccessGate, HostTarget } from './http-host.js';
import { leaderAddress } from './leader-address.js';
import { leaderOfClaims, type RoleClaims } from './leader-roles.js';
import { LeaderSessions, SESSION_MAX_MS } from './leader-sessions.js';
import { redirect, sendPage } from './sign-in-pages.js';

/** How the hub reaches the provider and reads its answer (the `oidc*` configuration keys). */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back: this address's callback, as the provider has it registered. */
  redirectUrl: string;
  scope: string;
  roles: RoleClaims;
}

const SESSION_COOKIE = 'tavla_leader';
const LOGIN_COOKIE = 'tavla_login';
const LOGIN_TTL_MS = 10 * 60_000;
const MAX_PENDING = 1_000;

interface PendingLogin {
  verifier: string;
  nonce: string;
  at: number;
}

/** A provider on this machine may speak plain http (tests, a developer's Keycloak); any other must not. */
function loopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/** Refuses settings that cannot work, with the key to fix. */
export function checkOidcSettings(settings: OidcSettings): void {
  const issuer = new URL(settings.issuer);
  if (issuer.protocol !== 'https:' && !loopbackHttp(issuer)) throw new Error(`oidcIssuer: ${settings.issuer} must be https:// (plain http only on this machine)`);
  const redirectUrl = new URL(settings.redirectUrl);
  if (!/^https?:$/.test(redirectUrl.protocol)) throw new Error(`oidcRedirectUrl: ${settings.redirectUrl} must be an http:// or https:// URL`);
  if (redirectUrl.pathname === '/' || redirectUrl.pathname.startsWith('/api/')) throw new Error('oidcRedirectUrl: give it a path of its own, e.g. /auth/callback');
}

/** The gate in front of the leader address for desktops. */
export function leaderSignIn(hub: HubService, settings: OidcSettings): AccessGate & { sessions: LeaderSessions } {
  checkOidcSettings(settings);
  const sessions = new LeaderSessions();
  const pending = new Map<string, PendingLogin>();
  const callbackPath = new URL(settings.redirectUrl).pathname;
  const secure = new URL(settings.redirectUrl).protocol === 'https:';
  let discovered: Promise<oidc.Configuration> | undefined;

  // Found once and kept; a provider that was down is asked again at the next sign-in.
  const configuration = () => {
    discovered ??= oidc
      .discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, loopbackHttp(new URL(settings.issuer)) ? { execute: [oidc.allowInsecureRequests] } : undefined)
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  };

  const audit = (actor: string, action: string, detail?: string) => hub.store.audit({ actor, action, ...(detail ? { detail } : {}) });

  async function startLogin(res: ServerResponse): Promise<void> {
    let config: oidc.Configuration;
    try {
      config = await configuration();
    } catch (error) {
      logger.warn({ err: error, issuer: settings.issuer }, 'OpenID provider unreachable');
      return sendPage(res, 503, { title: 'Innlogging er ikke tilgjengelig', text: 'Tavla får ikke kontakt med innloggingstjenesten. Prøv igjen om litt, eller kontakt IT.', link: { href: '/auth/login', label: 'Prøv igjen' } });
    }
    const now = Date.now();
    for (const [key, login] of pending) if (now - login.at > LOGIN_TTL_MS || pending.size > MAX_PENDING) pending.delete(key);
    const state = oidc.randomState();
    const login: PendingLogin = { verifier: oidc.randomPKCECodeVerifier(), nonce: oidc.randomNonce(), at: now };
    pending.set(state, login);
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: settings.redirectUrl,
      scope: settings.scope,
      code_challenge: await oidc.calculatePKCECodeChallenge(login.verifier),
      code_challenge_method: 'S256',
      state,
      nonce: login.nonce,
    });
    redirect(res, url.href, { 'set-cookie': setCookie(LOGIN_COOKIE, state, { maxAgeSeconds: LOGIN_TTL_MS / 1000, secure }) });
  }

  async function finishLogin(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // The callback as registered, with this request's query only: a request path cannot change its origin.
    const current = new URL(settings.redirectUrl);
    current.search = new URL(req.url ?? '/', 'http://localhost').search;
    const state = current.searchParams.get('state') ?? '';
    const login = pending.get(state);
    pending.delete(state);
    const clearLogin = clearCookie(LOGIN_COOKIE, secure);
    const failed = (reason: string) => {
      audit('unknown', 'leader.signInFailed', reason.slice(0, 200));
      logger.warn({ reason }, 'leader sign-in failed');
      sendPage(res, 400, { title: 'Innloggingen mislyktes', text: 'Innloggingen kunne ikke fullføres. Start på nytt fra lederadressen.', link: { href: '/auth/login', label: 'Logg inn på nytt' } }, { 'set-cookie': clearLogin });
    };
    // The state must be the one this browser was sent off with: a callback link from someone else is refused.
    if (!login || cookieOf(req, LOGIN_COOKIE) !== state || Date.now() - login.at > LOGIN_TTL_MS) return failed('unknown or expired sign-in state');
    let claims: Record<string, unknown>;
    try {
      const config = await configuration();
      const tokens = await oidc.authorizationCodeGrant(config, current, { pkceCodeVerifier: login.verifier, expectedState: state, expectedNonce: login.nonce, idTokenExpected: true });
      claims = { ...(tokens.claims() ?? {}) };
      // Providers differ in where they put roles: the ID token, or only the userinfo answer.
      if (config.serverMetadata().userinfo_endpoint) {
        Object.assign(claims, await oidc.fetchUserInfo(config, tokens.access_token, String(claims.sub)));
      }
    } catch (error) {
      return failed(error instanceof Error ? error.message : String(error));
    }
    const leader = leaderOfClaims(claims, settings.roles);
    if (!leader.caller) {
      audit(`${leader.name} (${leader.subject})`, 'leader.refused', 'signed in without a Tavla leader role');
      return sendPage(res, 403, { title: 'Ingen tilgang til Tavla', text: `Du er logget inn som ${leader.name}, men har ingen lederrolle i Tavla. Be din leder eller IT om tilgang til lederoversikten.` }, { 'set-cookie': clearLogin });
    }
    const session = sessions.start({ subject: leader.subject, name: leader.name, caller: leader.caller });
    audit(leader.caller.actor, 'leader.signIn', leader.caller.units === null ? 'municipal leader' : `unit leader: ${[...leader.caller.units].join(', ')}`);
    redirect(res, '/', { 'set-cookie': [clearLogin, setCookie(SESSION_COOKIE, session.id, { maxAgeSeconds: SESSION_MAX_MS / 1000, secure })] });
  }

  function signOut(req: IncomingMessage, res: ServerResponse): void {
    const session = sessions.end(cookieOf(req, SESSION_COOKIE));
    if (session) audit(session.caller.actor, 'leader.signOut');
    redirect(res, '/auth/signed-out', { 'set-cookie': clearCookie(SESSION_COOKIE, secure) }, 303);
  }

  return {
    sessions,
    async intercept(req, res) {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const get = req.method === 'GET';
      if (get && path === '/auth/login') await startLogin(res);
      else if (get && path === callbackPath) await finishLogin(req, res);
      else if (req.method === 'POST' && path === '/auth/logout') signOut(req, res);
      // Signing out is a POST (a link elsewhere cannot sign a leader out); the link leads here first.
      else if (get && path === '/auth/logout') sendPage(res, 200, { title: 'Logge ut?', text: 'Du logges ut av Tavlas lederoversikt på denne maskinen.', post: { action: '/auth/logout', label: 'Logg ut' } });
      else if (get && path === '/auth/signed-out') sendPage(res, 200, { title: 'Du er logget ut', text: 'Du er logget ut av Tavlas lederoversikt.', link: { href: '/auth/login', label: 'Logg inn igjen' } });
      // The page itself sends a leader without a session to sign in first; its scripts and styles hold no data.
      else if (get && (path === '/' || path === '/index.html') && !sessions.alive(cookieOf(req, SESSION_COOKIE))) redirect(res, '/auth/login');
      else return false;
      return true;
    },
    targetOf(req): HostTarget | undefined {
      const id = cookieOf(req, SESSION_COOKIE);
      const session = sessions.touch(id);
      if (!session) return undefined;
      return leaderAddress(hub, session.caller, { alive: () => sessions.touch(id) !== undefined, signedInAs: session.name });
    },
  };
}
