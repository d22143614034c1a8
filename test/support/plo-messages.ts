/**
 * Synthetic PLO Pasientlogistikk v1.6 messages in a KITH MsgHead, built by the tests. Synthetic
 * people only: identity numbers in the national test registers' form (month + 80, which no real
 * number has; shared/domain/synthetic-national-id.ts), right for each one's birth date.
 * Event codes other than 1 ("Pasient innlagt", code system 9121) are not named by the schema at
 * hand; these messages use 2-5 with the display text a hospital would send.
 */

import { randomUUID } from 'node:crypto';
import { syntheticNationalId } from './synthetic-national-id.js';

export type PloType = 'LOG_INNLAGT' | 'LOG_UTSKRIVNINGSKLAR' | 'LOG_AVMELDING' | 'LOG_UTSKREVET' | 'LOG_DOD';

export interface SyntheticPatient {
  id: string;
  given: string;
  family: string;
  birthDate: string;
}

/** Invented people from common Norwegian names, with synthetic identity numbers. */
export const PATIENTS = {
  kari: { id: syntheticNationalId('FNR', '1938-04-17'), given: 'Kari', family: 'Nordmann', birthDate: '1938-04-17' },
  ola: { id: syntheticNationalId('FNR', '1941-11-02'), given: 'Ola', family: 'Hansen', birthDate: '1941-11-02' },
  ingrid: { id: syntheticNationalId('FNR', '1935-07-30'), given: 'Ingrid', family: 'Berg', birthDate: '1935-07-30' },
} satisfies Record<string, SyntheticPatient>;

export const NS = {
  msgHead: 'http://www.kith.no/xmlstds/msghead/2006-05-24',
  plo: 'http://www.kith.no/xmlstds/po/Pasientlogistikk/2012-04-01',
  po: 'http://www.kith.no/xmlstds/po/poKomponent/2012-04-01',
};

const USE: Record<PloType, string> = {
  LOG_INNLAGT: 'MeldingInnlagtPasient',
  LOG_UTSKRIVNINGSKLAR: 'MeldingUtskrivningsklarPasient',
  LOG_AVMELDING: 'AvmeldingUtskrivningsklarPasient',
  LOG_UTSKREVET: 'MeldingOmUtskrevetPasient',
  LOG_DOD: 'OrienteringOmDod',
};

export interface PloSpec {
  type: PloType;
  patient?: SyntheticPatient;
  msgId?: string;
  /** Local Oslo time as hospitals write it, e.g. 2026-11-20T10:15:00. */
  genDate?: string;
  admittedAt?: string;
  dischargeReadyAt?: string;
  withdrawnAt?: string;
  /** Discharge or death. */
  leftAt?: string;
  hospital?: string;
  department?: string;
  /** Leave the display text off the events (the parser must then go by position). */
  bareEvents?: boolean;
  /** Breakage for the negative tests. */
  msgHeadNs?: string;
  bodyNs?: string;
  bodyUse?: string;
  omitPatientId?: boolean;
  omitMsgId?: boolean;
}

const event = (code: string, text: string, at: string, bare: boolean) =>
  `<po:TidsfestetHendelse><po:Hendelsekode V="${code}"${bare ? '' : ` DN="${text}"`} S="2.16.578.1.12.4.1.1.9121"/><po:TidspunktForHendelse V="${at}"/></po:TidsfestetHendelse>`;

/** A whole message file's text. */
export function ploMessage(spec: PloSpec): string {
  const patient = spec.patient ?? PATIENTS.kari;
  const admitted = spec.admittedAt ?? '2026-11-10T14:00:00';
  const ready = spec.dischargeReadyAt ?? '2026-11-18T09:00:00';
  const bare = spec.bareEvents ?? false;
  const events: Record<PloType, string[]> = {
    LOG_INNLAGT: [event('1', 'Pasient innlagt', admitted, bare)],
    LOG_UTSKRIVNINGSKLAR: [event('1', 'Pasient innlagt', admitted, bare), event('2', 'Pasient utskrivningsklar', ready, bare)],
    LOG_AVMELDING: [
      event('1', 'Pasient innlagt', admitted, bare),
      event('2', 'Pasient utskrivningsklar', ready, bare),
      event('3', 'Avmeldt som utskrivningsklar', spec.withdrawnAt ?? '2026-11-19T08:00:00', bare),
    ],
    LOG_UTSKREVET: [event('4', 'Pasient utskrevet', spec.leftAt ?? '2026-11-21T11:00:00', bare)],
    LOG_DOD: [event('5', 'Pasient død', spec.leftAt ?? '2026-11-21T03:40:00', bare)],
  };
  const use = spec.bodyUse ?? USE[spec.type];
  const body =
    spec.type === 'LOG_UTSKREVET'
      ? `<po:UtskrevetTil><po:Sted V="2" DN="Kommunal institusjon"/></po:UtskrevetTil>${events[spec.type].join('')}`
      : events[spec.type].join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<MsgHead xmlns="${spec.msgHeadNs ?? NS.msgHead}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <MsgInfo>
    <Type V="${spec.type}" DN="Pasientlogistikk"/>
    <MIGversion>v1.2 2006-05-24</MIGversion>
    <GenDate>${spec.genDate ?? '2026-11-20T10:15:00'}</GenDate>
    ${spec.omitMsgId ? '' : `<MsgId>${spec.msgId ?? randomUUID()}</MsgId>`}
    <Sender>
      <Organisation>
        <OrganisationName>${spec.hospital ?? 'Fjordvik sykehus HF'}</OrganisationName>
        <Ident><Id>8000001</Id><TypeId V="HER" S="2.16.578.1.12.4.1.1.9051" DN="HER-id"/></Ident>
        <Organisation>
          <OrganisationName>${spec.department ?? 'Medisinsk avdeling'}</OrganisationName>
          <Ident><Id>8000002</Id><TypeId V="HER" S="2.16.578.1.12.4.1.1.9051" DN="HER-id"/></Ident>
        </Organisation>
      </Organisation>
    </Sender>
    <Receiver>
      <Organisation>
        <OrganisationName>Fjordvik kommune</OrganisationName>
        <Ident><Id>9000001</Id><TypeId V="HER" S="2.16.578.1.12.4.1.1.9051" DN="HER-id"/></Ident>
      </Organisation>
    </Receiver>
    <Patient>
      <FamilyName>${patient.family}</FamilyName>
      <GivenName>${patient.given}</GivenName>
      <DateOfBirth>${patient.birthDate}</DateOfBirth>
      <Sex V="2" DN="Kvinne"/>
      ${spec.omitPatientId ? '' : `<Ident><Id>${patient.id}</Id><TypeId V="FNR" S="2.16.578.1.12.4.1.1.8116" DN="Fødselsnummer"/></Ident>`}
    </Patient>
  </MsgInfo>
  <Document>
    <RefDoc>
      <MsgType V="XML" DN="XML-instans"/>
      <MimeType>text/xml</MimeType>
      <Content>
        <Pasientlogistikk xmlns="${spec.bodyNs ?? NS.plo}" xmlns:po="${NS.po}">
          <po:InformasjonOmForsendelsen><po:Versjon>1.6</po:Versjon></po:InformasjonOmForsendelsen>
          <${use}>${body}</${use}>
        </Pasientlogistikk>
      </Content>
    </RefDoc>
  </Document>
</MsgHead>
`;
}
