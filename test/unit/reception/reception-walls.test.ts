/** The replica's own wall behind the broker's ACL for a shared reception (shared/sync/scope-rules.ts). */

import { describe, expect, it } from 'vitest';
import { scopeProblem, type ReceivingReplica } from '../../../shared/sync/scope-rules.js';
import { isScopeLevel, subscriptionsOf } from '../../../shared/sync/topics.js';

const replica: ReceivingReplica = { municipality: 'fjordvik', isHub: true, heldIn: () => undefined };
const change = (c: string, f: string, v: string | null) => ({ c, id: 'e1', f, v, s: '0000000000001:0000:n' }) as never;
const writer = { kind: 'unit', unit: 'mottak' } as const;

describe('the walls of a shared reception', () => {
  it('refuses private fields in the unit’s shared scope, and shared records in a private scope', () => {
    expect(scopeProblem(replica, 'mottak', writer, change('encounterPrivate', 'name', 'Kari Nordmann'))).toMatchObject({ wall: 'scope' });
    expect(scopeProblem(replica, 'mottak~legevakt', writer, change('encounter', 'label', 'L-1'))).toMatchObject({ wall: 'scope' });
    expect(scopeProblem(replica, 'mottak~legevakt', writer, change('stay', 'name', 'Kari Nordmann'))).toMatchObject({ wall: 'scope' });
    expect(scopeProblem(replica, 'mottak', writer, change('encounter', 'label', 'L-1'))).toBeUndefined();
    expect(scopeProblem(replica, 'mottak~legevakt', writer, change('encounterPrivate', 'name', 'Kari Nordmann'))).toBeUndefined();
  });

  it("refuses a private record naming another organisation or unit than its scope's", () => {
    expect(scopeProblem(replica, 'mottak~legevakt', writer, change('encounterPrivate', 'organisation', 'sykehus'))).toMatchObject({ wall: 'scope' });
    expect(scopeProblem(replica, 'mottak~legevakt', writer, change('encounterPrivate', 'unit', 'solsiden'))).toMatchObject({ wall: 'scope' });
    expect(scopeProblem(replica, 'mottak~legevakt', writer, change('encounterPrivate', 'organisation', 'legevakt'))).toBeUndefined();
  });

  it("subscribes a reception's board to its own organisation's scope only, and reads scope levels strictly", () => {
    const topics = subscriptionsOf({ municipality: 'fjordvik', nodeId: 'b1', role: 'board', unit: 'mottak', organisation: 'legevakt' });
    expect(topics).toContain('tavla/v1/fjordvik/mottak~legevakt/changes/+');
    expect(topics.some((topic) => topic.includes('sykehus'))).toBe(false);
    expect(subscriptionsOf({ municipality: 'fjordvik', nodeId: 'b2', role: 'board', unit: 'solsiden' }).some((topic) => topic.includes('~'))).toBe(false);
    expect(isScopeLevel('mottak~legevakt')).toBe(true);
    expect(isScopeLevel('mottak~')).toBe(false);
    expect(isScopeLevel('mottak~a~b')).toBe(false);
  });
});
