/**
 * The unit's pathways on a board (docs/pathways.md): read while the pathways tab or a patient card
 * shows them — so a task tap on the overview still costs the board one read — and the three edits.
 * A step's colour follows the board's clock between reads (`stepStateAt`): the deadline is in the
 * data, so a chip turns amber or red at its boundary without a read.
 */

import type { ApiClient } from '../../../shared/api/client.js';
import type { PathwayStepView, PathwayView, StepState } from '../../../shared/api/commands/pathway.js';
import type { PathwayTemplate } from '../../../shared/pathway/pathway-templates.js';
import { followChanges } from './follow-changes.js';
import { liveMutation, liveQuery } from './live.svelte.js';
import type { Query } from './query.js';
import { READS } from './reads.js';
import type { SessionState } from './session-state.svelte.js';

const RELOAD_AFTER_MS = 250;
const DUE_SOON_MS = 24 * 3_600_000;

/** A step's state at `now`: done and not applicable as main said; the rest by its deadline. */
export function stepStateAt(step: Pick<PathwayStepView, 'state' | 'due'>, now: number): StepState {
  if (step.state === 'done' || step.state === 'not-applicable') return step.state;
  const due = Date.parse(step.due);
  if (now > due) return 'overdue';
  return due - now <= DUE_SOON_MS ? 'due-soon' : 'planned';
}

/** The open steps due by the end of `dayEnd` (overdue ones included), earliest deadline first, with their pathway. */
export function dueBy(pathways: readonly PathwayView[], dayEnd: number): { pathway: PathwayView; step: PathwayStepView }[] {
  return pathways
    .flatMap((pathway) => pathway.steps.map((step) => ({ pathway, step })))
    .filter(({ step }) => step.state !== 'done' && step.state !== 'not-applicable' && Date.parse(step.due) < dayEnd)
    .sort((a, b) => a.step.due.localeCompare(b.step.due));
}

export class PathwayState {
  readonly loader: Query<PathwayView[]>;
  readonly templates: Query<PathwayTemplate[]>;
  readonly saves = liveMutation();
  readonly #api: ApiClient;
  readonly #session: SessionState;

  constructor(api: ApiClient, session: SessionState) {
    this.#api = api;
    this.#session = session;
    this.loader = liveQuery({
      read: () => {
        const ref = this.#session.ref();
        return api.call('pathway.list', ref ? { session: ref } : {});
      },
    });
    this.templates = liveQuery({ read: () => api.call('pathway.templates', {}) });
  }

  /** Reads now and after every change to what pathways draw on, while shown; returns the stop. */
  start(): () => void {
    const stopList = followChanges(this.#api, () => void this.loader.load(), { reads: READS['pathway.list'], delayMs: RELOAD_AFTER_MS });
    const stopTemplates = followChanges(this.#api, () => void this.templates.load(), { reads: READS['pathway.templates'], delayMs: RELOAD_AFTER_MS });
    return () => {
      stopList();
      stopTemplates();
    };
  }

  of(stayId: string): PathwayView[] {
    return (this.loader.value ?? []).filter((pathway) => pathway.stayId === stayId);
  }

  async complete(pathwayId: string, stepId: string): Promise<boolean> {
    const session = this.#session.ref();
    if (!session) return false;
    return (await this.saves.run(`step:${pathwayId}:${stepId}`, () => this.#api.call('pathway.completeStep', { session, pathwayId, stepId })))?.ok === true;
  }

  async skip(pathwayId: string, stepId: string, reason: string): Promise<boolean> {
    const session = this.#session.ref();
    if (!session) return false;
    return (await this.saves.run(`step:${pathwayId}:${stepId}`, () => this.#api.call('pathway.skipStep', { session, pathwayId, stepId, reason })))?.ok === true;
  }

  async begin(stayId: string, template: string): Promise<boolean> {
    const session = this.#session.ref();
    if (!session) return false;
    return (await this.saves.run(`start:${stayId}`, () => this.#api.call('pathway.start', { session, stayId, template })))?.ok === true;
  }
}
