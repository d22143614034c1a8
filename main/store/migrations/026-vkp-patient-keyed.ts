/**
 * Migration 26: the hub-local VKP patient mapping keyed by an HMAC-SHA256 under the hub's own secret
 * (main/alarm/vkp-mapping.ts) instead of a bare SHA-256: an identity number has few enough values
 * that a bare hash of it can be reversed by trying them all. Keys made the old way cannot be
 * converted (the numbers are not kept), so the table starts empty; nothing outside tests wrote it.
 */
export default `
DROP TABLE vkp_patient;
CREATE TABLE vkp_patient (
  patient_key TEXT PRIMARY KEY, unit TEXT NOT NULL, stay TEXT NOT NULL, mapped_at TEXT NOT NULL, mapped_by TEXT NOT NULL
);
CREATE INDEX vkp_patient_stay ON vkp_patient(stay);
`;
