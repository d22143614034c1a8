/**
 * The screens re-read after main's changes to what they show, and only then: not after changes
 * that only add audit entries, nor after changes to collections their read does not draw on; a
 * change naming a few tasks is patched in by id.
 */

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../../shared/api/client.js';
import type { EventMap } from '../../../shared/api/contract.js';
import { changesScreen, followChanges } from '../../../renderer/src/state/follow-changes.js';
import { READS } from '../../../renderer/src/state/reads.js';

describe('following main\'s changes', () => {
  let announce: (data: EventMap['state.changed']) => void = () => undefined;
  const api = {
    on: (_event: string, listener: (data: EventMap['state.changed']) => void) => {
      announce = listener;
      return () => (announce = () => undefined);
    },
  } as unknown as ApiClient;
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('tells audit-only changes from changes a screen shows', () => {
    expect(changesScreen([])).toBe(true);
    expect(changesScreen(['task'])).toBe(true);
    expect(changesScreen(['auditEntry', 'bed'])).toBe(true);
    expect(changesScreen(['auditEntry'])).toBe(false);
  });

  it('tells changes to what a read draws on from changes elsewhere, and treats "anything" (a reconnect) as a change', () => {
    expect(changesScreen(['task', 'auditEntry'], READS['flow.state'])).toBe(false);
    expect(changesScreen(['staffing', 'auditEntry'], READS['ward.state'])).toBe(false);
    expect(changesScreen(['transfer'], READS['flow.state'])).toBe(true);
    expect(changesScreen(['staffing'], READS['capacity.view'])).toBe(true);
    expect(changesScreen([], READS['flow.state'])).toBe(true);
  });

  it('reads at once, once per burst of changes, and not for another board\'s unlock or reveal', () => {
    const reload = vi.fn();
    const stop = followChanges(api, reload, { delayMs: 300 });
    expect(reload).toHaveBeenCalledTimes(1);
    announce({ collections: ['auditEntry'] });
    vi.advanceTimersByTime(1000);
    expect(reload).toHaveBeenCalledTimes(1);
    announce({ collections: ['task', 'auditEntry'] });
    announce({ collections: [] });
    vi.advanceTimersByTime(1000);
    expect(reload).toHaveBeenCalledTimes(2);
    stop();
    announce({ collections: ['task'] });
    vi.advanceTimersByTime(1000);
    expect(reload).toHaveBeenCalledTimes(2);
  });

  it('does not read again for a tap on a task when the screen reads no tasks', () => {
    const reload = vi.fn();
    const stop = followChanges(api, reload, { reads: READS['flow.state'], delayMs: 150 });
    announce({ collections: ['task', 'auditEntry'], tasks: ['t1'] });
    vi.advanceTimersByTime(1000);
    expect(reload).toHaveBeenCalledTimes(1);
    announce({ collections: ['transfer', 'stay', 'auditEntry'] });
    vi.advanceTimersByTime(1000);
    expect(reload).toHaveBeenCalledTimes(2);
    stop();
  });

  it('leaves for later a change to what is not on the screen now, never a reconnect', () => {
    const reload = vi.fn();
    let shown = false;
    const later = vi.fn((collections: readonly string[]) => !shown && collections.every((c) => c === 'bed' || c === 'auditEntry'));
    const stop = followChanges(api, reload, { reads: READS['flow.state'], later });
    announce({ collections: ['bed', 'auditEntry'] });
    expect(reload).toHaveBeenCalledTimes(1); // the first read only: a bed tap costs the flow state nothing
    expect(later).toHaveBeenCalledTimes(1);
    announce({ collections: ['transfer', 'auditEntry'] });
    announce({ collections: [] });
    expect(reload).toHaveBeenCalledTimes(3);
    shown = true;
    announce({ collections: ['bed', 'auditEntry'] });
    expect(reload).toHaveBeenCalledTimes(4);
    stop();
  });

  it('patches in the tasks a change named, at once, and reads the whole for a change that named none', () => {
    const reload = vi.fn();
    const patch = vi.fn();
    const stop = followChanges(api, reload, { reads: READS['ward.state'], patchTasks: patch });
    expect(reload).toHaveBeenCalledTimes(1);
    announce({ collections: ['task', 'auditEntry'], tasks: ['t1'] });
    expect(patch).toHaveBeenCalledWith(['t1']);
    expect(reload).toHaveBeenCalledTimes(1);
    announce({ collections: ['bed', 'auditEntry'] });
    expect(reload).toHaveBeenCalledTimes(2);
    expect(patch).toHaveBeenCalledTimes(1);
    stop();
  });

  it('patches a burst\'s tasks together, unless one change of the burst needs the whole', () => {
    const reload = vi.fn();
    const patch = vi.fn();
    const stop = followChanges(api, reload, { patchTasks: patch, delayMs: 200 });
    announce({ collections: ['task'], tasks: ['t1'] });
    announce({ collections: ['task'], tasks: ['t2', 't1'] });
    vi.advanceTimersByTime(300);
    expect(patch).toHaveBeenCalledExactlyOnceWith(['t1', 't2']);
    expect(reload).toHaveBeenCalledTimes(1);
    announce({ collections: ['task'], tasks: ['t3'] });
    announce({ collections: ['stay', 'task'] });
    vi.advanceTimersByTime(300);
    expect(patch).toHaveBeenCalledTimes(1);
    expect(reload).toHaveBeenCalledTimes(2);
    stop();
  });
});
