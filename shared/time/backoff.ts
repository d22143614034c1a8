/** The one retry backoff: jittered exponential with a cap, for reconnects and retries in main and the renderer. */

export interface BackoffSchedule {
  /** The ceiling of the first wait; it doubles per failed attempt… */
  baseMs: number;
  /** …up to this. */
  capMs: number;
}

/**
 * How long to wait before retry number `attempt` (0 for the first): a random point in the upper
 * half of min(cap, base · 2^attempt), whole milliseconds. The jitter keeps a ward's screens, or a
 * municipality's boards, from all knocking at once after the same outage; the lower half cut off
 * keeps the doubling felt.
 */
export function backoffDelay(attempt: number, { baseMs, capMs }: BackoffSchedule, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
