/**
 * Migration 7: wrong PINs lock the staff member they were tried for, not the board. The local-only
 * `pin_lockout` table now holds one row per staff member (`staff:<id>`) and the board's guard that
 * only slows a stream of wrong PINs (`guard`); the old board-wide lockout row goes, and with it any
 * lockout it held (staff/pin-lockout.ts).
 */
export default `
DELETE FROM pin_lockout WHERE key = 'board';
`;
