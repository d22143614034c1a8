/** Another board of the same unit makes one tap; its committed changes are what sync would carry here. */

import type { Change } from '../../shared/sync/change.js';
import { openTestBoard } from './ward-board.js';

/** A task made from a template on a second board (closed again): its id and every change it committed. */
export function peerTap(): { task: string; changes: Change[] } {
  const peer = openTestBoard();
  try {
    const changes: Change[] = [];
    peer.service.store.onCommit((notice) => changes.push(...notice.changes));
    const { id } = peer.value('task.fromTemplate', { template: 'medicine-room' });
    return { task: id, changes };
  } finally {
    peer.close();
  }
}
