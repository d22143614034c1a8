/** Handlers of the patient-flow commands the hub answers (shared/api/commands/flow.ts). */

import type { PloImportLine } from '../../shared/api/commands/flow.js';
import { ok } from '../../shared/api/result.js';
import { idProblemOf } from '../flow/transfer-records.js';
import type { Handlers } from '../replica/dispatch.js';
import type { HubContext } from './hub-context.js';

export const flowHubCommands: Handlers<HubContext> = {
  // The message log holds no personal data: ids, types, times, the stay each message touched and
  // the kind of problem its identity number had (never the number).
  'plo.imports': (hub, input: { limit?: number }) => {
    const rows = hub.db
      .prepare('SELECT msg_id, type, gen_date, unit, stay, file, imported_at, id_problem FROM plo_message ORDER BY imported_at DESC, msg_id LIMIT ?')
      .all(input.limit ?? 100) as { msg_id: string; type: string; gen_date: string | null; unit: string; stay: string | null; file: string | null; imported_at: string; id_problem: string | null }[];
    return ok(
      rows.map((row): PloImportLine => ({
        msgId: row.msg_id,
        type: row.type,
        genDate: row.gen_date,
        unit: row.unit,
        stayId: row.stay,
        file: row.file,
        importedAt: row.imported_at,
        idProblem: idProblemOf(row.id_problem),
      })),
    );
  },
};
