/**
 * Reads one PLO Pasientlogistikk v1.6 message in its KITH MsgHead envelope into plain data, or
 * says why it cannot be read: bad XML, wrong namespace, missing fields, unknown type. Which use a
 * message has is read from MsgInfo/Type and must match the body's element; what each event is comes
 * from code 9121 value 1 ("Pasient innlagt", the only value the schema at hand names), then from its
 * display text, then from its place in the message (docs/flow.md lists these assumptions).
 */

import { instantOfPloTime } from './plo-time.js';
import { childNamed, childrenNamed, parseXml, pathOf, type XmlElement } from './plo-xml.js';

export const MSGHEAD_NS = 'http://www.kith.no/xmlstds/msghead/2006-05-24';
export const PLO_NS = 'http://www.kith.no/xmlstds/po/Pasientlogistikk/2012-04-01';
export const PO_NS = 'http://www.kith.no/xmlstds/po/poKomponent/2012-04-01';

/** The five message uses: MsgInfo/Type V and the body element that must go with it. */
export const PLO_TYPES = {
  LOG_INNLAGT: 'MeldingInnlagtPasient',
  LOG_UTSKRIVNINGSKLAR: 'MeldingUtskrivningsklarPasient',
  LOG_AVMELDING: 'AvmeldingUtskrivningsklarPasient',
  LOG_UTSKREVET: 'MeldingOmUtskrevetPasient',
  LOG_DOD: 'OrienteringOmDod',
} as const;
export type PloType = keyof typeof PLO_TYPES;

/** Identity-number kinds accepted for a patient (all 11 digits). */
const ID_TYPES = ['FNR', 'DNR', 'HNR'];

export interface PloEvent {
  code: string;
  text: string | null;
  at: string;
}

export interface PloMessage {
  msgId: string;
  type: PloType;
  /** When the sender made the message (ISO): orders messages about one patient. */
  genDate: string;
  /** The sending hospital, and its department when named ("Sykehuset X – Medisinsk avdeling"). */
  hospital: string;
  patient: { id: string; idType: string; familyName: string; givenName: string; birthDate: string | null };
  events: PloEvent[];
  admittedAt: string | null;
  dischargeReadyAt: string | null;
  withdrawnAt: string | null;
  /** Discharged from hospital, or the time of death. */
  leftAt: string | null;
}

export type PloParse = { ok: true; message: PloMessage } | { ok: false; reason: string };

class Unreadable extends Error {}

const need = <T>(value: T | undefined | null | '', what: string): T => {
  if (value === undefined || value === null || value === '') throw new Unreadable(`missing field: ${what}`);
  return value;
};

/** Parses a message; never throws. */
export function parsePloMessage(xml: string): PloParse {
  const parsed = parseXml(xml);
  if (!parsed.ok) return parsed;
  try {
    return { ok: true, message: readMessage(parsed.root) };
  } catch (error) {
    if (error instanceof Unreadable) return { ok: false, reason: error.message };
    throw error;
  }
}

function readMessage(root: XmlElement): PloMessage {
  if (root.name !== 'MsgHead') throw new Unreadable(`not a MsgHead message: the root element is ${root.name}`);
  if (root.ns !== MSGHEAD_NS) throw new Unreadable(`wrong namespace: MsgHead is in ${root.ns ?? 'no namespace'}, expected ${MSGHEAD_NS}`);
  const info = need(childNamed(root, MSGHEAD_NS, 'MsgInfo'), 'MsgHead/MsgInfo');
  const typeName = need(childNamed(info, MSGHEAD_NS, 'Type')?.attrs.V, 'MsgInfo/Type@V');
  if (!Object.hasOwn(PLO_TYPES, typeName)) throw new Unreadable(`unknown type: ${typeName} is not a Pasientlogistikk message`);
  const type = typeName as PloType;
  const msgId = need(childNamed(info, MSGHEAD_NS, 'MsgId')?.text, 'MsgInfo/MsgId');
  if (!/^[A-Za-z0-9._:{}-]{1,100}$/.test(msgId)) throw new Unreadable(`unreadable MsgId: ${msgId.slice(0, 40)}`);
  const genDate = time(need(childNamed(info, MSGHEAD_NS, 'GenDate')?.text, 'MsgInfo/GenDate'), 'MsgInfo/GenDate');

  const sender = need(pathOf(info, MSGHEAD_NS, 'Sender', 'Organisation'), 'MsgInfo/Sender/Organisation');
  const hospitalName = need(childNamed(sender, MSGHEAD_NS, 'OrganisationName')?.text, 'Sender/Organisation/OrganisationName');
  const department = pathOf(sender, MSGHEAD_NS, 'Organisation', 'OrganisationName')?.text;
  const hospital = department ? `${hospitalName} – ${department}` : hospitalName;

  const body = bodyOf(root);
  const use = body.children.filter((c) => c.ns === PLO_NS && Object.values(PLO_TYPES).includes(c.name as never));
  if (use.length !== 1) throw new Unreadable(`missing field: Pasientlogistikk holds ${use.length} message uses, expected 1`);
  if (use[0].name !== PLO_TYPES[type]) throw new Unreadable(`unknown type: MsgInfo says ${type} but the body is ${use[0].name}`);
  const events = childrenNamed(use[0], PO_NS, 'TidsfestetHendelse').map(readEvent);
  if (events.length === 0) throw new Unreadable(`missing field: ${use[0].name}/po:TidsfestetHendelse`);

  return { msgId, type, genDate, hospital, patient: readPatient(info), events, ...classify(type, events) };
}

function bodyOf(root: XmlElement): XmlElement {
  const content = need(pathOf(root, MSGHEAD_NS, 'Document', 'RefDoc', 'Content'), 'Document/RefDoc/Content');
  const body = content.children.find((c) => c.name === 'Pasientlogistikk');
  if (!body) throw new Unreadable('missing field: Content/Pasientlogistikk');
  if (body.ns !== PLO_NS) throw new Unreadable(`wrong namespace: Pasientlogistikk is in ${body.ns ?? 'no namespace'}, expected ${PLO_NS}`);
  return body;
}

function readPatient(info: XmlElement): PloMessage['patient'] {
  const patient = need(childNamed(info, MSGHEAD_NS, 'Patient'), 'MsgInfo/Patient');
  const idents = childrenNamed(patient, MSGHEAD_NS, 'Ident').map((ident) => ({
    id: childNamed(ident, MSGHEAD_NS, 'Id')?.text ?? '',
    type: childNamed(ident, MSGHEAD_NS, 'TypeId')?.attrs.V ?? '',
  }));
  const ident = need(idents.find((i) => ID_TYPES.includes(i.type)), 'Patient/Ident with TypeId FNR, DNR or HNR');
  if (!/^\d{11}$/.test(ident.id)) throw new Unreadable('unreadable field: Patient/Ident/Id is not 11 digits');
  const birth = childNamed(patient, MSGHEAD_NS, 'DateOfBirth')?.text;
  if (birth && !/^\d{4}-\d{2}-\d{2}$/.test(birth)) throw new Unreadable('unreadable field: Patient/DateOfBirth');
  return {
    id: ident.id,
    idType: ident.type,
    familyName: need(childNamed(patient, MSGHEAD_NS, 'FamilyName')?.text, 'Patient/FamilyName'),
    givenName: need(childNamed(patient, MSGHEAD_NS, 'GivenName')?.text, 'Patient/GivenName'),
    birthDate: birth ?? null,
  };
}

function readEvent(event: XmlElement): PloEvent {
  const code = need(childNamed(event, PO_NS, 'Hendelsekode'), 'po:TidsfestetHendelse/po:Hendelsekode');
  const system = code.attrs.S;
  if (system && !system.includes('9121')) throw new Unreadable(`unknown type: event code system ${system}, expected 9121`);
  const at = need(childNamed(event, PO_NS, 'TidspunktForHendelse')?.attrs.V, 'po:TidsfestetHendelse/po:TidspunktForHendelse@V');
  return { code: need(code.attrs.V, 'po:Hendelsekode@V'), text: code.attrs.DN ?? null, at: time(at, 'po:TidspunktForHendelse') };
}

function time(value: string, what: string): string {
  const at = instantOfPloTime(value);
  if (!at) throw new Unreadable(`unreadable field: ${what} "${value.slice(0, 40)}" is not a date-time`);
  return at;
}

/** Code 9121 value 1: the patient was admitted. */
const ADMITTED = '1';

/** Which event is which, for each use (docs/flow.md: PLO mapping). */
function classify(type: PloType, events: PloEvent[]): Pick<PloMessage, 'admittedAt' | 'dischargeReadyAt' | 'withdrawnAt' | 'leftAt'> {
  const admission = events.find((e) => e.code === ADMITTED);
  const others = events.filter((e) => e !== admission).sort((a, b) => a.at.localeCompare(b.at));
  const byText = (pattern: RegExp) => others.find((e) => e.text !== null && pattern.test(e.text));
  const none = { admittedAt: admission?.at ?? null, dischargeReadyAt: null, withdrawnAt: null, leftAt: null };
  switch (type) {
    case 'LOG_INNLAGT':
      // The one event is the admission, whatever its code says.
      return { ...none, admittedAt: (admission ?? events[0]).at };
    case 'LOG_UTSKRIVNINGSKLAR': {
      const ready = need(byText(/utskrivningsklar/i) ?? others.at(-1), 'the discharge-ready event (a po:TidsfestetHendelse other than code 1)');
      return { ...none, dischargeReadyAt: ready.at };
    }
    case 'LOG_AVMELDING': {
      const withdrawal = need(byText(/avmeld|ikke utskrivningsklar/i) ?? others.at(-1), 'the withdrawal event (a po:TidsfestetHendelse other than code 1)');
      const ready = byText(/^(?!.*(avmeld|ikke)).*utskrivningsklar/i) ?? others.find((e) => e !== withdrawal);
      return { ...none, dischargeReadyAt: ready?.at ?? null, withdrawnAt: withdrawal.at };
    }
    case 'LOG_UTSKREVET':
    case 'LOG_DOD':
      return { ...none, leftAt: (others.at(-1) ?? events.at(-1) ?? events[0]).at };
  }
}
