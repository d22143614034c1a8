/** The replica core: one `state.changed` per command however many commits it makes, and the outbox after it. */

import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventMap, EventName } from '../../../shared/api/contract.js';
import { ReplicaCore } from '../../../main/replica/replica-core.js';
import { tempDir } from '../../support/temp-dir.js';

type Heard = { event: EventName; data: EventMap[EventName] };

describe('the replica core', () => {
  let dir: ReturnType<typeof tempDir>;
  let core: ReplicaCore;
  let heard: Heard[];
  const task = (id: string) => core.store.commit({ actor: 'test', action: 'task.create', record: id }, [{ c: 'task', id, fields: { title: `Oppgave ${id}` } }]);

  beforeEach(() => {
    dir = tempDir('tavla-core-');
    core = new ReplicaCore({ file: join(dir.path, 'tavla.sqlite'), role: 'board', scope: 'solsiden', municipality: 'fjordvik' });
    heard = [];
    core.subscribe((event, data) => heard.push({ event, data }));
  });
  afterEach(() => {
    core.close();
    dir.remove();
  });

  it('tells the commits of one command as one change, then the outbox once', () => {
    const answer = core.command(() => {
      task('t1');
      task('t2');
      expect(heard).toEqual([]);
      return 'done';
    });
    expect(answer).toBe('done');
    expect(heard).toEqual([
      { event: 'state.changed', data: { collections: ['task', 'auditEntry'], tasks: ['t1', 't2'], origin: 'local' } },
      { event: 'sync.status', data: expect.objectContaining({ outbox: core.store.outboxSize() }) },
    ]);
    expect(core.syncStatus.outbox).toBe(core.store.outboxSize());
  });

  it('tells a commit made outside any command at once (a seed, the hub settling a transfer)', () => {
    task('t1');
    expect(heard.map((h) => h.event)).toEqual(['state.changed', 'sync.status']);
    task('t2');
    expect(heard.map((h) => h.event)).toEqual(['state.changed', 'sync.status', 'state.changed', 'sync.status']);
  });

  it('tells what a failing command committed before it failed, once, and nothing for a command that wrote nothing', () => {
    expect(() =>
      core.command(() => {
        task('t1');
        throw new Error('after the commit');
      }),
    ).toThrow('after the commit');
    expect(heard.filter((h) => h.event === 'state.changed')).toEqual([{ event: 'state.changed', data: { collections: ['task', 'auditEntry'], tasks: ['t1'], origin: 'local' } }]);
    heard.length = 0;
    core.command(() => core.command(() => 'a read'));
    expect(heard).toEqual([]);
  });

  it('tells a command run inside another with the outer one', () => {
    core.command(() => {
      task('t1');
      core.command(() => task('t2'));
    });
    expect(heard.filter((h) => h.event === 'state.changed')).toHaveLength(1);
  });

  it('stops telling once a listener unsubscribes', () => {
    const late: EventName[] = [];
    const unsubscribe = core.subscribe((event) => late.push(event));
    task('t1');
    unsubscribe();
    task('t2');
    expect(late).toEqual(['state.changed', 'sync.status']);
  });
});
