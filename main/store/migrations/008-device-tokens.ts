/**
 * Migration 8: the hub's device tokens for read-only leader wall screens. Only a SHA-256 of each
 * token is kept (the token itself is shown once, when issued); a revoked token keeps its row, so
 * the list tells who had access until when. Hub-only: no synced collection reads this table.
 */
export default `
CREATE TABLE device_token (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  units TEXT,
  issued_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE UNIQUE INDEX device_token_active_name ON device_token(name) WHERE revoked_at IS NULL;
`;
