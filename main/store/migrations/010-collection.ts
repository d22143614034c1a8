/**
 * Migration 10: what collection after the horizon needs. Expired tombstones are found through a
 * small partial index (only `deleted = true` rows), and sent change-log rows by stamp.
 */
export default `
CREATE INDEX field_state_tombstone ON field_state(hlc) WHERE field = 'deleted' AND value = 'true';
CREATE INDEX change_log_sent_hlc ON change_log(hlc) WHERE sent = 1;
`;
