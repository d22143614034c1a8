import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settleTransfers } from '../../../main/flow/hub-settlement.js';
import { arrivalStayId } from '../../../main/flow/transfer-records.js';
import { HubService } from '../../../main/hub/hub-service.js';
import type { FieldValue } from '../../../shared/domain/schema.js';
import { tempDir } from '../../support/temp-dir.js';

const AT = '2026-11-23T08:00:00.000Z';
const NOW = new Date('2026-11-23T09:00:00Z');

/** The hub's second wall: what reached its store still moves no one it should not. */
describe('the hub settling a completed transfer', () => {
  let dir: ReturnType<typeof tempDir>;
  let hub: HubService;

  const write = (c: 'stay' | 'bed' | 'transfer', id: string, scope: string, fields: Record<string, FieldValue>) =>
    hub.store.commit({ actor: 'test', action: 'seed' }, [{ c, id, scope, fields }]);
  const stay = (id: string) => hub.db.prepare('SELECT unit, status, name FROM stay WHERE id = ?').get(id);

  beforeEach(() => {
    dir = tempDir();
    hub = new HubService({ dataDir: dir.path, municipality: 'testby' });
    // Written straight into the store, as if the intake walls had been passed (or predated).
    write('bed', 'bb1', 'unit-b', { unit: 'unit-b', label: '201', status: 'occupied' });
    write('stay', 'sb', 'unit-b', { unit: 'unit-b', bed: 'bb1', initials: 'AB', name: 'Astrid Berg', birthDate: '1931-05-06', status: 'active' });
    write('stay', 'sa', 'unit-a', { unit: 'unit-a', initials: 'KN', name: 'Kari Nordmann', status: 'active' });
  });
  afterEach(() => {
    hub.close();
    dir.remove();
  });

  it('refuses a transfer from A of a stay of B: B\'s patient stays, her name is copied nowhere', () => {
    write('transfer', 'tr1', 'unit-a', { fromUnit: 'unit-a', toUnit: 'unit-c', stay: 'sb', requestedAt: AT, acceptedAt: AT, completedAt: AT, status: 'completed' });
    const outcome = settleTransfers(hub.store, ['tr1'], NOW);
    expect(outcome.refused).toEqual([{ id: 'tr1', reason: 'stay sb is not a stay of unit-a' }]);
    expect(outcome.committed).toBe(false);
    expect(stay('sb')).toEqual({ unit: 'unit-b', status: 'active', name: 'Astrid Berg' });
    expect(hub.db.prepare('SELECT status FROM bed WHERE id = ?').get('bb1')).toEqual({ status: 'occupied' });
    expect(stay(arrivalStayId('tr1'))).toBeUndefined();
  });

  it('refuses a completion the receiving unit never accepted, and settles it once accepted', () => {
    write('transfer', 'tr2', 'unit-a', { fromUnit: 'unit-a', toUnit: 'unit-b', stay: 'sa', requestedAt: AT, completedAt: AT, completedBy: 'unit-a', status: 'completed' });
    expect(settleTransfers(hub.store, ['tr2'], NOW).refused).toEqual([{ id: 'tr2', reason: 'completed, but unit-b never accepted it' }]);
    expect(stay('sa')).toMatchObject({ status: 'active' });
    write('transfer', 'tr2', 'unit-b', { acceptedAt: AT });
    expect(settleTransfers(hub.store, ['tr2'], NOW)).toMatchObject({ refused: [], committed: true });
    expect(stay('sa')).toMatchObject({ status: 'discharged' });
    expect(stay(arrivalStayId('tr2'))).toEqual({ unit: 'unit-b', status: 'active', name: 'Kari Nordmann' });
  });

  it('moves nothing until it holds the stay it would move', () => {
    write('transfer', 'tr3', 'unit-a', { fromUnit: 'unit-a', toUnit: 'unit-b', stay: 'unknown', requestedAt: AT, acceptedAt: AT, completedAt: AT, status: 'completed' });
    expect(settleTransfers(hub.store, ['tr3'], NOW)).toMatchObject({ refused: [], committed: false });
    expect(stay(arrivalStayId('tr3'))).toBeUndefined();
  });
});
