/** The screens re-read after main's changes, but not after changes that only add audit entries. */

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../../shared/api/client.js';
import type { EventMap } from '../../../shared/api/contract.js';
import { changesScreen, followChanges } from '../../../renderer/src/state/follow-changes.js';

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

  it('reads at once, once per burst of changes, and not for another board\'s unlock or reveal', () => {
    const reload = vi.fn();
    const stop = followChanges(api, reload, 300);
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
});
