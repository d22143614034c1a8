/**
 * Migration 11: the bed loop. A cleaning task names the bed it frees (`task.bed`), and a unit says
 * how long after a discharge that task falls due (`unit.cleaningMinutes`, 60 when empty).
 */
export default `
ALTER TABLE task ADD COLUMN bed TEXT;
ALTER TABLE unit ADD COLUMN cleaningMinutes INTEGER;
`;
