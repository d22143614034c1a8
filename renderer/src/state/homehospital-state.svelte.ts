/**
 * The virtual ward's board (issue 17): `episode.board` kept on screen and read again after a
 * change to what it draws on; admitting to a free virtual bed, recording a round, escalating and
 * ending an episode with the save status per bed or episode; and, on a home-care board, the
 * shared patients (`episode.shared`). The round's colour is worked out on the page from the
 * board's amber and red instants and the screen's clock, so it turns at the boundary without a read.
 */

import type { ApiClient } from '../../../shared/api/client.js';
import type { CommandInput } from '../../../shared/api/contract.js';
import { roundColourAt, type EpisodeOutcome, type RoundColour, type RoundMode, type SharedEpisode, type VirtualBedEpisode, type VirtualWardBoard } from '../../../shared/api/commands/homehospital.js';
import { followChanges } from './follow-changes.js';
import { liveMutation, liveQuery } from './live.svelte.js';
import type { Query } from './query.js';
import { READS } from './reads.js';
import type { SessionState } from './session-state.svelte.js';

const RELOAD_AFTER_MS = 250;
/** A new day (day n, today's round) comes with the clock: read again this often. */
const CLOCK_READ_MS = 5 * 60_000;

export class HomehospitalState {
  readonly loader: Query<VirtualWardBoard>;
  readonly shared: Query<SharedEpisode[]>;
  readonly saves = liveMutation({ exclusive: true, savedForMs: 10_000, keepSaved: 20 });
  readonly #session: SessionState;
  readonly #api: ApiClient;

  constructor(api: ApiClient, session: SessionState) {
    this.#api = api;
    this.#session = session;
    this.loader = liveQuery({ read: () => api.call('episode.board', {}) });
    this.shared = liveQuery({ read: () => api.call('episode.shared', {}) });
  }

  /** Reads the virtual ward now, after every change to it, and every few minutes; returns the stop. */
  start(): () => void {
    const stop = followChanges(this.#api, () => void this.loader.load(), { reads: READS['episode.board'], delayMs: RELOAD_AFTER_MS });
    const timer = setInterval(() => void this.loader.load(), CLOCK_READ_MS);
    return () => {
      stop();
      clearInterval(timer);
    };
  }

  /** Reads a home-care unit's shared patients now and after each change to them; returns the stop. */
  startShared(): () => void {
    void this.shared.load();
    return followChanges(this.#api, () => void this.shared.load(), { reads: READS['episode.shared'], delayMs: RELOAD_AFTER_MS });
  }

  get board(): VirtualWardBoard | null {
    return this.loader.value;
  }

  /** Today's round colour of an episode at `now` (the screen's clock). */
  colourAt(episode: VirtualBedEpisode, now: Date): RoundColour {
    const board = this.loader.value;
    if (!board) return episode.colour;
    const due = episode.day > 1;
    return roundColourAt(episode.round, due, now.getTime(), Date.parse(board.amberAt), Date.parse(board.redAt));
  }

  /** Admits a patient to a free virtual bed (the PIN first on a locked screen); saved under `admit:<bed>`. */
  async admit(input: CommandInput<'episode.admit'>): Promise<boolean> {
    return this.#save(`admit:${input.bed}`, () => this.#session.send('episode.admit', input));
  }

  async recordRound(id: string, mode: RoundMode): Promise<boolean> {
    return this.#save(`episode:${id}`, () => this.#session.send('episode.recordRound', { id, mode }));
  }

  async escalate(id: string, to: string): Promise<boolean> {
    return this.#save(`episode:${id}`, () => this.#session.send('episode.escalate', { id, to }));
  }

  async end(id: string, outcome: EpisodeOutcome): Promise<boolean> {
    return this.#save(`episode:${id}`, () => this.#session.send('episode.end', { id, outcome }));
  }

  async #save(key: string, send: () => ReturnType<SessionState['send']>): Promise<boolean> {
    const result = await this.saves.run(key, send);
    if (result?.ok) await this.loader.load();
    return result?.ok === true;
  }
}
