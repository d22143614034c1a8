/** One leader table as CSV from the hub (`leader.exportCsv`), or why not: every export button's read. */

import type { ApiClient } from '../../../shared/api/client.js';
import type { ExportFile } from '../../../shared/api/commands/leader.js';
import type { CommandInput } from '../../../shared/api/contract.js';
import { problemOf, type Problem } from './save-status.js';

export async function exportCsv(api: ApiClient, input: CommandInput<'leader.exportCsv'>): Promise<ExportFile | Problem> {
  const result = await api.call('leader.exportCsv', input);
  return result.ok ? result.value : problemOf(result);
}
