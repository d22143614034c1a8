/**
 * The hub's configured VKP patient mapping (issue 15, point 3; docs/alarms.md): which home-care stay
 * a sender's patient identifier (a fødselsnummer or D-nummer) belongs to. Only an HMAC-SHA256 of the
 * identifier under the hub's own secret is kept, in the hub-local table `vkp_patient` that never
 * syncs: a bare hash of an 11-digit number can be reversed by trying them all, a keyed one not
 * without the secret. The secret is made at the hub's first start (node:crypto random bytes), in its
 * data folder, readable by its owner alone, like the operator token.
 */

import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import type { Database } from 'better-sqlite3';
import { nationalIdKind, type NationalIdProblem } from '../../shared/domain/national-id.js';
import { osloDay } from '../../shared/time/oslo.js';
import { secretFile } from '../secret-file.js';

/** The file in the hub's data folder that holds the mapping's secret. */
export const VKP_SECRET_FILE = 'vkp-patient-secret';

/** Norwegian person identifiers (fødselsnummer, D-nummer, H-nummer): 11 digits. */
export const FNR_SYSTEM = 'urn:oid:2.16.578.1.12.4.1.4.1';
const ELEVEN_DIGITS = new Set([FNR_SYSTEM, 'urn:oid:2.16.578.1.12.4.1.4.2', 'urn:oid:2.16.578.1.12.4.1.4.3']);

/** The hub's mapping secret: created at first use (mode 600), the same ever after. */
export function vkpSecret(dataDir: string): Buffer {
  // Never remade by the hub: a new secret would make every mapping stop matching.
  return Buffer.from(secretFile(join(dataDir, VKP_SECRET_FILE), 'the VKP mapping secret', "restore it from the hub's backup"), 'base64url');
}

export interface PatientIdentifier {
  system: string;
  value: string;
}

/** The key a patient identifier is kept and looked up by. */
export function patientKey(secret: Buffer, patient: PatientIdentifier): string {
  return createHmac('sha256', secret).update(`vkp-patient\n${patient.system}\n${patient.value}`).digest('hex');
}

/** One mapping as an operator sends it (`POST /api/vkp-mapping`, a CSV row). */
export const mappingInput = z.strictObject({
  identifier: z.string().trim().min(1).max(64),
  system: z.string().trim().min(1).max(200).default(FNR_SYSTEM),
  stayId: z.string().trim().min(1).max(64),
});
export const unmappingInput = mappingInput.omit({ stayId: true });

export type MappingOutcome = { ok: true; unit: string; stayId: string } | { ok: false; status: 400 | 404 | 409; reason: string };

/** What the identity-number check (shared/domain/national-id.ts) finds wrong, said for an operator. */
const ID_PROBLEM_TEXT: Record<Exclude<NationalIdProblem, 'birth-date'>, string> = {
  length: 'the identifier is not 11 digits, as a fødselsnummer or D-nummer is',
  'check-digits': "the identifier's date or check digits do not hold: check the number",
  century: "the identifier's individual number gives its year no century: check the number",
  future: "the identifier's birth date is after today: check the number",
};

/** Why a Norwegian identifier cannot be mapped on `now`'s day: a mistyped one would send another person's alarms to the stay. */
function identifierProblem(system: string, value: string, now: Date): string | undefined {
  if (!ELEVEN_DIGITS.has(system)) return undefined;
  const read = nationalIdKind(value, osloDay(now.getTime()));
  return 'problem' in read && read.problem !== 'birth-date' ? ID_PROBLEM_TEXT[read.problem] : undefined;
}

/** Maps an identifier to an active home-care stay the hub holds (replacing an earlier mapping of it). */
export function mapVkpPatient(db: Database, secret: Buffer, input: unknown, by: string, now: Date): MappingOutcome {
  const parsed = mappingInput.safeParse(input);
  if (!parsed.success) return { ok: false, status: 400, reason: `expected { identifier, system?, stayId }: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'} ${i.message}`).join('; ')}` };
  const { identifier, system, stayId } = parsed.data;
  const problem = identifierProblem(system, identifier, now);
  if (problem) return { ok: false, status: 400, reason: problem };
  const stay = db
    .prepare("SELECT s.unit, s.status, s.dischargedAt, u.kind FROM stay s LEFT JOIN unit u ON u.id = s.unit AND u.deleted = 0 WHERE s.id = ? AND s.deleted = 0")
    .get(stayId) as { unit: string; status: string | null; dischargedAt: string | null; kind: string | null } | undefined;
  if (!stay) return { ok: false, status: 404, reason: `the hub holds no stay ${stayId}` };
  if (stay.kind !== 'home-care') return { ok: false, status: 409, reason: `stay ${stayId} is not on a home-care unit` };
  if (!stayActive(stay)) return { ok: false, status: 409, reason: `stay ${stayId} has ended` };
  db.prepare(
    'INSERT INTO vkp_patient (patient_key, unit, stay, mapped_at, mapped_by) VALUES (?, ?, ?, ?, ?) ' +
      'ON CONFLICT (patient_key) DO UPDATE SET unit = excluded.unit, stay = excluded.stay, mapped_at = excluded.mapped_at, mapped_by = excluded.mapped_by',
  ).run(patientKey(secret, { system, value: identifier }), stay.unit, stayId, now.toISOString(), by);
  return { ok: true, unit: stay.unit, stayId };
}

/** Removes an identifier's mapping; whether there was one. */
export function unmapVkpPatient(db: Database, secret: Buffer, input: unknown): { ok: true; removed: boolean } | { ok: false; status: 400; reason: string } {
  const parsed = unmappingInput.safeParse(input);
  if (!parsed.success) return { ok: false, status: 400, reason: `expected { identifier, system? }: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'} ${i.message}`).join('; ')}` };
  const { identifier, system } = parsed.data;
  const removed = db.prepare('DELETE FROM vkp_patient WHERE patient_key = ?').run(patientKey(secret, { system, value: identifier })).changes > 0;
  return { ok: true, removed };
}

const stayActive = (stay: { status: string | null; dischargedAt: string | null }) => stay.status !== 'discharged' && stay.dischargedAt === null;

/** The active home-care stay an identifier is mapped to; undefined when unmapped or the stay ended. */
export function mappedStay(db: Database, secret: Buffer, patient: PatientIdentifier): { unit: string; stay: string; initials: string | null } | undefined {
  const row = db
    .prepare(
      `SELECT m.unit, m.stay, s.initials, s.status, s.dischargedAt FROM vkp_patient m JOIN stay s ON s.id = m.stay AND s.deleted = 0
       WHERE m.patient_key = ?`,
    )
    .get(patientKey(secret, patient)) as { unit: string; stay: string; initials: string | null; status: string | null; dischargedAt: string | null } | undefined;
  return row && stayActive(row) ? { unit: row.unit, stay: row.stay, initials: row.initials } : undefined;
}

/** The mappings as an operator may list them: unit, stay and when — never an identifier. */
export function listVkpMappings(db: Database): { unit: string; stay: string; mappedAt: string; mappedBy: string; active: boolean }[] {
  const rows = db
    .prepare(
      `SELECT m.unit, m.stay, m.mapped_at AS mappedAt, m.mapped_by AS mappedBy, s.status, s.dischargedAt, s.deleted
       FROM vkp_patient m LEFT JOIN stay s ON s.id = m.stay ORDER BY m.unit, m.stay`,
    )
    .all() as { unit: string; stay: string; mappedAt: string; mappedBy: string; status: string | null; dischargedAt: string | null; deleted: number | null }[];
  return rows.map(({ status, dischargedAt, deleted, ...row }) => ({ ...row, active: deleted === 0 && stayActive({ status, dischargedAt }) }));
}
