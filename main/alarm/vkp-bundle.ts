/**
 * Reads one VKP-shaped FHIR R4 Bundle (issue 15, point 3): a DetectedIssue (the alarm: identifier,
 * alert code, severity, patient, identifiedDateTime), a Composition whose events carry the handling
 * states, with Encounter and Device where present. Every resource is checked against the R4 schema
 * first; anything the alarm needs that is missing or contradictory refuses the whole bundle with one
 * reason. The raw code, system and text are kept as received: the display table may not know them.
 */

import { EVENT_CODES, SEVERITIES, type HandlingState, type Severity } from '../../shared/alarm/vkp-codes.js';
import type { FhirCheck } from './fhir-validator.js';

export const TAKEN_BUNDLE_TYPES = ['collection', 'transaction', 'document'] as const;

export interface VkpAlarm {
  /** The DetectedIssue's identifier (system|value): the idempotency key. */
  identifier: string;
  code: string;
  codeSystem: string | null;
  /** The text the sender gave for the code (coding.display, else code.text). */
  codeText: string | null;
  severity: Severity | null;
  /** The patient's identifier (system and value) as the sender names it; null when the bundle names none. */
  patient: { system: string; value: string } | null;
  identifiedAt: string;
  /** The handling states the Composition reports, each with its first moment. */
  events: Partial<Record<HandlingState, string>>;
  device: string | null;
}

export type VkpParse = { ok: true; alarm: VkpAlarm } | { ok: false; reason: string };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/** R4 DetectedIssue.severity, and VKP's severity-level 1/2/3. */
const SEVERITY_OF: Record<string, Severity> = { high: 'red', moderate: 'yellow', low: 'green', '3': 'red', '2': 'yellow', '1': 'green' };

/** Reads one bundle's text; `check` is the R4 schema check (the hub's worker, or in-process). */
export async function parseVkpBundle(text: string, check: FhirCheck): Promise<VkpParse> {
  let bundle: unknown;
  try {
    bundle = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  if (!isObject(bundle) || bundle.resourceType !== 'Bundle') return { ok: false, reason: `resourceType is ${String(isObject(bundle) ? bundle.resourceType : typeof bundle)}, not Bundle` };
  if (!TAKEN_BUNDLE_TYPES.includes(bundle.type as never)) return { ok: false, reason: `Bundle.type ${String(bundle.type)} is not taken (collection, transaction or document)` };
  const entries = Array.isArray(bundle.entry) ? bundle.entry : [];
  const resources: Json[] = [];
  for (const [index, entry] of entries.entries()) {
    if (!isObject(entry) || !isObject(entry.resource)) return { ok: false, reason: `entry ${index} holds no resource` };
    resources.push(entry.resource);
  }
  // One batch: every resource, then the bundle's own shell.
  const problems = await check([...resources, { ...bundle, entry: [] }]);
  const bad = problems.findIndex((p, i) => p !== undefined && i < resources.length);
  if (bad >= 0) return { ok: false, reason: `not valid FHIR R4: entry ${bad} ${problems[bad]}` };
  const shell = problems[resources.length];
  if (shell) return { ok: false, reason: `not valid FHIR R4: ${shell}` };

  const issues = resources.filter((r) => r.resourceType === 'DetectedIssue');
  if (issues.length !== 1) return { ok: false, reason: `the bundle holds ${issues.length} DetectedIssue resources, not one` };
  const issue = issues[0];
  const ids = Array.isArray(issue.identifier) ? (issue.identifier as Json[]) : [];
  const id = ids.find((i) => str(i.value));
  if (!id) return { ok: false, reason: 'the DetectedIssue has no identifier' };
  const identifier = `${str(id.system) ?? ''}|${String(id.value)}`;

  const codeable = isObject(issue.code) ? issue.code : {};
  const coding = (Array.isArray(codeable.coding) ? (codeable.coding as Json[]) : []).find((c) => str(c.code));
  if (!coding) return { ok: false, reason: 'the DetectedIssue has no alert code' };
  const identifiedAt = str(issue.identifiedDateTime);
  if (!identifiedAt || Number.isNaN(Date.parse(identifiedAt))) return { ok: false, reason: 'the DetectedIssue has no identifiedDateTime' };

  const severity = severityOf(issue);
  const patient = patientOf(issue, resources);
  const events = eventsOf(resources);
  if (typeof events === 'string') return { ok: false, reason: events };
  events.reported ??= new Date(Date.parse(identifiedAt)).toISOString();
  const device = deviceOf(issue, resources);

  return {
    ok: true,
    alarm: {
      identifier,
      code: String(coding.code),
      codeSystem: str(coding.system),
      codeText: str(coding.display) ?? str(codeable.text),
      severity,
      patient,
      identifiedAt: new Date(Date.parse(identifiedAt)).toISOString(),
      events,
      device,
    },
  };
}

function severityOf(issue: Json): Severity | null {
  const level = (Array.isArray(issue.extension) ? (issue.extension as Json[]) : []).find((e) => String(e.url ?? '').toLowerCase().includes('severity'));
  const raw = level ? (level.valueCode ?? level.valueInteger ?? level.valueString ?? (isObject(level.valueCoding) ? level.valueCoding.code : undefined)) : issue.severity;
  const mapped = raw === undefined ? undefined : SEVERITY_OF[String(raw)];
  return mapped && SEVERITIES.includes(mapped) ? mapped : null;
}

/** The resource a reference names inside the bundle ("Patient/p1" or a fullUrl-less id). */
function resolve(reference: unknown, resources: readonly Json[], type: string): Json | undefined {
  if (!isObject(reference)) return undefined;
  const ref = str(reference.reference);
  if (!ref) return undefined;
  const id = ref.split('/').at(-1)?.replace(/^urn:uuid:/, '');
  return resources.find((r) => r.resourceType === type && r.id === id);
}

function patientOf(issue: Json, resources: readonly Json[]): VkpAlarm['patient'] {
  const direct = isObject(issue.patient) && isObject(issue.patient.identifier) ? issue.patient.identifier : undefined;
  const found = resolve(issue.patient, resources, 'Patient');
  const candidates = [direct, ...(found && Array.isArray(found.identifier) ? (found.identifier as Json[]) : [])];
  const first = candidates.find((i): i is Json => isObject(i) && str(i.value) !== null);
  return first ? { system: str(first.system) ?? '', value: String(first.value) } : null;
}

function deviceOf(issue: Json, resources: readonly Json[]): string | null {
  const device = resolve(issue.author, resources, 'Device');
  if (!device) return null;
  const ids = Array.isArray(device.identifier) ? (device.identifier as Json[]) : [];
  return str(ids[0]?.value) ?? str(device.id);
}

/** The handling moments the Composition reports; a reason when its events are unusable. */
function eventsOf(resources: readonly Json[]): Partial<Record<HandlingState, string>> | string {
  const compositions = resources.filter((r) => r.resourceType === 'Composition');
  if (compositions.length > 1) return `the bundle holds ${compositions.length} Compositions, not one`;
  const events: Partial<Record<HandlingState, string>> = {};
  const list = compositions[0] && Array.isArray(compositions[0].event) ? (compositions[0].event as Json[]) : [];
  for (const [index, event] of list.entries()) {
    const codes = (Array.isArray(event.code) ? (event.code as Json[]) : []).flatMap((c) => (Array.isArray(c.coding) ? (c.coding as Json[]) : []));
    const code = codes.map((c) => str(c.code)).find((c) => c !== null);
    if (!code) return `Composition event ${index} has no code`;
    const state = Object.prototype.hasOwnProperty.call(EVENT_CODES, code) ? EVENT_CODES[code] : undefined;
    if (!state) return `Composition event ${index} has the unknown handling code ${code}`;
    const start = isObject(event.period) ? str(event.period.start) : null;
    if (!start || Number.isNaN(Date.parse(start))) return `Composition event ${index} (${code}) has no time`;
    const at = new Date(Date.parse(start)).toISOString();
    if (!events[state] || at < events[state]) events[state] = at;
  }
  // The states happen in this order; a later state stamped before an earlier one is a broken log.
  const order: HandlingState[] = ['reported', 'handling', 'callout', 'accepted', 'closed'];
  let last: { state: HandlingState; at: string } | undefined;
  for (const state of order) {
    const at = events[state];
    if (!at) continue;
    if (last && at < last.at) return `Composition events out of order: ${state} at ${at} before ${last.state} at ${last.at}`;
    last = { state, at };
  }
  return events;
}
