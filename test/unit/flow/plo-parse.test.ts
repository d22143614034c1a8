import { describe, expect, it } from 'vitest';
import { parsePloMessage, type PloMessage } from '../../../main/flow/plo-parse.js';
import { NS, PATIENTS, ploMessage, type PloSpec } from '../../support/plo-messages.js';

const parse = (spec: PloSpec): PloMessage => {
  const result = parsePloMessage(ploMessage(spec));
  if (!result.ok) throw new Error(result.reason);
  return result.message;
};
const reason = (xml: string): string => {
  const result = parsePloMessage(xml);
  if (result.ok) throw new Error('expected the message to be refused');
  return result.reason;
};

describe('PLO message parsing', () => {
  it('reads an admission: envelope, hospital with department, patient and admission time (Oslo time to UTC)', () => {
    const message = parse({ type: 'LOG_INNLAGT', msgId: 'a1b2c3d4-0000-4000-8000-000000000001', admittedAt: '2026-11-10T14:00:00' });
    expect(message).toMatchObject({
      msgId: 'a1b2c3d4-0000-4000-8000-000000000001',
      type: 'LOG_INNLAGT',
      genDate: '2026-11-20T09:15:00.000Z',
      hospital: 'Fjordvik sykehus HF – Medisinsk avdeling',
      patient: { id: PATIENTS.kari.id, idType: 'FNR', familyName: 'Nordmann', givenName: 'Kari', birthDate: '1938-04-17' },
      admittedAt: '2026-11-10T13:00:00.000Z',
      dischargeReadyAt: null,
      withdrawnAt: null,
      leftAt: null,
    });
  });

  it('reads summer time as UTC+2 and honours an explicit offset', () => {
    expect(parse({ type: 'LOG_INNLAGT', admittedAt: '2026-07-01T12:00:00' }).admittedAt).toBe('2026-07-01T10:00:00.000Z');
    expect(parse({ type: 'LOG_INNLAGT', admittedAt: '2026-07-01T12:00:00Z' }).admittedAt).toBe('2026-07-01T12:00:00.000Z');
    expect(parse({ type: 'LOG_INNLAGT', admittedAt: '2026-07-01T12:00:00+01:00' }).admittedAt).toBe('2026-07-01T11:00:00.000Z');
  });

  it('reads a discharge-ready message: the admission and the discharge-ready event', () => {
    const message = parse({ type: 'LOG_UTSKRIVNINGSKLAR', admittedAt: '2026-11-10T14:00:00', dischargeReadyAt: '2026-11-18T09:00:00' });
    expect(message).toMatchObject({ admittedAt: '2026-11-10T13:00:00.000Z', dischargeReadyAt: '2026-11-18T08:00:00.000Z', withdrawnAt: null });
  });

  it('reads a withdrawal: admission, discharge-ready and withdrawal, by display text or else by order', () => {
    for (const bareEvents of [false, true]) {
      const message = parse({ type: 'LOG_AVMELDING', bareEvents, dischargeReadyAt: '2026-11-18T09:00:00', withdrawnAt: '2026-11-19T08:00:00' });
      expect(message).toMatchObject({ dischargeReadyAt: '2026-11-18T08:00:00.000Z', withdrawnAt: '2026-11-19T07:00:00.000Z' });
    }
  });

  it('reads a discharge and a death as the time the patient left hospital', () => {
    expect(parse({ type: 'LOG_UTSKREVET', leftAt: '2026-11-21T11:00:00' })).toMatchObject({ leftAt: '2026-11-21T10:00:00.000Z', admittedAt: null });
    expect(parse({ type: 'LOG_DOD', leftAt: '2026-11-21T03:40:00' })).toMatchObject({ type: 'LOG_DOD', leftAt: '2026-11-21T02:40:00.000Z' });
  });

  it('refuses text that is not XML, and XML with a DOCTYPE', () => {
    expect(reason('<MsgHead><MsgInfo></MsgHead>')).toMatch(/^bad XML/);
    expect(reason('not xml at all')).toMatch(/^bad XML/);
    const withDtd = ploMessage({ type: 'LOG_INNLAGT' }).replace('<MsgHead', '<!DOCTYPE x [<!ENTITY a "aaaa">]>\n<MsgHead');
    expect(reason(withDtd)).toMatch(/DOCTYPE/);
  });

  it('refuses a MsgHead or body in the wrong namespace, even with the right element names', () => {
    expect(reason(ploMessage({ type: 'LOG_INNLAGT', msgHeadNs: 'http://www.kith.no/xmlstds/msghead/2004-11-21' }))).toMatch(/^wrong namespace: MsgHead/);
    expect(reason(ploMessage({ type: 'LOG_INNLAGT', bodyNs: 'http://www.kith.no/xmlstds/po/Pasientlogistikk/2009-06-30' }))).toMatch(
      /^wrong namespace: Pasientlogistikk/,
    );
  });

  it('refuses a message that lacks a field it needs, naming the field', () => {
    expect(reason(ploMessage({ type: 'LOG_INNLAGT', omitMsgId: true }))).toBe('missing field: MsgInfo/MsgId');
    expect(reason(ploMessage({ type: 'LOG_INNLAGT', omitPatientId: true }))).toMatch(/^missing field: Patient\/Ident/);
    const noEvents = ploMessage({ type: 'LOG_INNLAGT' }).replace(/<po:TidsfestetHendelse>.*<\/po:TidsfestetHendelse>/, '');
    expect(reason(noEvents)).toMatch(/^missing field: MeldingInnlagtPasient\/po:TidsfestetHendelse/);
    const noTime = ploMessage({ type: 'LOG_INNLAGT' }).replace(/<po:TidspunktForHendelse V="[^"]*"\/>/, '');
    expect(reason(noTime)).toMatch(/TidspunktForHendelse/);
    const badTime = ploMessage({ type: 'LOG_INNLAGT', admittedAt: '2026-02-30T10:00:00' });
    expect(reason(badTime)).toMatch(/^unreadable field: po:TidspunktForHendelse/);
  });

  it('refuses an unknown type, and a type that does not match the body', () => {
    expect(reason(ploMessage({ type: 'LOG_INNLAGT' }).replace('V="LOG_INNLAGT"', 'V="DIALOG_FORESPORSEL"'))).toBe(
      'unknown type: DIALOG_FORESPORSEL is not a Pasientlogistikk message',
    );
    expect(reason(ploMessage({ type: 'LOG_INNLAGT', bodyUse: 'OrienteringOmDod' }))).toMatch(/^unknown type: MsgInfo says LOG_INNLAGT but the body is OrienteringOmDod/);
    const otherSystem = ploMessage({ type: 'LOG_INNLAGT' }).replace('S="2.16.578.1.12.4.1.1.9121"', 'S="2.16.578.1.12.4.1.1.7309"');
    expect(reason(otherSystem)).toMatch(/^unknown type: event code system/);
  });

  it('refuses an identity number that is not 11 digits', () => {
    expect(reason(ploMessage({ type: 'LOG_INNLAGT', patient: { ...PATIENTS.kari, id: PATIENTS.kari.id.slice(0, 10) } }))).toMatch(/not 11 digits/);
  });

  it('uses the namespaces, not the prefixes', () => {
    const prefixed = ploMessage({ type: 'LOG_INNLAGT' })
      .replace(`<MsgHead xmlns="${NS.msgHead}"`, `<mh:MsgHead xmlns:mh="${NS.msgHead}" xmlns="urn:nothing"`)
      .replace('</MsgHead>', '</mh:MsgHead>');
    expect(reason(prefixed)).toMatch(/^missing field: MsgHead\/MsgInfo/);
  });
});
