/**
 * The save status one edit shows next to what it changed, and the unworded problem a read or an
 * edit failed with (main's envelope: code, message, the reason's facts). Components word it in
 * the screen's language (text/failure.ts); state never does.
 */

import type { Problem } from '../../../shared/api/result.js';

export { problemOf, type Problem } from '../../../shared/api/result.js';

export type SaveStatus = { state: 'pending' } | { state: 'saved' } | ({ state: 'failed' } & Problem);
