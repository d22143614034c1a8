/**
 * From a signed-in person's claims to what they may do in the leader view. The role claim and its
 * values, and the claim naming a unit leader's units, are configurable, since HelseID, Entra ID and
 * Keycloak each put roles somewhere else (a dotted path reaches a nested claim, e.g. Keycloak's
 * `realm_access.roles`). A claim may hold a list or a space- or comma-separated string.
 */

import type { LeaderCaller } from '../leader/leader-scope.js';

/** Which claims carry the roles and units, and which role values Tavla reads. */
export interface RoleClaims {
  roleClaim: string;
  unitClaim: string;
  municipalRole: string;
  unitRole: string;
}

export const DEFAULT_ROLE_CLAIMS: RoleClaims = {
  roleClaim: 'roles',
  unitClaim: 'tavla_units',
  municipalRole: 'tavla-municipal-leader',
  unitRole: 'tavla-unit-leader',
};

/** A person as the provider told: subject, a name to show and log, and the caller Tavla makes of it. */
export interface SignedInLeader {
  subject: string;
  name: string;
  /** Undefined when the person holds no Tavla role (or a unit role without a unit): refused, 403. */
  caller: LeaderCaller | undefined;
}

function claimAt(claims: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined), claims);
}

function valuesOf(claim: unknown): string[] {
  if (typeof claim === 'string') return claim.split(/[\s,]+/).filter((v) => v !== '');
  if (Array.isArray(claim)) return claim.filter((v): v is string => typeof v === 'string');
  return [];
}

/** The leader a set of claims describes. */
export function leaderOfClaims(claims: Record<string, unknown>, config: RoleClaims): SignedInLeader {
  const subject = String(claims.sub ?? '');
  const shown = [claims.name, claims.preferred_username, claims.email].find((v): v is string => typeof v === 'string' && v.trim() !== '');
  const name = (shown ?? subject).replace(/[\p{Cc}\p{Cf}]/gu, '').slice(0, 80);
  const actor = `${name} (${subject.slice(0, 80)})`;
  const roles = valuesOf(claimAt(claims, config.roleClaim));
  if (roles.includes(config.municipalRole)) return { subject, name, caller: { actor, units: null, mayEdit: true } };
  const units = valuesOf(claimAt(claims, config.unitClaim)).filter((u) => /^[a-z0-9][a-z0-9-]{0,31}$/.test(u));
  if (roles.includes(config.unitRole) && units.length > 0) return { subject, name, caller: { actor, units: new Set(units), mayEdit: true } };
  return { subject, name, caller: undefined };
}
