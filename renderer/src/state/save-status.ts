/** Where one edit stands: "saved" only once main has committed it, "failed" with the reason. */

import type { Problem } from '../../../shared/api/result.js';

/** The save status one edit shows next to what it changed. */
export type SaveStatus =
  | { state: 'pending' }
  | { state: 'saved' }
  | ({ state: 'failed' } & Problem);
