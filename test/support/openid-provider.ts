/**
 * A real OpenID Connect provider in the test process (the `oidc-provider` package, the same code
 * many identity servers run), on a free loopback port: one confidential client for the hub, its dev
 * login form (any password) and three synthetic people whose claims carry Tavla's roles.
 */

import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

/** The people the provider knows: login name to claims. */
export const PEOPLE: Record<string, Record<string, unknown>> = {
  kari: { name: 'Kari Nordmann', roles: ['tavla-municipal-leader'] },
  marit: { name: 'Marit Solberg', roles: ['tavla-unit-leader'], tavla_units: ['solsiden'] },
  per: { name: 'Per Hansen', roles: ['helsepersonell'] },
};

export const CLIENT = { id: 'tavla-hub', secret: 'test-secret-for-the-hub-only-in-tests' };

export interface RunningProvider {
  issuer: string;
  /** Every authorization request the provider received, as URLs (the test checks PKCE, state, nonce). */
  authorizationRequests: URL[];
  close(): Promise<void>;
}

/** Starts the provider with the hub's callback registered. */
export async function startProvider(redirectUri: string): Promise<RunningProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT.id,
        client_secret: CLIENT.secret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], profile: ['name', 'roles', 'tavla_units'] },
    cookies: { keys: ['test-cookie-key-0123456789abcdef'] },
    jwks: { keys: [generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' })] },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    findAccount: (_ctx, id) =>
      PEOPLE[id] ? { accountId: id, claims: () => ({ sub: id, ...PEOPLE[id] }) } : undefined,
    // First-party client: the consent screen is skipped, as a municipality configures it for Tavla.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { client, session } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const existing = session.grantIdFor(client.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid profile');
      await grant.save();
      return grant;
    },
  });
  const authorizationRequests: URL[] = [];
  const callback = provider.callback();
  server.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    if (url.pathname === '/auth') authorizationRequests.push(url);
    void callback(req, res);
  });
  return {
    issuer,
    authorizationRequests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
