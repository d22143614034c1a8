/**
 * The domain panels' CSV exports: home care's visits (indicators and capacity tab), the virtual
 * wards and the shared receptions, each holding exactly what its panel's own command answers for
 * the same period, only of the units the caller sees, through the one CSV writer (formulas
 * defused); a table the hub does not know is refused with the reason.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VisitIndicatorsView } from '../../../shared/api/commands/homecare.js';
import type { VirtualWardView } from '../../../shared/api/commands/homehospital.js';
import { PANEL_EXPORT_TABLES, type ExportFile, type ReceptionLeaderView } from '../../../shared/api/commands/leader.js';
import { sharePercent } from '../../../shared/indicators/definitions.js';
import type { Result } from '../../../shared/api/result.js';
import { HubService } from '../../../main/hub/hub-service.js';
import { dispatchLeader } from '../../../main/leader/leader-commands.js';
import type { LeaderCaller } from '../../../main/leader/leader-scope.js';
import type { RecordEdit } from '../../../main/store/field-store.js';
import { parseCsv } from '../../support/csv.js';
import { clock, seedMunicipality } from '../../support/municipality-fixture.js';
import { seedReceptionFigures } from '../../support/reception-figures-seed.js';
import { tempDir } from '../../support/temp-dir.js';

/** The seed's organisations as the CSV names them beside their ids (bokmål). */
const ORGANISATION_NAMES: Record<string, string> = { legevakt: 'Legevakt', sykehus: 'Sykehus' };

// The leader commands read the hub's clock: the data is dated relative to now.
const NOW = new Date();
const { at } = clock(NOW);

type Cell = string | number | null;
/** A figure as the CSV writes it: empty for none, numbers as JavaScript prints them. */
const cells = (row: readonly Cell[]) => row.map((value) => (value === null ? '' : String(value)));

/** Home care (synthetic people): yesterday one visit done in its window and one refused, today one done; a second unit whose name looks like a formula. */
function homeCare(): RecordEdit[] {
  const visit = (id: string, unit: string, daysAgo: number, hour: number, fields: Record<string, string | null>): RecordEdit => ({
    c: 'visit',
    id,
    scope: unit,
    fields: { unit, stay: unit === 'hjemme' ? 'h1' : null, windowStart: at(daysAgo, hour), windowEnd: at(daysAgo, hour + 1), title: 'Tilsyn', route: 'Rute 1', deleted: false, ...fields },
  });
  return [
    { c: 'unit', id: 'nord', scope: 'nord', fields: { municipality: 'testvik', name: '=Hjemmetjenesten nord', kind: 'home-care', capacity: 5, deleted: false } },
    { c: 'stay', id: 'h1', scope: 'hjemme', fields: { unit: 'hjemme', initials: 'EL', name: 'Eli Lunde', status: 'active', admittedAt: at(20, 9), deleted: false } },
    visit('v1', 'hjemme', 1, 8, { startedAt: at(1, 8, 15), completedAt: at(1, 8, 40), outcome: 'done' }),
    visit('v2', 'hjemme', 1, 12, { completedAt: at(1, 12, 5), outcome: 'refused' }),
    visit('v3', 'hjemme', 0, 1, { startedAt: at(0, 1, 10), completedAt: at(0, 1, 30), outcome: 'done' }),
    visit('v4', 'nord', 1, 9, { completedAt: at(1, 9, 5), outcome: 'not-home' }),
  ];
}

/** A virtual ward of 4 beds, 2 occupied for 3 days, with one video round yesterday. */
function virtualWard(): RecordEdit[] {
  const U = 'hjemmesykehus';
  return [
    { c: 'unit', id: U, scope: U, fields: { municipality: 'testvik', name: 'Hjemmesykehuset', kind: 'home-hospital', capacity: 4, deleted: false } },
    ...[1, 2, 3, 4].map((i): RecordEdit => ({ c: 'bed', id: `v${i}`, scope: U, fields: { unit: U, label: `V${i}`, status: i <= 2 ? 'occupied' : 'free', sort: i, deleted: false } })),
    ...[1, 2].map((i): RecordEdit => ({ c: 'episode', id: `e${i}`, scope: U, fields: { unit: U, initials: 'XX', bed: `v${i}`, startedAt: at(3, 10), deleted: false } })),
    { c: 'episodeRound', id: 'r1', scope: U, fields: { unit: U, episode: 'e1', kind: 'round', mode: 'video', at: at(1, 10), day: clock(NOW).day(1), deleted: false } },
  ];
}

describe('the domain panels as CSV', () => {
  let dir: ReturnType<typeof tempDir>;
  let hub: HubService;
  const value = <T>(result: Result<unknown>, what: string): T => {
    if (!result.ok) throw new Error(`${what}: ${result.message}`);
    return result.value as T;
  };
  const panel = <T>(command: string, input: object) => value<T>(hub.dispatch(command, input), command);
  const csv = (input: object, caller?: LeaderCaller) => {
    const result = caller ? dispatchLeader(hub, caller, 'leader.exportCsv', input) : hub.dispatch('leader.exportCsv', input);
    const file = value<ExportFile>(result, JSON.stringify(input));
    expect(file.mediaType).toBe('text/csv; charset=utf-8');
    return { file, rows: parseCsv(file.content) };
  };

  beforeEach(() => {
    dir = tempDir();
    hub = new HubService({ dataDir: dir.path, municipality: 'testvik' });
    seedMunicipality(hub, NOW);
    hub.store.commit({ actor: 'test', action: 'seed' }, [...homeCare(), ...virtualWard()]);
    seedReceptionFigures(hub.store, NOW.getTime(), 'testvik');
  });
  afterEach(() => {
    hub.close();
    dir.remove();
  });

  it('gives every panel table with a header, one row per line of the panel and a dated file name', () => {
    for (const table of PANEL_EXPORT_TABLES) {
      const { file, rows } = csv({ table });
      expect(file.filename, table).toMatch(/^tavla-[a-z-]+-\d{4}-\d{2}-\d{2}\.csv$/);
      expect(rows.length, table).toBeGreaterThan(1);
      expect(rows.every((row) => row.length === rows[0].length), table).toBe(true);
      expect(rows[0].every((name) => /^[a-z0-9_]+$/.test(name)), `${table}: ${rows[0].join(',')}`).toBe(true);
    }
  });

  it('gives the visits of every home-care unit and day as leader.visits counts them, over the same days', () => {
    for (const days of [undefined, 14]) {
      const view = panel<VisitIndicatorsView>('leader.visits', days === undefined ? {} : { days });
      const { rows } = csv({ table: 'visits', days });
      expect(rows[0]).toEqual(['enhet', 'navn', 'dag', 'planlagt', 'skulle_vaert_utfort', 'innen_avtalt_tid', 'innen_avtalt_tid_prosent', 'ikke_utfort', 'ikke_utfort_prosent', 'ikke_hjemme', 'avslatt', 'avbestilt']);
      const expected = view.units.flatMap((u) =>
        u.days.map((d) => cells([u.unit, u.name, d.day, d.planned, d.due, d.withinWindow, d.withinWindowPercent, d.notDone, d.notDonePercent, d.notHome, d.refused, d.cancelled])),
      );
      // The formula-looking unit name is defused as in every leader export.
      expect(rows.slice(1)).toEqual(expected.map((row) => (row[1].startsWith('=') ? [row[0], `'${row[1]}`, ...row.slice(2)] : row)));
      expect(rows.length - 1).toBe(2 * (days ?? 7));
    }
    // Hand-known: yesterday at Hjemmetjenesten, 2 planned, 1 due and done in its window, 1 refused.
    const yesterday = csv({ table: 'visits' }).rows.find((row) => row[0] === 'hjemme' && row[2] === clock(NOW).day(1));
    expect(yesterday).toEqual(['hjemme', 'Hjemmetjenesten', clock(NOW).day(1), '2', '1', '1', '100', '1', '50', '0', '1', '0']);
  });

  it('gives today’s patients and visits of the capacity tab as leader.visits answers them', () => {
    const view = panel<VisitIndicatorsView>('leader.visits', {});
    const { rows } = csv({ table: 'visits-today' });
    expect(rows[0]).toEqual(['enhet', 'navn', 'dag', 'brukere', 'besok_i_dag', 'utfort_i_dag']);
    expect(rows.slice(1).map((row) => [row[0], ...row.slice(2)])).toEqual(view.units.map((u) => cells([u.unit, view.to, u.patients, u.visitsToday, u.visitsDoneToday])));
    expect(rows.find((row) => row[0] === 'hjemme')).toEqual(['hjemme', 'Hjemmetjenesten', view.to, '1', '1', '1']);
    expect(rows.find((row) => row[0] === 'nord')?.[1]).toBe("'=Hjemmetjenesten nord");
  });

  it('gives each virtual ward’s figures as leader.virtualWard answers them over its 30 days', () => {
    const view = panel<VirtualWardView>('leader.virtualWard', {});
    const { rows } = csv({ table: 'virtual-ward' });
    expect(rows[0]).toEqual([
      'enhet', 'navn', 'fra', 'til', 'kapasitet', 'belagt', 'belegg_prosent', 'liggedogn',
      'visitter_hjemme', 'visitter_video', 'visitter_telefon', 'eskaleringer',
      'avsluttet_hjemmetjenesten', 'avsluttet_klarer_seg_selv', 'avsluttet_tilbake_til_sengepost', 'avsluttet_dod',
      'reinnleggelser_30_dager', 'avsluttet_med_kjent_fodselsnummer', 'avsluttet_med_annen_pseudonymnokkel',
    ]);
    const [u] = view.units;
    expect(rows.slice(1)).toEqual([
      cells([u.unit, u.name, view.from, view.to, u.capacity, u.occupied, u.occupancyPercent, u.bedDays, u.visits.home, u.visits.video, u.visits.phone, u.escalations, u.ended['home-care'], u.ended['self-managed'], u.ended['back-to-ward'], u.ended.died, u.readmissions30, u.endedWithKey, u.endedKeyedElsewhere]),
    ]);
    // Hand-known: 2 of 4 beds, 3 midnights each, one video round.
    expect(rows[1].slice(4, 10)).toEqual(['4', '2', '50', '6', '0', '1']);
  });

  it('gives each reception’s organisations per triage colour as leader.reception answers them, over the same hours', () => {
    for (const hours of [undefined, 4]) {
      const view = panel<ReceptionLeaderView>('leader.reception', hours === undefined ? {} : { hours });
      const { rows } = csv({ table: 'reception', hours });
      expect(rows[0].slice(0, 15)).toEqual(['enhet', 'navn', 'organisasjon', 'organisasjonsnavn', 'timer', 'ankomster', 'ankomster_per_time', 'triagefarge', 'pasienter', 'median_min_til_triage', 'mal_min_til_triage', 'triage_innen_mal_prosent', 'median_min_til_vurdering', 'mal_min_til_vurdering', 'vurdering_innen_mal_prosent']);
      expect(rows[0].slice(15)).toEqual(['videre_innlagt', 'videre_kad', 'videre_hjem', 'videre_overfort', 'overforinger_ut', 'overforinger_inn', ...Array.from({ length: 24 }, (_, h) => `ankomster_kl_${String(h).padStart(2, '0')}`)]);
      const expected = view.receptions.flatMap((r) =>
        r.organisations.flatMap((o) =>
          o.colours.map((c) =>
            cells([r.unit, r.name, o.organisation, ORGANISATION_NAMES[o.organisation], view.hours, o.arrivals, o.perHour, c.colour, c.encounters, c.toTriage, c.targets.triage, sharePercent(c.triageOnTarget), c.toAssessment, c.targets.assessment, sharePercent(c.assessmentOnTarget), o.dispositions.admitted, o.dispositions.kad, o.dispositions.home, o.dispositions.transferred, o.handoversOut, o.handoversIn, ...o.byHour]),
          ),
        ),
      );
      expect(rows.slice(1)).toEqual(expected);
    }
    // Hand-known (the seed's), over 4 hours: legevakt's yellow, 3 encounters, median 8 min to triage against 10 (2 of 3
    // on target: 66.7 %, not the fraction 0.666…), median 32.5 min to assessment against 30 (1 of 2: 50 %).
    const reception = csv({ table: 'reception', hours: 4 }).rows;
    const row = (organisation: string, colour: string) => reception.find((r) => r[2] === organisation && r[7] === colour);
    expect(row('legevakt', 'yellow')?.slice(0, 15)).toEqual(['mottak', 'Felles mottak', 'legevakt', 'Legevakt', '4', '4', '1', 'yellow', '3', '8', '10', '66.7', '32.5', '30', '50']);
    // Red: triaged on arrival against 0 (100 %), assessed a minute later against 0 (0 %, not empty).
    expect(row('legevakt', 'red')?.slice(9, 15)).toEqual(['0', '0', '100', '1', '0', '0']);
    // Sykehus's green: triaged after 10 min against 15 (100 %), not yet assessed (no share: empty).
    expect(row('sykehus', 'green')?.slice(2, 4)).toEqual(['sykehus', 'Sykehus']);
    expect(row('sykehus', 'green')?.slice(9, 15)).toEqual(['10', '15', '100', '', '120', '']);
    // Every share column is a percentage: none between 0 and 1 but 0 itself.
    for (const r of reception.slice(1)) for (const share of [r[11], r[14]]) expect(share === '' || share === '0' || Number(share) >= 1, share).toBe(true);
  });

  it('holds only the units the caller sees, and refuses a unit that is not theirs as the panel’s command does', () => {
    const marit: LeaderCaller = { actor: 'Marit Solberg', units: new Set(['hjemme', 'solsiden']), mayEdit: false };
    expect(csv({ table: 'visits' }, marit).rows.slice(1).every((row) => row[0] === 'hjemme')).toBe(true);
    expect(csv({ table: 'visits-today' }, marit).rows.map((row) => row[0])).toEqual(['enhet', 'hjemme']);
    expect(csv({ table: 'virtual-ward' }, marit).rows).toHaveLength(1);
    expect(csv({ table: 'reception' }, marit).rows).toHaveLength(1);
    for (const [table, unit] of [['visits', 'nord'], ['virtual-ward', 'hjemmesykehus']]) {
      expect(dispatchLeader(hub, marit, 'leader.exportCsv', { table, unit }), table).toMatchObject({ ok: false, code: 'forbidden', params: { reason: 'not-your-unit', unit } });
      expect(dispatchLeader(hub, marit, table === 'visits' ? 'leader.visits' : 'leader.virtualWard', { unit }), table).toMatchObject({ ok: false, code: 'forbidden' });
    }
    const ward: LeaderCaller = { actor: 'Vakt', units: new Set(['hjemmesykehus', 'mottak']), mayEdit: false };
    expect(csv({ table: 'virtual-ward' }, ward).rows.map((row) => row[0])).toEqual(['enhet', 'hjemmesykehus']);
    expect(new Set(csv({ table: 'reception' }, ward).rows.slice(1).map((row) => row[0]))).toEqual(new Set(['mottak']));
    expect(csv({ table: 'visits' }, ward).rows).toHaveLength(1);
  });

  it('refuses a table it does not know, and a period or unit the panel’s command would refuse, saying why', () => {
    const unknown = hub.dispatch('leader.exportCsv', { table: 'besok' });
    expect(unknown).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(unknown.ok ? '' : unknown.message).toMatch(/table/);
    expect(unknown.ok ? '' : unknown.message).toMatch(/"virtual-ward"/);
    // leader.visits counts at most 60 days, the virtual ward at most 90: the export keeps their rules.
    expect(hub.dispatch('leader.exportCsv', { table: 'visits', days: 61 })).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(hub.dispatch('leader.exportCsv', { table: 'virtual-ward', days: 91 })).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(hub.dispatch('leader.exportCsv', { table: 'reception', hours: 0 })).toMatchObject({ ok: false, code: 'invalid-input' });
    const drilled = hub.dispatch('leader.exportCsv', { table: 'reception', unit: 'mottak' });
    expect(drilled).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(drilled.ok ? '' : drilled.message).toMatch(/name no unit/);
  });
});
