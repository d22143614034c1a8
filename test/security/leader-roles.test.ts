/**
 * What a leader's claims make of her (leader-roles.ts) and how long her session lasts
 * (leader-sessions.ts): the parts of leader sign-in that need no provider to be checked.
 */

import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLE_CLAIMS, leaderOfClaims } from '../../main/host/leader-roles.js';
import { LeaderSessions, SESSION_IDLE_MS, SESSION_MAX_MS } from '../../main/host/leader-sessions.js';

describe('leader roles from claims', () => {
  it('makes a municipal leader of the municipal role and a unit leader of the unit role with units', () => {
    expect(leaderOfClaims({ sub: 'k1', name: 'Kari Nordmann', roles: ['x', 'tavla-municipal-leader'] }, DEFAULT_ROLE_CLAIMS).caller).toEqual({
      actor: 'Kari Nordmann (k1)',
      units: null,
      mayEdit: true,
    });
    const unit = leaderOfClaims({ sub: 'm1', name: 'Marit Solberg', roles: 'tavla-unit-leader', tavla_units: 'solsiden fjellro' }, DEFAULT_ROLE_CLAIMS).caller;
    expect([...(unit?.units ?? [])]).toEqual(['solsiden', 'fjellro']);
  });

  it('reads a nested, configured claim (Keycloak realm roles) and configured role values', () => {
    const config = { ...DEFAULT_ROLE_CLAIMS, roleClaim: 'realm_access.roles', unitClaim: 'org.units', unitRole: 'enhetsleder' };
    const caller = leaderOfClaims({ sub: 'm2', realm_access: { roles: ['enhetsleder'] }, org: { units: ['solsiden'] } }, config).caller;
    expect([...(caller?.units ?? [])]).toEqual(['solsiden']);
  });

  it('gives no role to a person without one, to a unit leader without units, or for unit ids that are no unit ids', () => {
    expect(leaderOfClaims({ sub: 'p1', roles: ['helsepersonell'] }, DEFAULT_ROLE_CLAIMS).caller).toBeUndefined();
    expect(leaderOfClaims({ sub: 'p2', roles: ['tavla-unit-leader'] }, DEFAULT_ROLE_CLAIMS).caller).toBeUndefined();
    expect(leaderOfClaims({ sub: 'p3', roles: ['tavla-unit-leader'], tavla_units: ['../x', 'A B'] }, DEFAULT_ROLE_CLAIMS).caller).toBeUndefined();
    expect(leaderOfClaims({ sub: 'p4', roles: { 'tavla-municipal-leader': true } }, DEFAULT_ROLE_CLAIMS).caller).toBeUndefined();
  });

  it('keeps control and format characters of a name out of the audit actor', () => {
    expect(leaderOfClaims({ sub: 'k2', name: 'Kari\u202e\u0000 N.', roles: ['tavla-municipal-leader'] }, DEFAULT_ROLE_CLAIMS).caller?.actor).toBe('Kari N. (k2)');
  });
});

describe('leader sessions', () => {
  const leader = { subject: 'k1', name: 'Kari', caller: { actor: 'Kari (k1)', units: null, mayEdit: true } };

  it('end after the idle time without a request, and after the longest time however busy', () => {
    let now = 0;
    const sessions = new LeaderSessions(() => now);
    const idle = sessions.start(leader);
    now = SESSION_IDLE_MS - 1;
    expect(sessions.touch(idle.id)).toBeDefined();
    now += SESSION_IDLE_MS + 1;
    expect(sessions.touch(idle.id)).toBeUndefined();

    const busy = sessions.start(leader);
    for (; now - busy.startedAt <= SESSION_MAX_MS - SESSION_IDLE_MS / 2; now += SESSION_IDLE_MS / 2) expect(sessions.touch(busy.id)).toBeDefined();
    now = busy.startedAt + SESSION_MAX_MS + 1;
    expect(sessions.touch(busy.id)).toBeUndefined();
  });

  it('give each sign-in its own unguessable id, and forget one that signed out', () => {
    const sessions = new LeaderSessions();
    const a = sessions.start(leader);
    const b = sessions.start(leader);
    expect(a.id).not.toBe(b.id);
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sessions.end(a.id)).toBeDefined();
    expect(sessions.alive(a.id)).toBeUndefined();
    expect(sessions.alive(b.id)).toBeDefined();
    expect(sessions.alive(undefined)).toBeUndefined();
  });
});
