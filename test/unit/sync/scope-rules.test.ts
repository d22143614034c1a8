import { describe, expect, it } from 'vitest';
import { COLLECTIONS, fieldSpec, valueProblem } from '../../../shared/domain/schema.js';
import type { Change } from '../../../shared/sync/change.js';
import { scopeProblem, TRANSFER_FIELD_SIDES, type ReceivingReplica, type TransferFacts, type Writer } from '../../../shared/sync/scope-rules.js';

const S = '0000000000:0000:node';
const change = (c: Change['c'], id: string, f: string, v: Change['v']): Change => ({ c, id, f, v, s: S });
const fits = (c: Change['c'], f: string, v: Change['v']) => valueProblem(fieldSpec(c, f)!, v);

/** A replica holding the given records: `collection/id` -> scope. */
const replica = (held: Record<string, string> = {}, isHub = false): ReceivingReplica => ({
  municipality: 'testby',
  isHub,
  heldIn: (c, id) => held[`${c}/${id}`],
});
/** A board of A holds the stay it sends (a board of B never holds it). */
const boardOfA = () => replica({ 'stay/s1': 'unit-a' });
const fromA: Writer = { kind: 'unit', unit: 'unit-a' };
const fromB: Writer = { kind: 'unit', unit: 'unit-b' };
const hub: Writer = { kind: 'hub' };
const transferAB = (over: Partial<TransferFacts> = {}): TransferFacts => ({
  fromUnit: 'unit-a',
  toUnit: 'unit-b',
  stay: 's1',
  held: { fromUnit: 'unit-a', toUnit: 'unit-b', stay: 's1' },
  accepted: false,
  ...over,
});

describe('the field schema', () => {
  it('refuses a value outside its enumeration and takes every legal one', () => {
    expect(fits('bed', 'status', 'x')).toMatch(/"x" is not one of free, occupied, blocked, cleaning/);
    for (const status of ['free', 'occupied', 'blocked', 'cleaning']) expect(fits('bed', 'status', status)).toBeUndefined();
    expect(fits('task', 'status', 'finished')).toBeDefined();
    expect(fits('transfer', 'status', 'completed')).toBeUndefined();
    expect(fits('transfer', 'declineReason', 'because')).toBeDefined();
    expect(fits('unit', 'kind', 'prison')).toBeDefined();
    expect(fits('staffing', 'shift', 'late')).toBeDefined();
    expect(fits('stay', 'hospitalStatus', 'dead')).toBeUndefined();
    // A value written away is always allowed.
    expect(fits('bed', 'status', null)).toBeUndefined();
  });

  it('refuses impossible dates and instants, and instants without an offset', () => {
    expect(fits('stay', 'expectedDischarge', '1950-99-99')).toMatch(/calendar date/);
    expect(fits('stay', 'expectedDischarge', '2023-02-29')).toBeDefined();
    expect(fits('stay', 'expectedDischarge', '2024-02-29')).toBeUndefined();
    expect(fits('task', 'due', '2026-11-23T08:00:00.000Z')).toBeUndefined();
    expect(fits('task', 'due', '2026-11-23T08:00+01:00')).toBeUndefined();
    expect(fits('task', 'due', '2026-11-23T08:00:00')).toMatch(/instant/);
    expect(fits('task', 'due', '2026-13-01T08:00:00Z')).toBeDefined();
    expect(fits('task', 'due', '2026-11-23T24:00:00Z')).toBeDefined();
  });

  it('checks ids, unit ids and flag lists, and never puts a personal value into the reason', () => {
    expect(fits('stay', 'bed', 'bed 1; drop')).toBeDefined();
    expect(fits('bed', 'unit', 'Unit_B')).toBeDefined();
    expect(fits('transfer', 'flags', 'fall,allergy')).toBeUndefined();
    expect(fits('transfer', 'flags', '')).toBeUndefined();
    expect(fits('transfer', 'flags', 'fall,secret')).toBeDefined();
    const reason = fits('stay', 'birthDate', '1931-02-31');
    expect(reason).toBeDefined();
    expect(reason).not.toContain('1931');
  });

  it('names an owning side for every transfer field', () => {
    expect(Object.keys(TRANSFER_FIELD_SIDES).sort()).toEqual(Object.keys(COLLECTIONS.transfer).sort());
  });
});

describe('the scope rules', () => {
  it('refuses a record the replica holds in another scope, and fields naming another unit', () => {
    const held = replica({ 'stay/s9': 'unit-b', 'bed/b9': 'unit-b' }, true);
    expect(scopeProblem(held, 'unit-a', fromA, change('stay', 's9', 'hlrMinus', true))).toMatchObject({ wall: 'scope' });
    expect(scopeProblem(held, 'unit-a', fromA, change('bed', 'b1', 'unit', 'unit-b'))).toMatchObject({ wall: 'scope' });
    expect(scopeProblem(held, 'unit-a', fromA, change('stay', 's1', 'bed', 'b9'))).toMatchObject({ wall: 'scope' });
    expect(scopeProblem(held, 'unit-a', fromA, change('unit', 'unit-b', 'name', 'B'))).toMatchObject({ wall: 'scope' });
    expect(scopeProblem(held, 'unit-a', fromA, change('unit', 'unit-a', 'municipality', 'elsewhere'))).toMatchObject({ wall: 'scope' });
    expect(scopeProblem(held, 'unit-a', fromA, change('stay', 's1', 'unit', 'unit-a'))).toBeUndefined();
    expect(scopeProblem(held, 'unit-b', fromB, change('stay', 's9', 'hlrMinus', true))).toBeUndefined();
  });

  it('takes a virtual ward\'s shared fields (episodeShare) from the hub only, and only for the scope it names', () => {
    expect(scopeProblem(replica(), 'unit-a', fromA, change('episodeShare', 'e1', 'plannedEnd', '2026-12-10'))).toMatchObject({ wall: 'side' });
    expect(scopeProblem(replica(), 'unit-a', hub, change('episodeShare', 'e1', 'plannedEnd', '2026-12-10'))).toBeUndefined();
    expect(scopeProblem(replica(), 'unit-a', hub, change('episodeShare', 'e1', 'unit', 'unit-b'))).toMatchObject({ wall: 'scope' });
    // An episode and its rounds belong to the virtual ward's own scope.
    expect(scopeProblem(replica(), 'unit-a', fromA, change('episode', 'e1', 'unit', 'unit-b'))).toMatchObject({ wall: 'scope' });
  });

  it('takes capacity records from the hub only', () => {
    expect(scopeProblem(replica(), 'unit-a', fromA, change('capacity', 'k1', 'free', 9))).toMatchObject({ wall: 'side' });
    expect(scopeProblem(replica(), 'unit-a', hub, change('capacity', 'k1', 'free', 9))).toBeUndefined();
  });

  it('refuses a request of the other unit forged on the receiving unit\'s topics', () => {
    // Unit A publishes, in its own scope, a "request" from B to A.
    const forged = transferAB({ fromUnit: 'unit-b', toUnit: 'unit-a', held: undefined });
    expect(scopeProblem(replica(), 'unit-a', fromA, change('transfer', 't1', 'fromUnit', 'unit-b'), forged)).toMatchObject({ wall: 'side' });
    expect(scopeProblem(replica(), 'unit-a', fromA, change('transfer', 't1', 'requestedAt', '2026-11-23T08:00:00Z'), forged)).toMatchObject({ wall: 'side' });
    // Not even the receiving side's own fields of it: the record does not exist until its sender requests it.
    expect(scopeProblem(replica(), 'unit-a', fromA, change('transfer', 't1', 'acceptedAt', '2026-11-23T08:00:00Z'), forged)).toMatchObject({ wall: 'side' });
  });

  it('takes each step only from the side whose step it is', () => {
    const facts = transferAB();
    const replica = boardOfA;
    const at = '2026-11-23T08:00:00Z';
    expect(scopeProblem(replica(), 'unit-a', fromA, change('transfer', 't1', 'acceptedAt', at), facts)).toMatchObject({ wall: 'side' });
    expect(scopeProblem(replica(), 'unit-a', fromA, change('transfer', 't1', 'declinedAt', at), facts)).toMatchObject({ wall: 'side' });
    expect(scopeProblem(replica(), 'unit-b', fromB, change('transfer', 't1', 'cancelledAt', at), facts)).toMatchObject({ wall: 'side' });
    expect(scopeProblem(replica(), 'unit-a', fromA, change('transfer', 't1', 'cancelledAt', at), facts)).toBeUndefined();
    expect(scopeProblem(replica(), 'unit-a', fromA, change('transfer', 't1', 'status', 'accepted'), facts)).toMatchObject({ wall: 'side' });
    expect(scopeProblem(replica(), 'unit-b', fromB, change('transfer', 't1', 'status', 'cancelled'), facts)).toMatchObject({ wall: 'side' });
    expect(scopeProblem(replica(), 'unit-b', fromB, change('transfer', 't1', 'status', 'completed'), facts)).toBeUndefined();
    expect(scopeProblem(replica(), 'unit-b', fromB, change('transfer', 't1', 'acceptedAt', at), facts)).toBeUndefined();
    expect(scopeProblem(replica(), 'unit-b', fromB, change('transfer', 't1', 'completedBy', 'unit-a'), facts)).toMatchObject({ wall: 'side' });
    // The hub carries either side's steps to a board.
    expect(scopeProblem(replica(), 'unit-a', hub, change('transfer', 't1', 'acceptedAt', at), facts)).toBeUndefined();
  });

  it("takes the hospital's identity-number problem on a transfer from the sending unit only", () => {
    const facts = transferAB();
    // The receiving unit cannot clear (or set) the warning the sender's stay gave the transfer.
    expect(scopeProblem(boardOfA(), 'unit-b', fromB, change('transfer', 't1', 'idProblem', null), facts)).toMatchObject({ wall: 'side' });
    expect(scopeProblem(boardOfA(), 'unit-b', fromB, change('transfer', 't1', 'idProblem', 'check-digits'), facts)).toMatchObject({ wall: 'side' });
    expect(scopeProblem(boardOfA(), 'unit-a', fromA, change('transfer', 't1', 'idProblem', 'birth-date'), facts)).toBeUndefined();
    expect(scopeProblem(boardOfA(), 'unit-a', hub, change('transfer', 't1', 'idProblem', 'birth-date'), facts)).toBeUndefined();
    // Its kind only: never a number.
    expect(fits('transfer', 'idProblem', '17043812345')).toBeDefined();
  });

  it('keeps a transfer\'s ends and stay as its request set them, and in the scopes it joins', () => {
    const facts = transferAB();
    const replica = boardOfA;
    expect(scopeProblem(replica(), 'unit-a', fromA, change('transfer', 't1', 'toUnit', 'unit-c'), facts)).toMatchObject({ wall: 'scope' });
    expect(scopeProblem(replica(), 'unit-a', hub, change('transfer', 't1', 'stay', 's2'), facts)).toMatchObject({ wall: 'scope' });
    expect(scopeProblem(replica(), 'unit-c', hub, change('transfer', 't1', 'status', 'requested'), facts)).toMatchObject({ wall: 'scope' });
    expect(scopeProblem(replica(), 'unit-a', fromA, change('transfer', 't1', 'status', 'requested'), { ...facts, fromUnit: null, held: undefined })).toMatchObject({ wall: 'scope' });
  });

  it('on the hub: moves only a stay of the sending unit, and takes a completion only after acceptance', () => {
    const hubReplica = replica({ 'stay/s1': 'unit-a', 'stay/sb': 'unit-b' }, true);
    const ofB = transferAB({ stay: 'sb', held: undefined });
    expect(scopeProblem(hubReplica, 'unit-a', fromA, change('transfer', 't1', 'requestedAt', '2026-11-23T08:00:00Z'), ofB)).toMatchObject({ wall: 'scope', reason: expect.stringMatching(/stay of unit-b/) });
    const done = change('transfer', 't1', 'completedAt', '2026-11-23T09:00:00Z');
    expect(scopeProblem(hubReplica, 'unit-a', fromA, done, transferAB())).toMatchObject({ wall: 'side', reason: expect.stringMatching(/accepted/) });
    expect(scopeProblem(hubReplica, 'unit-a', fromA, done, transferAB({ accepted: true }))).toBeUndefined();
    // A board of A has no such check: it cannot know B's answer but through the hub.
    expect(scopeProblem(replica({ 'stay/s1': 'unit-a' }), 'unit-a', fromA, done, transferAB())).toBeUndefined();
  });
});
