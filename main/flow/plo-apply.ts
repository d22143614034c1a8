/**
 * Applies one parsed PLO message to the hub's store, in the allocation office's scope, as one
 * transaction: the message log entry (idempotency by MsgId), the patient's episode, the stay
 * fields and the pathways a discharge to home care starts all commit together or not at all.
 * Messages about one hospital stay are tied together by the patient's identity number and the
 * admission time they carry; a message older (by GenDate) than one already applied only fills what
 * is still empty, so files imported out of order end in the same state as in order.
 */

import { createHash } from 'node:crypto';
import { nationalIdKind, type NationalIdProblem } from '../../shared/domain/national-id.js';
import { RISK_FLAGS, type FieldValue } from '../../shared/domain/schema.js';
import { osloDay } from '../../shared/time/oslo.js';
import type { FieldStore, RecordEdit } from '../store/field-store.js';
import { newId } from '../replica/command-context.js';
import type { PloMessage, PloType } from './plo-parse.js';
import { arrivalStayId, liveTransfersOfStay, openTransfersOfStay, readStay, type StayRow } from './transfer-records.js';
import { dischargePathwayEdits } from '../pathway/pathway-plo.js';
import { ploPatientKey, type PseudonymSecret } from '../privacy/pseudonym.js';
import { noteKeyedUnder } from '../replica/keyed-under.js';

export interface PloTarget {
  store: FieldStore;
  /** The allocation office's unit: the scope the hospital patients live in. */
  unit: string;
  now: () => Date;
  /** The hub's pseudonym secret: a patient's episodes are keyed by `ploPatientKey` under it. */
  pseudonyms: PseudonymSecret;
}

export interface PloApplied {
  outcome: 'imported' | 'duplicate';
  stayId: string | null;
  initials: string;
  /** Why an imported message changed nothing, when it did not; or that its identity number fails its check. */
  note: string | null;
  /**
   * What is wrong with the identity number of an imported message (shared/domain/national-id.ts),
   * or null. Such a message is still taken, keyed by the number as sent (the hospital's messages
   * about that number still tie together), and flagged so the operator can have it corrected.
   */
  idProblem: NationalIdProblem | null;
}

/** The PLO state each use leaves the patient in. */
const STATUS_OF: Record<PloType, string> = {
  LOG_INNLAGT: 'admitted',
  LOG_UTSKRIVNINGSKLAR: 'discharge-ready',
  LOG_AVMELDING: 'withdrawn',
  LOG_UTSKREVET: 'discharged',
  LOG_DOD: 'dead',
};

/** Uses that may open a new episode: they are about a patient still in hospital. */
const OPENS_EPISODE: readonly PloType[] = ['LOG_INNLAGT', 'LOG_UTSKRIVNINGSKLAR', 'LOG_AVMELDING'];

interface Episode {
  stay: string;
  admitted_at: string | null;
  last_gen_date: string | null;
}

/**
 * The bare hash episodes were keyed by before the keyed pseudonym (reversible by trying every
 * number): still looked up, so a patient in hospital across the upgrade is found, and re-keyed then.
 */
const legacyPatientKey = (m: PloMessage) => createHash('sha256').update(`plo-patient:${m.patient.idType}:${m.patient.id}`).digest('hex');

/** "KN" for Kari Nordmann. */
export function initialsOf(givenName: string, familyName: string): string {
  return `${givenName.trim().charAt(0)}${familyName.trim().charAt(0)}`.toUpperCase();
}

export function applyPloMessage(target: PloTarget, message: PloMessage, file: string | null): PloApplied {
  const { store, unit } = target;
  const db = store.db;
  const initials = initialsOf(message.patient.givenName, message.patient.familyName);
  return db.transaction((): PloApplied => {
    if (db.prepare('SELECT 1 FROM plo_message WHERE msg_id = ?').get(message.msgId)) {
      return { outcome: 'duplicate', stayId: null, initials, note: 'already imported', idProblem: null };
    }
    const idProblem = ploIdProblem(message, target.now());
    const key = ploPatientKey(target.pseudonyms, message.patient.idType, message.patient.id);
    const episode = findEpisode(target, key, message);
    const now = target.now().toISOString();
    let stayId: string | null = episode?.stay ?? null;
    let note: string | null = null;
    if (!episode && !OPENS_EPISODE.includes(message.type)) {
      note = 'no earlier message about this patient: nothing to update';
    } else {
      stayId ??= newId();
      const current = readStay(db, stayId);
      const newer = !episode?.last_gen_date || message.genDate >= episode.last_gen_date;
      const fields = stayFields(db, message, current, newer, stayId, unit, idProblem);
      store.commit({ actor: 'plo-import', action: 'plo.import', collection: 'stay', record: stayId, detail: `${message.type} ${message.msgId}` }, [
        { c: 'stay', id: stayId, scope: unit, fields } satisfies RecordEdit,
      ]);
      const admitted = (fields.admittedAt as string | undefined) ?? current?.admittedAt ?? null;
      const lastGen = newer ? message.genDate : (episode?.last_gen_date ?? message.genDate);
      if (message.type === 'LOG_UTSKREVET' && message.leftAt !== null) startDischargePathways(store, stayId, message.leftAt);
      db.prepare(
        `INSERT INTO plo_episode (patient_key, unit, stay, admitted_at, last_gen_date) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (patient_key, unit, stay) DO UPDATE SET admitted_at = excluded.admitted_at, last_gen_date = excluded.last_gen_date`,
      ).run(key, unit, stayId, admitted, lastGen);
      // The secret the episodes are keyed under, named once (HubService.pseudonymMismatch reads it).
      noteKeyedUnder(db, target.pseudonyms);
    }
    db.prepare('INSERT INTO plo_message (msg_id, type, gen_date, unit, stay, file, imported_at, id_problem) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      message.msgId,
      message.type,
      message.genDate,
      unit,
      stayId,
      file,
      now,
      idProblem,
    );
    if (idProblem !== null) note = [note, `the identity number fails its check (${idProblem}): imported as sent`].filter(Boolean).join('; ');
    return { outcome: 'imported', stayId, initials, note, idProblem };
  })();
}

/** What is wrong with a message's identity number, beside its DateOfBirth when it has one, on the hub's day. */
function ploIdProblem(message: PloMessage, now: Date): NationalIdProblem | null {
  const read = nationalIdKind(message.patient.id, osloDay(now.getTime()), message.patient.birthDate ?? undefined);
  return 'problem' in read ? read.problem : null;
}

/**
 * A discharge of a patient the office has sent to home care starts the home-care unit's pathways of
 * trigger `plo-discharged` (main/pathway/pathway-plo.ts), in this message's transaction, for the
 * stay the transfer gives the patient there (its id derives from the transfer's, so it is the same
 * whether the patient has arrived yet or not). A cancelled or declined transfer starts nothing.
 */
function startDischargePathways(store: FieldStore, officeStay: string, leftAt: string): void {
  for (const transfer of liveTransfersOfStay(store.db, officeStay)) {
    if (transfer.toUnit === null) continue;
    const stay = arrivalStayId(transfer.id);
    const edits = dischargePathwayEdits(store.db, { unit: transfer.toUnit, stay, key: transfer.id }, leftAt, 'plo-import');
    if (edits.length === 0) continue;
    const templates = edits.map((edit) => String(edit.fields.template)).join(',');
    store.commit({ actor: 'plo-import', action: 'pathway.start', collection: 'stay', record: stay, detail: `${templates} ${transfer.toUnit}` }, edits);
  }
}

/**
 * The episode a message belongs to: same admission time, else (no admission in it) the latest one.
 * Episodes still under the legacy bare hash are re-keyed first (in the message's transaction, every
 * unit's: the readmission count reads them all), so bare hashes go as messages come.
 */
function findEpisode(target: PloTarget, key: string, message: PloMessage): Episode | undefined {
  const db = target.store.db;
  // One indexed statement per message; a stay is never under both keys, so the primary key holds.
  db.prepare('UPDATE plo_episode SET patient_key = ? WHERE patient_key = ?').run(key, legacyPatientKey(message));
  const episodes = db
    .prepare('SELECT stay, admitted_at, last_gen_date FROM plo_episode WHERE patient_key = ? AND unit = ? ORDER BY admitted_at')
    .all(key, target.unit) as Episode[];
  if (message.admittedAt !== null) return episodes.find((e) => e.admitted_at === message.admittedAt);
  return episodes.at(-1);
}

/**
 * The stay fields one message sets: everything for a newer message, only the gaps for an older one.
 * The identity-number problem is the newest message's (its kind, never the number): a newer message
 * whose number passes clears it; an older one leaves it as the newer one set it.
 */
function stayFields(
  db: FieldStore['db'],
  m: PloMessage,
  current: StayRow | undefined,
  newer: boolean,
  stayId: string,
  unit: string,
  idProblem: NationalIdProblem | null,
): Record<string, FieldValue> {
  const fields: Record<string, FieldValue> = {};
  if (!current) {
    Object.assign(fields, {
      unit,
      bed: null,
      adl: null,
      nurse: null,
      expectedDischarge: null,
      dischargeReadySince: null,
      dischargedAt: null,
      hospitalLeftAt: null,
      shielded: false,
      status: 'active',
      deleted: false,
      ...Object.fromEntries(RISK_FLAGS.map((flag) => [flag, false])),
    });
  }
  if (m.admittedAt && (newer || !current?.admittedAt)) fields.admittedAt = m.admittedAt;
  if (!current && !fields.admittedAt) fields.admittedAt = m.genDate;
  if (!newer) return fields;

  Object.assign(fields, {
    initials: initialsOf(m.patient.givenName, m.patient.familyName),
    name: `${m.patient.givenName} ${m.patient.familyName}`,
    birthDate: m.patient.birthDate,
    hospital: m.hospital,
    hospitalStatus: STATUS_OF[m.type],
    idProblem,
  });
  if (m.type === 'LOG_UTSKRIVNINGSKLAR') fields.dischargeReadySince = m.dischargeReadyAt;
  if (m.type === 'LOG_AVMELDING') fields.dischargeReadySince = null;
  if (m.type === 'LOG_INNLAGT' && current?.hospitalLeftAt) fields.hospitalLeftAt = null;
  if (m.type === 'LOG_UTSKREVET' || m.type === 'LOG_DOD') {
    fields.hospitalLeftAt = m.leftAt;
    // Off the office's list, unless a transfer is under way: then it leaves when that completes or is cancelled.
    if ((current?.status ?? 'active') === 'active' && openTransfersOfStay(db, stayId).length === 0) {
      fields.status = 'discharged';
      fields.dischargedAt = m.leftAt;
    }
  }
  return fields;
}
