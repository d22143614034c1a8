/** The board's sense of now, for the header clock and overdue tasks. */
export class Clock {
  /** The current time, updated every `tickMs`. */
  // A fresh Date per tick, never mutated in place, so a plain $state is enough (no SvelteDate).
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole, never mutated
  now = $state(new Date());
  readonly #tickMs: number;

  constructor(tickMs = 15_000) {
    this.#tickMs = tickMs;
  }

  /** Starts ticking; returns the stop. */
  start(): () => void {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole, never mutated
    const timer = setInterval(() => (this.now = new Date()), this.#tickMs);
    return () => clearInterval(timer);
  }
}
