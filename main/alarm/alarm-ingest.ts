/**
 * Applies one read VKP alarm to the hub's store (issue 15, point 3), in one transaction: the
 * alarm record in the home-care unit's scope, an accept record when the bundle says home care
 * already accepted (ok utrykning), the audit line and the imported-identifier row commit together
 * or not at all. A second bundle with the same DetectedIssue identifier changes nothing.
 *
 * The patient is matched through the mapping the hub keeps (`vkp-mapping.ts`: keyed by an HMAC of
 * the sender's identifier under the hub's secret): matched alarms go to that stay's unit while the
 * stay lasts; unmatched ones to the configured home-care unit, with no stay — "ukjent bruker".
 */

import { createHash } from 'node:crypto';
import { ALERT_CODES, kindOf, type Severity } from '../../shared/alarm/vkp-codes.js';
import type { FieldStore, RecordEdit } from '../store/field-store.js';
import { newId } from '../replica/command-context.js';
import type { FhirCheck } from './fhir-validator.js';
import type { VkpAlarm } from './vkp-bundle.js';
import { mappedStay } from './vkp-mapping.js';

export interface AlarmTarget {
  store: FieldStore;
  /** The home-care unit unmatched alarms go to. */
  unit: string;
  /** The hub's mapping secret (`vkpSecret`). */
  secret: Buffer;
  /** The R4 schema check (the hub's worker thread; in-process in tests). */
  fhir: FhirCheck;
  now: () => Date;
}

export interface AlarmApplied {
  outcome: 'imported' | 'duplicate';
  alarmId: string;
  unit: string;
  matched: boolean;
}

const identifierKey = (identifier: string) => createHash('sha256').update(`vkp-alarm:${identifier}`).digest('hex');

export function applyVkpAlarm(target: AlarmTarget, alarm: VkpAlarm, source: string | null): AlarmApplied {
  const { store } = target;
  const db = store.db;
  return db.transaction((): AlarmApplied => {
    const held = db.prepare('SELECT alarm, unit FROM vkp_alarm WHERE identifier_key = ?').get(identifierKey(alarm.identifier)) as { alarm: string; unit: string } | undefined;
    if (held) return { outcome: 'duplicate', alarmId: held.alarm, unit: held.unit, matched: false };
    const stay = alarm.patient ? mappedStay(db, target.secret, alarm.patient) : undefined;
    const unit = stay ? stay.unit : target.unit;
    // The route the patient's visits go on (home care's day): the visit nearest the alarm's time.
    const at = alarm.events.reported ?? alarm.identifiedAt;
    const route = stay
      ? ((db
          .prepare('SELECT route FROM visit WHERE stay = ? AND deleted = 0 AND route IS NOT NULL ORDER BY abs(julianday(windowStart) - julianday(?)) LIMIT 1')
          .get(stay.stay, at) as { route: string } | undefined)?.route ?? null)
      : null;
    const id = newId();
    const known = Object.prototype.hasOwnProperty.call(ALERT_CODES, alarm.code) ? ALERT_CODES[alarm.code] : undefined;
    const severity: Severity = alarm.severity ?? known?.severity ?? 'yellow';
    const { events } = alarm;
    const edits: RecordEdit[] = [
      {
        c: 'alarm',
        id,
        scope: unit,
        fields: {
          unit,
          stay: stay?.stay ?? null,
          initials: stay?.initials ?? null,
          route,
          code: alarm.code,
          codeSystem: alarm.codeSystem,
          codeText: alarm.codeText,
          severity,
          kind: kindOf(alarm.code),
          reportedAt: events.reported ?? alarm.identifiedAt,
          handlingAt: events.handling ?? null,
          calloutAt: events.callout ?? null,
          escalatedAt: null,
          escalatedBy: null,
          escalationReason: null,
          closedAt: events.closed ?? null,
          closedBy: events.closed ? 'VKP' : null,
          summary: null,
          deleted: false,
        },
      },
    ];
    if (events.accepted) {
      edits.push({ c: 'alarmAccept', id: newId(), scope: unit, fields: { unit, alarm: id, by: 'VKP', at: events.accepted, board: 'vkp', deleted: false } });
    }
    store.commit({ actor: 'vkp-import', action: 'alarm.import', collection: 'alarm', record: id, detail: `${alarm.code} ${alarm.identifier}` }, edits);
    db.prepare('INSERT INTO vkp_alarm (identifier_key, alarm, unit, source, imported_at) VALUES (?, ?, ?, ?, ?)').run(
      identifierKey(alarm.identifier),
      id,
      unit,
      source,
      target.now().toISOString(),
    );
    return { outcome: 'imported', alarmId: id, unit, matched: stay !== undefined };
  })();
}

/** The home-care unit unmatched alarms go to: the one named, else the only home-care unit the hub knows. */
export function homeCareUnit(db: FieldStore['db'], named?: string): string {
  if (named !== undefined) return named;
  const rows = db.prepare("SELECT id FROM unit WHERE kind = 'home-care' AND deleted = 0 ORDER BY id").all() as { id: string }[];
  if (rows.length === 1) return rows[0].id;
  if (rows.length === 0) throw new Error('the hub knows no home-care unit yet: configure its board first, or name it with --vkp-unit');
  throw new Error(`the hub knows several home-care units (${rows.map((r) => r.id).join(', ')}): name one with --vkp-unit`);
}
