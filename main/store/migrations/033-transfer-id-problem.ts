/**
 * Migration 33: the identity-number problem of the hospital's message carried on a transfer
 * (docs/flow.md), so the receiving unit checks who arrives. Its kind only (shared/domain/national-id.ts),
 * never the number; the sending side copies it from its stay (migration 32) when it requests the
 * transfer. Transfers requested before stay NULL: not known.
 */
export default `
ALTER TABLE transfer ADD COLUMN idProblem TEXT;
`;
