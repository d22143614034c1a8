/** The hub's change path: a unit's merged batch and the hub's own commits are each told once and precisely. */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventMap, EventName } from '../../../shared/api/contract.js';
import { HubService } from '../../../main/hub/hub-service.js';
import { tempDir } from '../../support/temp-dir.js';
import { peerTap } from '../../support/peer-tap.js';

type Heard = { event: EventName; data: EventMap[EventName] };

describe('the change path of the hub', () => {
  let dir: ReturnType<typeof tempDir>;
  let hub: HubService;
  let heard: Heard[];
  beforeEach(() => {
    dir = tempDir('tavla-hub-');
    hub = new HubService({ dataDir: dir.path, municipality: 'fjordvik' });
    heard = [];
    hub.subscribe((event, data) => heard.push({ event, data }));
  });
  afterEach(() => {
    hub.close();
    dir.remove();
  });

  it("tells a unit's merged batch once, as remote, with the task it named", () => {
    const { task, changes } = peerTap();
    hub.store.applyRemote(changes, 'solsiden');
    expect(heard).toEqual([{ event: 'state.changed', data: { collections: ['task', 'auditEntry'], tasks: [task], origin: 'remote' } }]);
  });

  it('tells its own commit (a settlement, a capacity refresh) once, as local, then its outbox', () => {
    hub.store.commit({ actor: 'hub', action: 'capacity.refresh' }, [{ c: 'capacity', id: 'solsiden-2026-11-23', fields: { unit: 'solsiden' }, scope: 'solsiden' }]);
    expect(heard).toEqual([
      { event: 'state.changed', data: { collections: ['capacity'], origin: 'local' } },
      { event: 'sync.status', data: expect.objectContaining({ outbox: hub.store.outboxSize() }) },
    ]);
    expect(hub.syncStatus.outbox).toBe(1);
  });

  it('tells nothing after a read, and a leader setting (kept outside the replicated store) once', () => {
    for (const command of ['app.info', 'hub.directory', 'hub.overview', 'leader.capacity']) expect(hub.dispatch(command, {}).ok).toBe(true);
    expect(heard).toEqual([]);
    expect(hub.dispatch('leader.setRate', { year: 2026, nok: 5745 }).ok).toBe(true);
    expect(heard).toEqual([{ event: 'state.changed', data: { collections: ['rate'] } }]);
  });
});
