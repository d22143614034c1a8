/**
 * Times in PLO messages are xs:dateTime, often without an offset: Norwegian hospitals then mean
 * Oslo wall time. This turns such a value into an instant (ISO, UTC), honouring an offset when
 * one is given.
 */

import { osloWallInstant } from '../../shared/time/oslo.js';

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:\d{2})?$/;

/** The instant of an xs:date or xs:dateTime; Oslo time when it carries no offset. Undefined when unreadable. */
export function instantOfPloTime(value: string): string | undefined {
  const match = DATE_TIME.exec(value.trim());
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone] = match;
  const ms = fraction ? Math.round(Number(fraction) * 1000) : 0;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  const check = new Date(wall);
  // Date.UTC rolls impossible values over (2026-02-30, 25:00): refuse them instead.
  if (Number.isNaN(wall) || check.getUTCDate() !== Number(d) || check.getUTCMonth() !== Number(mo) - 1 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    return undefined;
  }
  let at: number;
  if (zone === 'Z') at = wall;
  else if (zone) {
    const sign = zone.startsWith('-') ? -1 : 1;
    at = wall - sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
  } else {
    at = osloWallInstant(`${y}-${mo}-${d}`, Number(h), Number(mi), Number(s), ms);
  }
  return new Date(at).toISOString();
}
