/** A tap on this board is announced like another board's: the collections its commit changed, and the few tasks by id. */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventMap } from '../../../shared/api/contract.js';
import { openTestBoard, seedWard, type TestBoard } from '../../support/ward-board.js';

describe("a local edit's state change", () => {
  let board: TestBoard;
  let changes: EventMap['state.changed'][];
  beforeEach(() => {
    board = openTestBoard('2026-11-23T09:02:00Z');
    seedWard(board);
    changes = [];
    board.service.subscribe((event, data) => {
      if (event === 'state.changed') changes.push(data as EventMap['state.changed']);
    });
  });
  afterEach(() => board.close());

  it('names the task a completion touched, so the tapping screen reads just that task', () => {
    const id = board.value('task.fromTemplate', { template: 'medicine-room' }).id;
    board.value('task.complete', { id });
    expect(changes).toHaveLength(2);
    for (const change of changes) {
      expect(change.tasks).toEqual([id]);
      expect(change.collections).toContain('task');
      expect(change.collections.every((c) => c === 'task' || c === 'auditEntry')).toBe(true);
    }
  });

  it('names the collections of an edit beyond tasks, and no tasks', () => {
    board.value('bed.setStatus', { bed: '103', status: 'cleaning' });
    expect(changes).toHaveLength(1);
    expect(changes[0].collections).toContain('bed');
    expect(changes[0].collections).not.toContain('task');
    expect(changes[0]).not.toHaveProperty('tasks');
  });
});
