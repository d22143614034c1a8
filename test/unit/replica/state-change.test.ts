/** The `state.changed` a commit makes: the collections touched, and a few tasks by id when only tasks changed. */

import { describe, expect, it } from 'vitest';
import { PATCHABLE_TASKS, stateChangeOf } from '../../../main/replica/state-change.js';
import type { Change } from '../../../shared/sync/change.js';

const change = (c: string, id: string) => ({ c, id, f: 'title', v: 'x', s: '' }) as Change;

describe('the state change of a commit', () => {
  it('names the tasks, each once, when tasks and audit entries were all it touched', () => {
    expect(stateChangeOf('remote', [change('task', 't1'), change('task', 't1'), change('task', 't2'), change('auditEntry', 'b-1')])).toEqual({
      collections: ['task', 'auditEntry'],
      tasks: ['t1', 't2'],
      origin: 'remote',
    });
  });

  it('names no task when more than tasks changed, or too many tasks for one re-read', () => {
    expect(stateChangeOf('remote', [change('task', 't3'), change('stay', 's1')])).toEqual({ collections: ['task', 'stay'], origin: 'remote' });
    const many = Array.from({ length: PATCHABLE_TASKS + 1 }, (_, i) => change('task', `t${i}`));
    expect(stateChangeOf('remote', many)).toEqual({ collections: ['task'], origin: 'remote' });
    expect(stateChangeOf('remote', many.slice(1)).tasks).toHaveLength(PATCHABLE_TASKS);
  });

  it('describes a local commit by the same rule, and says it is local', () => {
    expect(stateChangeOf('local', [change('task', 't1'), change('auditEntry', 'b-2')])).toEqual({ collections: ['task', 'auditEntry'], tasks: ['t1'], origin: 'local' });
    expect(stateChangeOf('local', [change('auditEntry', 'b-3')])).toEqual({ collections: ['auditEntry'], origin: 'local' });
  });
});
