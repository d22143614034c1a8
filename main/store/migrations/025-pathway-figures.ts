/**
 * Migration 25: what was recorded of pathway steps, found by unit. On a board it holds one unit;
 * on the hub every unit's, and the leader view's pathway indicator reads them unit by unit.
 */
export default `
CREATE INDEX pathwayStep_unit ON pathwayStep(unit);
`;
