/** Commands of the leader view on the hub (issue: decision support): indicators, forecast, benefits. */

export const LEADER_COMMANDS = {} as const;
