/**
 * Admitting to a virtual bed from the screen (docs/virtual-ward.md): the form's parts as the kiosk
 * holds them (Oslo days and 24-hour wall times) turned into `episode.admit`'s input, or what is
 * missing first. The start's bounds are the command's own rule (episodeStartProblem); the identity
 * number, optional, is checked as the command checks it (shared/domain/national-id.ts, beside the
 * birth date chosen) and sent with the kind it tells.
 */

import { episodeStartProblem, type VisitMaker } from '../../../shared/api/commands/homehospital.js';
import type { CommandInput } from '../../../shared/api/contract.js';
import { nationalIdKind, type NationalIdProblem } from '../../../shared/domain/national-id.js';
import { osloDay } from '../../../shared/time/oslo.js';
import { osloWallIso, type WallTime } from './visit-window.js';

export interface VirtualAdmissionForm {
  bed: string;
  name: string;
  initials: string;
  birthDate: string | null;
  /** The identity number as typed on the digit pad ('' when left empty: admitted without a key). */
  nationalId: string;
  plannedEnd: string | null;
  /** When the episode began, if registered afterwards: an Oslo day (null: today) and a wall time (null: now). */
  startDay: string | null;
  startTime: WallTime | null;
  homeCareUnit: string | null;
  /** The next visit: an Oslo day (null: today), a wall time, and who makes it; none when neither is chosen. */
  visitDay: string | null;
  visitTime: WallTime | null;
  visitBy: VisitMaker | null;
  note: string;
}

/** Why the identity number, the start, the planned end or the next visit cannot be sent as chosen. */
export interface VirtualAdmissionProblems {
  /** `birth-date`: a right number whose date is not the birth date chosen (nationalIdMatchesBirthDate). */
  nationalId: NationalIdProblem | null;
  plannedEnd: 'missing' | 'end-before-start' | null;
  start: 'time-missing' | 'start-out-of-range' | null;
  nextVisit: 'time-missing' | 'maker-missing' | null;
}

/** The start as an instant: none when neither day nor time is chosen (main takes now), null when a day lacks its time. */
function startOf(form: VirtualAdmissionForm, today: string): string | undefined | null {
  if (form.startTime === null) return form.startDay === null ? undefined : null;
  return osloWallIso(form.startDay ?? today, form.startTime);
}

/** The typed number's kind, or why it cannot be sent on `today` beside the birth date chosen; nothing to say when left empty. */
function nationalIdOf(form: VirtualAdmissionForm, today: string): ReturnType<typeof nationalIdKind> | null {
  return form.nationalId === '' ? null : nationalIdKind(form.nationalId, today, form.birthDate ?? undefined);
}

/** What stands in the way of the identity number, the start, the planned end and the next visit at `now`. */
export function virtualAdmissionProblems(form: VirtualAdmissionForm, now: Date): VirtualAdmissionProblems {
  const today = osloDay(now.getTime());
  const start = startOf(form, today);
  const fault = start === null || form.plannedEnd === null ? null : episodeStartProblem(start === undefined ? now.getTime() : Date.parse(start), form.plannedEnd, now.getTime());
  const visitHalf = (form.visitTime === null) !== (form.visitBy === null);
  const id = nationalIdOf(form, today);
  return {
    nationalId: id !== null && 'problem' in id ? id.problem : null,
    plannedEnd: form.plannedEnd === null ? 'missing' : fault === 'end-before-start' ? fault : null,
    start: start === null ? 'time-missing' : fault === 'start-out-of-range' ? fault : null,
    nextVisit: !visitHalf ? null : form.visitTime === null ? 'time-missing' : 'maker-missing',
  };
}

/** `episode.admit`'s input from a form with no problem left (the identity checked by the form); optional parts left out when not chosen. */
export function virtualAdmissionInput(form: VirtualAdmissionForm & { birthDate: string; plannedEnd: string }, now: Date): CommandInput<'episode.admit'> {
  const today = osloDay(now.getTime());
  const startedAt = startOf(form, today);
  const note = form.note.trim();
  const id = nationalIdOf(form, today);
  return {
    bed: form.bed,
    name: form.name.trim(),
    initials: form.initials.trim(),
    birthDate: form.birthDate,
    plannedEnd: form.plannedEnd,
    ...(id !== null && 'kind' in id ? { nationalId: form.nationalId, idType: id.kind } : {}),
    ...(startedAt ? { startedAt } : {}),
    ...(form.homeCareUnit === null ? {} : { homeCareUnit: form.homeCareUnit }),
    ...(form.visitTime !== null && form.visitBy !== null ? { nextVisit: { at: osloWallIso(form.visitDay ?? today, form.visitTime), by: form.visitBy } } : {}),
    ...(note === '' ? {} : { note }),
  };
}
