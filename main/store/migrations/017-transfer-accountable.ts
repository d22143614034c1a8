/**
 * Migration 17: accountable transfers (issue 13, point 6) — who took each step (the unlocked staff
 * member's name, so the other unit knows whom to phone), and the sender's short summary for the
 * receiving unit (personal: shown only on an unlocked screen).
 */
export default `
ALTER TABLE transfer ADD COLUMN requestedBy TEXT;
ALTER TABLE transfer ADD COLUMN acceptedBy TEXT;
ALTER TABLE transfer ADD COLUMN declinedBy TEXT;
ALTER TABLE transfer ADD COLUMN cancelledBy TEXT;
ALTER TABLE transfer ADD COLUMN completedByStaff TEXT;
ALTER TABLE transfer ADD COLUMN summary TEXT;
`;
