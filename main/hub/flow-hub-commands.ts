/** Handlers of the patient-flow commands the hub answers (shared/api/commands/flow.ts). */

import type { PloImportLine } from '../../shared/api/commands/flow.js';
import { ok } from '../../shared/api/result.js';
import type { Handlers } from '../replica/dispatch.js';
import type { HubContext } from './hub-context.js';

export const flowHubCommands: Handlers<HubContext> = {
  // The message log holds no personal data: ids, types, times and the stay each message touched.
  'plo.imports': (hub, input: { limit?: number }) => {
    const rows = hub.db
      .prepare('SELECT msg_id, type, gen_date, unit, stay, file, imported_at FROM plo_message ORDER BY imported_at DESC, msg_id LIMIT ?')
      .all(input.limit ?? 100) as { msg_id: string; type: string; gen_date: string | null; unit: string; stay: string | null; file: string | null; imported_at: string }[];
    return ok(
      rows.map((row): PloImportLine => ({
        msgId: row.msg_id,
        type: row.type,
        genDate: row.gen_date,
        unit: row.unit,
        stayId: row.stay,
        file: row.file,
        importedAt: row.imported_at,
      })),
    );
  },
};
