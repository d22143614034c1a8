/** The numbered migrations, in order. Never edit one that has shipped: add the next. */
import initial from './001-initial.js';
import flowAndShifts from './002-flow-and-shifts.js';
import wardBoard from './003-ward-board.js';
import patientFlow from './004-patient-flow.js';
import leader from './005-leader.js';
import sharedAudit from './006-shared-audit.js';
import staffLockout from './007-staff-lockout.js';
import deviceTokens from './008-device-tokens.js';
import refusedStamps from './009-refused-stamps.js';
import collection from './010-collection.js';
import bedLoop from './011-bed-loop.js';
import taskTemplate from './012-task-template.js';
import handoverGiver from './013-handover-giver.js';
import iplosByCode from './014-iplos-by-code.js';
import transferAccountable from './017-transfer-accountable.js';
import homecareVisits from './021-homecare-visits.js';
import pathways from './022-pathways.js';
import alarms from './023-alarms.js';
import alarmLimits from './024-alarm-limits.js';
import pathwayFigures from './025-pathway-figures.js';
import vkpPatientKeyed from './026-vkp-patient-keyed.js';
import virtualWard from './027-virtual-ward.js';
import sharedReception from './028-shared-reception.js';
import warehouseMarks from './029-warehouse-marks.js';
import leanHotTables from './030-lean-hot-tables.js';
import episodeKeyedUnder from './031-episode-keyed-under.js';
import ploIdProblem from './032-plo-id-problem.js';
import transferIdProblem from './033-transfer-id-problem.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'flow-and-shifts', sql: flowAndShifts },
  { version: 3, name: 'ward-board', sql: wardBoard },
  { version: 4, name: 'patient-flow', sql: patientFlow },
  { version: 5, name: 'leader', sql: leader },
  { version: 6, name: 'shared-audit', sql: sharedAudit },
  { version: 7, name: 'staff-lockout', sql: staffLockout },
  { version: 8, name: 'device-tokens', sql: deviceTokens },
  { version: 9, name: 'refused-stamps', sql: refusedStamps },
  { version: 10, name: 'collection', sql: collection },
  { version: 11, name: 'bed-loop', sql: bedLoop },
  { version: 12, name: 'task-template', sql: taskTemplate },
  { version: 13, name: 'handover-giver', sql: handoverGiver },
  { version: 14, name: 'iplos-by-code', sql: iplosByCode },
  { version: 17, name: 'transfer-accountable', sql: transferAccountable },
  { version: 21, name: 'homecare-visits', sql: homecareVisits },
  { version: 22, name: 'pathways', sql: pathways },
  { version: 23, name: 'alarms', sql: alarms },
  { version: 24, name: 'alarm-limits', sql: alarmLimits },
  { version: 25, name: 'pathway-figures', sql: pathwayFigures },
  { version: 26, name: 'vkp-patient-keyed', sql: vkpPatientKeyed },
  { version: 27, name: 'virtual-ward', sql: virtualWard },
  { version: 28, name: 'shared-reception', sql: sharedReception },
  { version: 29, name: 'warehouse-marks', sql: warehouseMarks },
  { version: 30, name: 'lean-hot-tables', sql: leanHotTables },
  { version: 31, name: 'episode-keyed-under', sql: episodeKeyedUnder },
  { version: 32, name: 'plo-id-problem', sql: ploIdProblem },
  { version: 33, name: 'transfer-id-problem', sql: transferIdProblem },
];
