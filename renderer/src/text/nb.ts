/** Bokmål words and time formats the board shows; an English table can sit beside it later. */

import type { ErrorCode } from '../../../shared/api/result.js';
import type { BedStatus, UnitKind } from '../../../shared/domain/types.js';

/** Bed status as staff say it. */
export const BED_STATUS_TEXT: Record<BedStatus, string> = {
  free: 'Ledig',
  occupied: 'Opptatt',
  blocked: 'Sperret',
  cleaning: 'Vask',
};

/** Unit kind as staff say it. */
export const UNIT_KIND_TEXT: Record<UnitKind, string> = {
  'hospital-ward': 'Sykehusavdeling',
  'nursing-home': 'Sykehjemsavdeling',
  'short-term': 'Korttidsavdeling',
  'home-care': 'Hjemmetjeneste',
  'home-hospital': 'Hjemmesykehus',
  'allocation-office': 'Tildelingskontor',
};

/** Care in Norway runs on Oslo time, whatever the screen's own time zone is set to. */
export const TIME_ZONE = 'Europe/Oslo';
const clockFormat = new Intl.DateTimeFormat('nb-NO', { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE });
const dayFormat = new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'short', timeZone: TIME_ZONE });
const longDayFormat = new Intl.DateTimeFormat('nb-NO', { weekday: 'long', day: 'numeric', month: 'long', timeZone: TIME_ZONE });
const dateKey = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE });

/** "14:05". */
export function clockTime(date: Date): string {
  return clockFormat.format(date);
}

/** "tirsdag 3. mars". */
export function longDay(date: Date): string {
  return longDayFormat.format(date);
}

/** "kl. 14:05" today, "3. mars kl. 14:05" on another day. */
export function whenText(iso: string, now: Date): string {
  const date = new Date(iso);
  const time = `kl. ${clockTime(date)}`;
  return dateKey.format(date) === dateKey.format(now) ? time : `${dayFormat.format(date)} ${time}`;
}

/** Why an edit was not saved, in words for staff; main's own message where it says more. */
export function failureText(code: ErrorCode, message: string): string {
  if (code === 'internal' && message === 'offline') return 'ingen forbindelse';
  if (code === 'storage-failed') return 'kunne ikke skrive til disken';
  return message;
}
