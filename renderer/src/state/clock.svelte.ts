/** The board's sense of now, for the header clock and overdue tasks. */
export class Clock {
  /** The current time, updated every `tickMs`. */
  now = $state(new Date());
  readonly #tickMs: number;

  constructor(tickMs = 15_000) {
    this.#tickMs = tickMs;
  }

  /** Starts ticking; returns the stop. */
  start(): () => void {
    const timer = setInterval(() => (this.now = new Date()), this.#tickMs);
    return () => clearInterval(timer);
  }
}
