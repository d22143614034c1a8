/** Commands of patient flow (issue: patient flow): transfers on the boards, PLO on the hub. */

/** Answered by a board. */
export const FLOW_BOARD_COMMANDS = {} as const;

/** Answered by the hub. */
export const FLOW_HUB_COMMANDS = {} as const;
