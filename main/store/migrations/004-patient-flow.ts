/**
 * Migration 4: patient flow. Transfer steps and the non-personal facts a receiving board needs,
 * the hospital fields of the allocation office's patients, the daily rate, other units' capacity
 * (synced, written by the hub); and three hub-local tables that never sync: the PLO messages
 * imported (idempotency by MsgId), which patient each episode belongs to, and which completed
 * transfers the hub has settled.
 */
export default `
ALTER TABLE unit ADD COLUMN dailyRate INTEGER;

ALTER TABLE stay ADD COLUMN hospital TEXT;
ALTER TABLE stay ADD COLUMN hospitalStatus TEXT;
ALTER TABLE stay ADD COLUMN hospitalLeftAt TEXT;

ALTER TABLE transfer ADD COLUMN scheduledAt TEXT;
ALTER TABLE transfer ADD COLUMN declinedAt TEXT;
ALTER TABLE transfer ADD COLUMN declineReason TEXT;
ALTER TABLE transfer ADD COLUMN completedBy TEXT;
ALTER TABLE transfer ADD COLUMN toBed TEXT;
ALTER TABLE transfer ADD COLUMN toBedLabel TEXT;
ALTER TABLE transfer ADD COLUMN initials TEXT;
ALTER TABLE transfer ADD COLUMN flags TEXT;
ALTER TABLE transfer ADD COLUMN adl INTEGER;
ALTER TABLE transfer ADD COLUMN shielded INTEGER;
ALTER TABLE transfer ADD COLUMN origin TEXT;
CREATE INDEX transfer_stay ON transfer(stay);

CREATE TABLE capacity (
  id TEXT PRIMARY KEY, unit TEXT, name TEXT, kind TEXT, beds INTEGER, free INTEGER, incoming INTEGER,
  updatedAt TEXT, deleted INTEGER NOT NULL DEFAULT 0
);

-- Every PLO message the hub has imported, by its MsgHead MsgId: a second import of the same
-- message changes nothing. No personal data: the stay it touched, not the patient.
CREATE TABLE plo_message (
  msg_id TEXT PRIMARY KEY, type TEXT NOT NULL, gen_date TEXT, unit TEXT NOT NULL, stay TEXT,
  file TEXT, imported_at TEXT NOT NULL
);

-- Which allocation-office stay holds each hospital episode of a patient. The key is a hash of the
-- national identity number, so the number itself is not kept beside the stay it points to.
CREATE TABLE plo_episode (
  patient_key TEXT NOT NULL, unit TEXT NOT NULL, stay TEXT NOT NULL, admitted_at TEXT,
  last_gen_date TEXT, PRIMARY KEY (patient_key, unit, stay)
);

-- Completed transfers whose other side the hub has written (departure or arrival, and the
-- personal fields of the arrival): a restarted hub does not write them twice.
CREATE TABLE transfer_settled (id TEXT PRIMARY KEY, settled_at TEXT NOT NULL);
`;
