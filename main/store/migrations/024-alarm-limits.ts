/**
 * Migration 24: a home-care unit's limits for accepting a welfare-technology alarm, per severity
 * (minutes; `unit.configure alarmAcceptMinutes`), read by the boards' banner and the leader view alike.
 */
export default `
ALTER TABLE unit ADD COLUMN alarmAcceptRed INTEGER;
ALTER TABLE unit ADD COLUMN alarmAcceptYellow INTEGER;
ALTER TABLE unit ADD COLUMN alarmAcceptGreen INTEGER;
`;
