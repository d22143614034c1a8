/** The hub's key of a patient (a hash of the identity number, as PLO episodes are keyed): finds readmissions without the number. */

import { createHash } from 'node:crypto';

// Must match main/flow/plo-apply.ts, whose PLO episodes it is compared with on the hub.
export const virtualWardPatientKey = (idType: string, id: string): string => createHash('sha256').update(`plo-patient:${idType}:${id}`).digest('hex');
