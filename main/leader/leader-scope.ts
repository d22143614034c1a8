/**
 * Who asks the leader view, and the part of the municipality they may see: a municipal leader
 * every unit, a unit leader only hers, a wall screen what its device token was issued for. The
 * hub answers every leader command from a history narrowed to that part, so a unit leader's
 * totals, exports and forecasts never hold another unit's figures (docs/leader.md).
 */

import type { LeaderHistory, TransferRow, UnitRow } from './leader-history.js';

/** The caller of a leader command, as the leader address established it. */
export interface LeaderCaller {
  /** Who, for the audit log: the person's name and subject, or the wall screen's name. */
  actor: string;
  /** The units seen; null for the whole municipality. */
  units: ReadonlySet<string> | null;
  /** May change benefits (of the units seen) and, with the whole municipality, the daily rates. */
  mayEdit: boolean;
}

/** The hub's own operator on its loopback address: everything, as before sign-in existed. */
export const OPERATOR: LeaderCaller = { actor: 'leader', units: null, mayEdit: true };

/** True when the caller may see the unit. */
export function sees(caller: LeaderCaller, unit: string): boolean {
  return caller.units === null || caller.units.has(unit);
}

const scoped = new WeakMap<LeaderHistory, Map<string, LeaderHistory>>();

/**
 * The history as the caller may see it: units, discharge-ready stays and transfers outside the
 * caller's units are left out. Everything else reads through to the one shared history, and one
 * narrowed history per set of units is kept, so the views' caches keyed by history stay warm.
 */
export function historyFor(history: LeaderHistory, caller: LeaderCaller): LeaderHistory {
  if (caller.units === null) return history;
  const units = caller.units;
  const key = [...units].sort().join(',');
  let byKey = scoped.get(history);
  if (!byKey) {
    byKey = new Map();
    scoped.set(history, byKey);
  }
  let narrowed = byKey.get(key);
  if (!narrowed) {
    narrowed = narrow(history, units);
    byKey.set(key, narrowed);
  }
  return narrowed;
}

function narrow(history: LeaderHistory, units: ReadonlySet<string>): LeaderHistory {
  const touches = (t: TransferRow) => (t.fromUnit !== null && units.has(t.fromUnit)) || (t.toUnit !== null && units.has(t.toUnit));
  const overrides: Partial<Record<keyof LeaderHistory, unknown>> = {
    units: (): UnitRow[] => history.units().filter((u) => units.has(u.id)),
    unit: (id: string): UnitRow | undefined => (units.has(id) ? history.unit(id) : undefined),
    readyStays: () => history.readyStays().filter((row) => units.has(row.unit)),
    transfers: (): TransferRow[] => history.transfers().filter(touches),
    transfersOf: (unit: string): TransferRow[] => (units.has(unit) ? history.transfersOf(unit) : []),
  };
  return new Proxy(history, {
    get(target, property) {
      if (typeof property === 'string' && property in overrides) return overrides[property as keyof LeaderHistory];
      const value: unknown = Reflect.get(target, property);
      // Methods run on the shared history itself, so its caches are filled once for every caller.
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
