/**
 * Migration 32: the identity-number problem of a PLO message kept with the data, so the allocation
 * office's screen can show it (docs/flow.md). Only the problem's kind
 * (shared/domain/national-id.ts: 'check-digits', 'century', …), never the number: on the stay
 * (synced to the office's board; the newest message about the stay sets it, one whose number
 * passes clears it) and on the hub's message log. Messages imported before stay NULL: not known.
 */
export default `
ALTER TABLE stay ADD COLUMN idProblem TEXT;
ALTER TABLE plo_message ADD COLUMN id_problem TEXT;
`;
