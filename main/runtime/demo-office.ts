/**
 * The allocation office's first patients in the demo: the PLO messages a hospital would have sent
 * about a few synthetic people (admitted, then discharge-ready days ago), applied to the hub's store
 * the way `tavla import-plo` and the hub's inbox apply them, so the office board opens with waiting
 * days and their cost. Fixed message ids: a demo started again on its folder imports nothing twice.
 */

import type { PloMessage, PloType } from '../flow/plo-parse.js';
import { applyPloMessage, type PloTarget } from '../flow/plo-apply.js';
import { addDays, osloDay, osloWallInstant } from '../../shared/time/oslo.js';
import { seededRandom, syntheticPerson } from '../demo/synthetic-people.js';
import { syntheticNationalId } from '../../shared/domain/synthetic-national-id.js';

const DAY_MS = 86_400_000;
const HOSPITAL = 'Fjordvik sykehus HF';

/**
 * Each patient's hospital stay, in days before the demo's first start; `ready` absent: still being
 * treated. `birthDateOff`: the hospital's messages give a DateOfBirth a day after the one the identity
 * number tells, so the office screen shows its warning (docs/flow.md, "identity number").
 */
const EPISODES: readonly { admitted: number; ready?: number; birthDateOff?: true }[] = [
  { admitted: 12, ready: 6 },
  { admitted: 9, ready: 3 },
  { admitted: 5, ready: 1 },
  { admitted: 3 },
  { admitted: 1, birthDateOff: true },
];

/** The messages for the demo's office; identity numbers in the test registers' form (month + 80: no real person has one), each its own. */
export function officeMessages(today: Date): PloMessage[] {
  const random = seededRandom(2026);
  // Hospitals write Oslo wall time: admitted in the afternoon, found discharge-ready on the morning round.
  const at = (daysBefore: number, hour: number) => new Date(osloWallInstant(osloDay(today.getTime() - daysBefore * DAY_MS), hour)).toISOString();
  return EPISODES.flatMap((episode, index) => {
    const person = syntheticPerson(random);
    const [givenName, ...family] = person.name.split(' ');
    const admittedAt = at(episode.admitted, 14);
    const dischargeReadyAt = episode.ready === undefined ? null : at(episode.ready, 9);
    const message = (type: PloType, genDate: string): PloMessage => ({
      msgId: `demo-plo-${index + 1}-${type}`,
      type,
      genDate,
      hospital: HOSPITAL,
      patient: { id: syntheticNationalId('FNR', person.birthDate, index), idType: 'FNR', givenName, familyName: family.join(' '), birthDate: episode.birthDateOff ? addDays(person.birthDate, 1) : person.birthDate },
      events: [],
      admittedAt,
      dischargeReadyAt: type === 'LOG_UTSKRIVNINGSKLAR' ? dischargeReadyAt : null,
      withdrawnAt: null,
      leftAt: null,
    });
    const sent = [message('LOG_INNLAGT', admittedAt)];
    if (dischargeReadyAt) sent.push(message('LOG_UTSKRIVNINGSKLAR', dischargeReadyAt));
    return sent;
  });
}

/** Applies the office's messages in one transaction (one fsync); returns how many were new. */
export function seedOffice(target: PloTarget, today: Date): number {
  return target.store.db.transaction(
    () => officeMessages(today).filter((message) => applyPloMessage(target, message, null).outcome === 'imported').length,
  )();
}
