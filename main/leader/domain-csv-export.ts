/**
 * CSV of the leader view's domain panels (home care's visits, the virtual wards, the shared
 * receptions): the figures each panel shows, one row per line of its tables, through the one
 * writer of every leader export (csv-export.ts toCsv: quoting, formula defusing, ASCII names).
 */

import type { VisitIndicatorsView } from '../../shared/api/commands/homecare.js';
import { EPISODE_OUTCOMES, ROUND_MODES, type EpisodeOutcome, type RoundMode, type VirtualWardView } from '../../shared/api/commands/homehospital.js';
import type { ReceptionLeaderView } from '../../shared/api/commands/leader.js';
import { sharePercent } from '../../shared/indicators/definitions.js';
import { DISPOSITIONS, ORGANISATION_NAMES_NB, organisationName, type Disposition } from '../../shared/reception/reception-kinds.js';
import { toCsv } from './csv-export.js';

/** Column names' endings per kind (ASCII, lowercase): every kind named, so a new one cannot go unexported. */
const ROUND_MODE_COLUMNS: Record<RoundMode, string> = { home: 'hjemme', video: 'video', phone: 'telefon' };
const OUTCOME_COLUMNS: Record<EpisodeOutcome, string> = {
  'home-care': 'hjemmetjenesten',
  'self-managed': 'klarer_seg_selv',
  'back-to-ward': 'tilbake_til_sengepost',
  died: 'dod',
};
const DISPOSITION_COLUMNS: Record<Disposition, string> = { admitted: 'innlagt', kad: 'kad', home: 'hjem', transferred: 'overfort' };
const HOURS_OF_DAY = Array.from({ length: 24 }, (_, hour) => hour);

/** The indicators tab's visit table: each home-care unit's every day of the period. */
export function visitsCsv(view: VisitIndicatorsView): string {
  return toCsv(
    ['enhet', 'navn', 'dag', 'planlagt', 'skulle_vaert_utfort', 'innen_avtalt_tid', 'innen_avtalt_tid_prosent', 'ikke_utfort', 'ikke_utfort_prosent', 'ikke_hjemme', 'avslatt', 'avbestilt'],
    view.units.flatMap((u) =>
      u.days.map((d) => [u.unit, u.name, d.day, d.planned, d.due, d.withinWindow, d.withinWindowPercent, d.notDone, d.notDonePercent, d.notHome, d.refused, d.cancelled]),
    ),
  );
}

/** The capacity tab's visit table: each home-care unit's patients and visits today. */
export function visitsTodayCsv(view: VisitIndicatorsView): string {
  return toCsv(
    ['enhet', 'navn', 'dag', 'brukere', 'besok_i_dag', 'utfort_i_dag'],
    view.units.map((u) => [u.unit, u.name, view.to, u.patients, u.visitsToday, u.visitsDoneToday]),
  );
}

export function virtualWardCsv(view: VirtualWardView): string {
  return toCsv(
    [
      'enhet',
      'navn',
      'fra',
      'til',
      'kapasitet',
      'belagt',
      'belegg_prosent',
      'liggedogn',
      ...ROUND_MODES.map((mode) => `visitter_${ROUND_MODE_COLUMNS[mode]}`),
      'eskaleringer',
      ...EPISODE_OUTCOMES.map((outcome) => `avsluttet_${OUTCOME_COLUMNS[outcome]}`),
      'reinnleggelser_30_dager',
      'avsluttet_med_kjent_fodselsnummer',
      'avsluttet_med_annen_pseudonymnokkel',
    ],
    view.units.map((u) => [
      u.unit,
      u.name,
      view.from,
      view.to,
      u.capacity,
      u.occupied,
      u.occupancyPercent,
      u.bedDays,
      ...ROUND_MODES.map((mode) => u.visits[mode]),
      u.escalations,
      ...EPISODE_OUTCOMES.map((outcome) => u.ended[outcome]),
      u.readmissions30,
      u.endedWithKey,
      u.endedKeyedElsewhere,
    ]),
  );
}

/**
 * One row per reception, organisation (its id and its bokmål name, as unit rows have both) and first
 * triage colour: the colour's times against its targets, the shares on target in per cent as every
 * leader export writes shares, beside the organisation's arrivals (in all, per hour, by hour of day),
 * dispositions and handovers, which repeat on each of its colour rows.
 */
export function receptionCsv(view: ReceptionLeaderView): string {
  return toCsv(
    [
      'enhet',
      'navn',
      'organisasjon',
      'organisasjonsnavn',
      'timer',
      'ankomster',
      'ankomster_per_time',
      'triagefarge',
      'pasienter',
      'median_min_til_triage',
      'mal_min_til_triage',
      'triage_innen_mal_prosent',
      'median_min_til_vurdering',
      'mal_min_til_vurdering',
      'vurdering_innen_mal_prosent',
      ...DISPOSITIONS.map((d) => `videre_${DISPOSITION_COLUMNS[d]}`),
      'overforinger_ut',
      'overforinger_inn',
      ...HOURS_OF_DAY.map((hour) => `ankomster_kl_${String(hour).padStart(2, '0')}`),
    ],
    view.receptions.flatMap((r) =>
      r.organisations.flatMap((o) =>
        o.colours.map((c) => [
          r.unit,
          r.name,
          o.organisation,
          organisationName(ORGANISATION_NAMES_NB, o.organisation),
          view.hours,
          o.arrivals,
          o.perHour,
          c.colour,
          c.encounters,
          c.toTriage,
          c.targets.triage,
          sharePercent(c.triageOnTarget),
          c.toAssessment,
          c.targets.assessment,
          sharePercent(c.assessmentOnTarget),
          ...DISPOSITIONS.map((d) => o.dispositions[d]),
          o.handoversOut,
          o.handoversIn,
          ...HOURS_OF_DAY.map((hour) => o.byHour[hour]),
        ]),
      ),
    ),
  );
}
