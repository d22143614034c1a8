/**
 * Migration 31: a virtual-ward episode names the pseudonym secret its patient key was made under
 * (its fingerprint), so a hub given another secret than a board's can tell those keys will never
 * match its PLO episodes (docs/deploy.md, "The pseudonym secret"). Episodes keyed before stay NULL: unknown.
 */
export default `
ALTER TABLE episode ADD COLUMN keyedUnder TEXT;
`;
