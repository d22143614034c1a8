/**
 * The closing summary of an alarm as a FHIR R4 Composition (issue 15, point 4): Tavla is not the
 * record, it hands the record system what home care did. Events carry the VKP handling codes with
 * their moments; sections carry the summary (3 response_summary) and any escalation (6
 * emergency_action). No name: the patient is referred to by the identifier the alarm came with.
 */

import { EVENT_CODE_OF, HANDLING_STATES } from '../../shared/alarm/vkp-codes.js';
import type { HandlingTimes } from '../../shared/alarm/handling.js';
import { fhirProblem } from './fhir-validator.js';

export const VKP_EVENT_SYSTEM = 'http://ehelse.no/fhir/CodeSystem/vkp-composition-event';
export const VKP_SECTION_SYSTEM = 'http://ehelse.no/fhir/CodeSystem/vkp-composition-section';

export interface ClosedAlarm {
  id: string;
  /** The DetectedIssue identifier it came with (system|value). */
  identifier: string;
  code: string;
  codeText: string | null;
  times: HandlingTimes;
  acceptedBy: string | null;
  closedBy: string | null;
  summary: string;
  escalationReason: string | null;
}

const TIME_OF: Record<(typeof HANDLING_STATES)[number], keyof HandlingTimes> = {
  reported: 'reportedAt',
  handling: 'handlingAt',
  callout: 'calloutAt',
  accepted: 'acceptedAt',
  closed: 'closedAt',
};

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const narrative = (text: string) => ({ status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${escapeXml(text)}</div>` });

export function closingComposition(alarm: ClosedAlarm, now: Date): Record<string, unknown> {
  const [system, value] = alarm.identifier.includes('|') ? alarm.identifier.split('|', 2) : ['', alarm.identifier];
  const sections: Record<string, unknown>[] = [
    { title: 'Oppsummering', code: { coding: [{ system: VKP_SECTION_SYSTEM, code: '3' }] }, text: narrative(alarm.summary) },
  ];
  if (alarm.escalationReason) {
    sections.push({ title: 'Eskalert', code: { coding: [{ system: VKP_SECTION_SYSTEM, code: '6' }] }, text: narrative(alarm.escalationReason) });
  }
  return {
    resourceType: 'Composition',
    id: alarm.id,
    identifier: { system: system || undefined, value },
    status: 'final',
    type: { text: 'Oppfølging av varsel' },
    date: now.toISOString(),
    author: [{ display: alarm.closedBy ?? 'Tavla' }],
    title: `Varsel ${alarm.code}${alarm.codeText ? ` ${alarm.codeText}` : ''}`,
    event: HANDLING_STATES.filter((state) => alarm.times[TIME_OF[state]]).map((state) => ({
      code: [{ coding: [{ system: VKP_EVENT_SYSTEM, code: EVENT_CODE_OF[state] }] }],
      period: { start: alarm.times[TIME_OF[state]] },
      ...(state === 'accepted' && alarm.acceptedBy ? { detail: [{ display: alarm.acceptedBy }] } : {}),
    })),
    section: sections,
  };
}

/** The Composition, checked against the R4 schema; throws (a bug, not input) when it is not valid. */
export function exportClosingSummary(alarm: ClosedAlarm, now: Date): Record<string, unknown> {
  const composition = closingComposition(alarm, now);
  const problem = fhirProblem(JSON.parse(JSON.stringify(composition)));
  if (problem) throw new Error(`the closing Composition is not valid FHIR R4: ${problem}`);
  return composition;
}
