import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPloFile } from '../../../main/flow/plo-import.js';
import { arrivalStayId } from '../../../main/flow/transfer-records.js';
import { tempDir } from '../../support/temp-dir.js';
import { PATIENTS, ploMessage, type PloSpec } from '../../support/plo-messages.js';
import { FlowWorld } from '../../support/flow-world.js';
import { wrongCheckDigit } from '../../support/synthetic-national-id.js';
import type { AllocationState, PloImportLine } from '../../../shared/api/commands/flow.js';

describe('the allocation office board', () => {
  let dir: ReturnType<typeof tempDir>;
  let world: FlowWorld;
  let files = 0;

  const plo = (spec: PloSpec) => {
    const file = join(dir.path, `m${++files}.xml`);
    writeFileSync(file, ploMessage(spec));
    const result = importPloFile({ store: world.hub.store, unit: 'tildeling', now: () => world.now, pseudonyms: world.hub.pseudonyms }, file);
    if (result.outcome !== 'imported') throw new Error(`${result.outcome}: ${result.reason}`);
  };
  const allocation = (): AllocationState => {
    const result = world.run('ao', 'flow.allocation');
    if (!result.ok) throw new Error(result.message);
    return result.value as AllocationState;
  };

  beforeEach(() => {
    dir = tempDir('tavla-ao-');
    world = new FlowWorld(dir.path);
    world.add('ao', 'tildeling');
    world.add('nh', 'solsiden');
    world.id('ao', 'unit.configure', { name: 'Tildelingskontoret', kind: 'allocation-office', beds: [] });
    world.id('nh', 'unit.configure', { name: 'Solsiden sykehjem', kind: 'nursing-home', beds: [{ label: '101' }, { label: '102' }, { label: '103' }] });
    world.relay();
    plo({ type: 'LOG_UTSKRIVNINGSKLAR', patient: PATIENTS.kari, admittedAt: '2026-11-10T14:00:00', dischargeReadyAt: '2026-11-18T09:00:00' });
    plo({ type: 'LOG_INNLAGT', patient: PATIENTS.ola, admittedAt: '2026-11-21T22:30:00' });
    world.relay();
  });
  afterEach(() => {
    world.close();
    dir.remove();
  });

  it('lists hospital patients with admission, discharge-ready since, days waiting and cost at NOK 5 745 a day', () => {
    const view = allocation();
    expect(view.dailyRate).toBe(5745);
    expect(view.patients).toEqual([
      expect.objectContaining({
        initials: 'KN',
        hospital: 'Fjordvik sykehus HF – Medisinsk avdeling',
        hospitalStatus: 'discharge-ready',
        admittedAt: '2026-11-10T13:00:00.000Z',
        dischargeReadySince: '2026-11-18T08:00:00.000Z',
        daysWaiting: 5,
        costAccrued: 5 * 5745,
        transfer: null,
      }),
      expect.objectContaining({ initials: 'OH', hospitalStatus: 'admitted', daysWaiting: 0, costAccrued: 0 }),
    ]);
    expect(view.totals).toEqual({ dischargeReady: 1, days: 5, cost: 28_725 });
    expect(view.units).toEqual([expect.objectContaining({ unit: 'solsiden', free: 3, beds: 3 })]);
    expect(JSON.stringify(view)).not.toMatch(/Nordmann|Hansen|1938-04-17/);
  });

  it('counts cost at the rate the office sets, and a new day at Oslo midnight', () => {
    world.id('ao', 'flow.setRate', { dailyRate: 6000 });
    expect(allocation().patients[0]).toMatchObject({ daysWaiting: 5, costAccrued: 30_000 });
    world.now = new Date('2026-11-23T22:59:00Z'); // 23:59 in Oslo
    expect(allocation().patients[0].daysWaiting).toBe(5);
    world.now = new Date('2026-11-23T23:01:00Z'); // 00:01 the next day
    expect(allocation().patients[0].daysWaiting).toBe(6);
  });

  it('starts a transfer to a nursing home, shows each decision and its time, and takes the patient off the list on arrival', () => {
    const kari = allocation().patients[0].stayId;
    const id = world.id('ao', 'transfer.request', { stayId: kari, toUnit: 'solsiden' });
    expect(allocation().patients[0].transfer).toMatchObject({ state: 'requested', lastStepAt: '2026-11-23T08:00:00.000Z', steps: ['cancel'] });
    world.relay();
    expect(world.flow('nh').transfers[0]).toMatchObject({ id, origin: 'Fjordvik sykehus HF – Medisinsk avdeling', fromName: 'Tildelingskontoret' });
    world.now = new Date('2026-11-23T09:30:00Z');
    world.id('nh', 'transfer.accept', { id, bed: '102' });
    world.relay();
    expect(allocation().patients[0].transfer).toMatchObject({ state: 'accepted', acceptedAt: '2026-11-23T09:30:00.000Z', toBed: '102' });
    expect(allocation().units[0]).toMatchObject({ unit: 'solsiden', incoming: 1 });

    world.now = new Date('2026-11-24T10:00:00Z');
    world.id('nh', 'transfer.complete', { id });
    world.relay();
    expect(allocation().patients.map((p) => p.initials)).toEqual(['OH']);
    expect(world.get('ao').db.prepare('SELECT status, dischargedAt FROM stay WHERE id = ?').get(kari)).toEqual({
      status: 'discharged',
      dischargedAt: '2026-11-24T10:00:00.000Z',
    });
    expect(world.get('ao').db.prepare('SELECT count(*) AS n FROM task').get()).toEqual({ n: 0 });
    expect(world.get('nh').db.prepare('SELECT name, initials FROM stay WHERE id = ?').get(arrivalStayId(id))).toEqual({ name: 'Kari Nordmann', initials: 'KN' });
  });

  it("shows on the patient's row that the hospital's identity number failed its check, until a newer message's passes", () => {
    const imports = (): PloImportLine[] => {
      const result = world.hub.dispatch('plo.imports', {});
      if (!result.ok) throw new Error(result.message);
      return result.value as PloImportLine[];
    };
    const idProblems = () => Object.fromEntries(allocation().patients.map((p) => [p.initials, p.idProblem]));
    // Ingrid's message gives a DateOfBirth her number does not tell; Per Lie's number has a slipped check digit.
    const ingrid = PATIENTS.ingrid;
    plo({ type: 'LOG_UTSKRIVNINGSKLAR', patient: { ...ingrid, birthDate: '1935-07-31' }, genDate: '2026-11-20T11:00:00' });
    plo({ type: 'LOG_INNLAGT', patient: { ...PATIENTS.kari, given: 'Per', family: 'Lie', id: wrongCheckDigit(PATIENTS.kari.id) }, admittedAt: '2026-11-19T10:00:00' });
    world.relay();
    expect(idProblems()).toEqual({ KN: null, OH: null, IB: 'birth-date', PL: 'check-digits' });
    expect(imports().map((line) => [line.type, line.idProblem])).toEqual(
      expect.arrayContaining([
        ['LOG_UTSKRIVNINGSKLAR', 'birth-date'],
        ['LOG_INNLAGT', 'check-digits'],
        ['LOG_UTSKRIVNINGSKLAR', null],
        ['LOG_INNLAGT', null],
      ]),
    );
    expect(JSON.stringify(imports())).not.toContain(ingrid.id);

    // A newer message whose number passes (the right DateOfBirth) clears it ...
    plo({ type: 'LOG_UTSKRIVNINGSKLAR', patient: ingrid, genDate: '2026-11-21T09:00:00' });
    world.relay();
    expect(idProblems().IB).toBeNull();
    // ... and an older one with the wrong date, imported late, leaves it as the newest set it.
    plo({ type: 'LOG_UTSKRIVNINGSKLAR', patient: { ...ingrid, birthDate: '1935-07-31' }, genDate: '2026-11-20T12:00:00' });
    world.relay();
    expect(idProblems().IB).toBeNull();
    // A newer one with the wrong date again raises it again.
    plo({ type: 'LOG_AVMELDING', patient: { ...ingrid, birthDate: '1935-07-31' }, genDate: '2026-11-22T09:00:00' });
    world.relay();
    expect(idProblems().IB).toBe('birth-date');
  });

  it("carries the hospital's identity-number problem on the transfer to the receiving board, and null for a clean patient", () => {
    // Ingrid's message gives a DateOfBirth her number does not tell; Kari's is right.
    plo({ type: 'LOG_UTSKRIVNINGSKLAR', patient: { ...PATIENTS.ingrid, birthDate: '1935-07-31' } });
    world.relay();
    const stayOf = (initials: string) => allocation().patients.find((p) => p.initials === initials)!.stayId;
    const flagged = world.id('ao', 'transfer.request', { stayId: stayOf('IB'), toUnit: 'solsiden' });
    const clean = world.id('ao', 'transfer.request', { stayId: stayOf('KN'), toUnit: 'solsiden' });
    expect(allocation().patients.find((p) => p.initials === 'IB')!.transfer).toMatchObject({ id: flagged, idProblem: 'birth-date' });
    world.relay();
    const incoming = Object.fromEntries(world.flow('nh').transfers.map((t) => [t.id, [t.direction, t.idProblem]]));
    expect(incoming).toEqual({ [flagged]: ['in', 'birth-date'], [clean]: ['in', null] });
    // The kind only: the number itself never reaches the receiving board.
    expect(JSON.stringify(world.flow('nh'))).not.toContain(PATIENTS.ingrid.id);
    expect(JSON.stringify(world.get('nh').db.prepare('SELECT * FROM transfer').all())).not.toContain(PATIENTS.ingrid.id);
  });

  it('stops counting days when the hospital discharges the patient, and keeps the patient listed while a transfer is open', () => {
    const kari = allocation().patients[0].stayId;
    world.id('ao', 'transfer.request', { stayId: kari, toUnit: 'solsiden' });
    world.relay();
    plo({ type: 'LOG_UTSKREVET', patient: PATIENTS.kari, genDate: '2026-11-21T11:30:00', leftAt: '2026-11-21T11:00:00' });
    world.relay();
    world.now = new Date('2026-11-30T08:00:00Z');
    expect(allocation().patients[0]).toMatchObject({ stayId: kari, hospitalStatus: 'discharged', daysWaiting: 3, costAccrued: 3 * 5745 });
    // Cancelling the transfer of a patient who has left hospital takes them off the list.
    const transfer = allocation().patients[0].transfer;
    world.id('ao', 'transfer.cancel', { id: transfer?.id });
    expect(allocation().patients.map((p) => p.initials)).toEqual(['OH']);
  });
});
