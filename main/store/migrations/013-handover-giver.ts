/** Migration 13: the handover's second acknowledgement — who gave the report (the outgoing leader), and when. */
export default `
ALTER TABLE handover ADD COLUMN givenBy TEXT;
ALTER TABLE handover ADD COLUMN givenAt TEXT;
`;
