/**
 * Care language in the bokmål tables (docs/board.md, "Wording"): every word passes the same check
 * the e2e scan uses (no English, ids, paths or "hub"), each transfer step has one name wherever it
 * is shown, and the words care staff read wrong are gone. The check itself catches the leaks the
 * issue found on real screens.
 */

import { describe, expect, it } from 'vitest';
import { TRANSFER_STATES } from '../../../shared/domain/flow-states.js';
import type { ErrorParams } from '../../../shared/api/result.js';
import { auditDetail } from '../../../renderer/src/text/audit-detail.js';
import { en } from '../../../renderer/src/text/en.js';
import { nb } from '../../../renderer/src/text/nb.js';
import { careLanguageProblems } from '../../support/english-words.js';

/** Every string of a table with its path; functions are left to the cases below. */
function strings(table: object, prefix = ''): [string, string][] {
  return Object.entries(table).flatMap(([key, value]): [string, string][] =>
    value !== null && typeof value === 'object' ? strings(value as object, `${prefix}${key} › `) : typeof value === 'string' ? [[`${prefix}${key}`, value]] : [],
  );
}

/** Not screen words: the locale tag, and the switch to English (marked lang="en" on the page). */
const NOT_SHOWN = new Set(['locale', 'otherLanguage › label', 'otherLanguage › accessible']);

describe('care language in the bokmål tables', () => {
  it('every bokmål word passes the screen check: no English, no ids, no file paths, no hub', () => {
    const table = strings(nb).filter(([path]) => !NOT_SHOWN.has(path));
    expect(table.length).toBeGreaterThan(300);
    const problems = table.flatMap(([path, word]) => careLanguageProblems(word).map((p) => `${path}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('every failure reason is worded in bokmål with its facts, and the bed that is being cleaned says so', () => {
    const facts = { bed: '115', status: 'cleaning', state: 'accepted', roles: 'shift-leader,unit-leader', until: '2026-12-01T12:00:00Z', hours: '24', code: 'poErnKartlagt', outcome: 'done', bay: 'B2' };
    const reasons = Object.keys(nb.errors.reason);
    expect(reasons.length).toBeGreaterThan(30);
    for (const reason of reasons) {
      const words = nb.failure({ code: 'conflict', params: { ...facts, ...(reason === 'task-not-open' ? { status: 'done' } : {}), reason } as unknown as ErrorParams });
      expect(careLanguageProblems(words), `${reason}: "${words}"`).toEqual([]);
    }
    for (const code of Object.keys(nb.errors.code)) expect(careLanguageProblems(nb.errors.code[code as keyof typeof nb.errors.code]), code).toEqual([]);
    expect(nb.failure({ code: 'conflict', params: { reason: 'bed-not-free', bed: '115', status: 'cleaning' } })).toBe('seng 115 er til rengjøring, ikke ledig');
  });

  it('one name per transfer step: the drawer, the handover, the leader view and the refusal say the same', () => {
    const names = TRANSFER_STATES.map((state) => nb.flow.state[state]);
    expect(names).toEqual(['Forespurt', 'Godtatt', 'Planlagt', 'Avslått', 'Avbrutt', 'Ankommet']);
    for (const state of TRANSFER_STATES) {
      expect(nb.handover.transferStep(state), state).toBe(nb.flow.state[state].toLowerCase());
      expect(nb.leader.transferStatus[state], state).toBe(nb.flow.state[state]);
      expect(nb.failure({ code: 'conflict', params: { reason: 'transfer-step', state } }), state).toBe(`overføringen er ${nb.flow.state[state].toLowerCase()} nå`);
    }
    // The verbs on the buttons match the states they lead to.
    expect([nb.flow.steps.accept, nb.flow.steps.decline, nb.flow.steps.schedule, nb.flow.steps.cancel]).toEqual(['Godta', 'Avslå', 'Planlegg', 'Avbryt overføring']);
  });

  it('the words care staff read wrong are gone from every bokmål string and function', () => {
    const wrong = /\bskjermet\b|legg i seng|ta imot|\bavlys|\binnla\b|\bvask\b|\bbestilt\b|\bakseptert\b|\bhub/i;
    const all = strings(nb).map(([, word]) => word);
    all.push(nb.card.title('101'), nb.handover.transferStep('requested'), nb.flow.stepFor(nb.flow.steps.cancel, 'KN'), nb.audit.actions['stay.admit'] ?? '');
    expect(all.filter((line) => wrong.test(line))).toEqual([]);
    expect(nb.shielded).toBe('Navn skjult');
    expect(nb.bedStatus.cleaning).toBe('Til rengjøring');
  });

  it('the access log words what main logged for scripts: flags, bed states, roles, transfer steps; ids and codes are left out', () => {
    const cases: [string, string, string][] = [
      ['session.unlock', 'nurse, screen 3f9a1c2e4b', 'Sykepleier / helsefagarbeider'],
      ['session.lock', 'idle, screen 3f9a1c2e4b', 'etter inaktivitet'],
      ['session.lock', 'manual, screen 3f9a1c2e4b', 'trykket Lås'],
      ['session.unlock-failed', 'screen 3f9a1c2e4b', ''],
      ['stay.setFlag', 'fall=true', 'Fallrisiko: satt'],
      ['stay.setFlag', 'twoCarers=false', 'Trenger to pleiere: fjernet'],
      ['stay.reveal', 'shielded', 'navn skjult, eget trykk'],
      ['stay.plan', 'nurse,expectedDischarge', 'ansvarlig, forventet utreise'],
      ['bed.setStatus', 'cleaning', 'Til rengjøring'],
      ['transfer.accept', 'requested -> accepted', ''], // the action says it: "Godtok overføring"
      ['staff.add', 'Nils Natt (nurse), new PIN', 'Nils Natt, Sykepleier / helsefagarbeider, ny PIN'],
      ['staff.release', 'Nils Natt', 'Nils Natt'],
      ['task.create', 'template news2', 'fra ferdig oppgave'],
      ['ward.configure', '{"relockSeconds":60}', 'låses etter 60 sekunder'],
      ['plo.import', 'LOG_UTSKRIVNINGSKLAR 9f8e7d6c', ''],
    ];
    for (const [action, detail, words] of cases) {
      expect(auditDetail(nb, action, detail), `${action} ${detail}`).toBe(words);
      expect(careLanguageProblems(auditDetail(nb, action, detail)), action).toEqual([]);
    }
    expect(auditDetail(en, 'session.lock', 'idle, screen 3f9a1c2e4b')).toBe('after inactivity');
    expect(auditDetail(nb, 'stay.note', null)).toBe('');
  });

  it('the check catches what reached bokmål screens: English server text, ids, paths, hub, browser widgets', () => {
    const leaks = [
      'Ikke lagret: bed 115 is cleaning, not free.',
      'IT setter opp avdelingslederen (se docs/board.md).',
      'Hubben har ikke meldt andre enheter ennå.',
      'Låste opp · denneba384f',
      'Låste opp · screen-1',
      '3f9a1c2e-1b2c-4d5e-8f90-123456789abc',
      'stay.admit',
      'Please match the requested format.',
      'mm/dd/yyyy, --:-- --',
      'Sykepleier (nurse)',
      'Avsluttet: idle',
      'Neste besøk kl. 2:59 PM',
      '14:05 AM',
    ];
    for (const leak of leaks) expect(careLanguageProblems(leak), leak).not.toEqual([]);
    // Bokmål that looks close passes: slashes between words, abbreviations, codes of the care world, counts.
    for (const fine of ['Sykepleier / helsefagarbeider', 'f.eks. kl. 14:05', 'NEWS2 4 · ADL 3 · HLR−', '1 pasient, 2 enheter', 'Kontakt IT', 'Rom 101 · IH', 'Neste besøk kl. 16:59\nAM', 'Virtuell seng V2, IS: registrer visitt', 'ON · OR · UP']) {
      expect(careLanguageProblems(fine), fine).toEqual([]);
    }
  });
});
