/** Commands of the ward board UI (issue: the ward board): handover, staffing, PIN, audit. */

export const WARD_COMMANDS = {} as const;
