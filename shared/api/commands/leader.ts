/**
 * Commands of the leader view on the hub (issue: decision support): capacity now, patient flow,
 * indicators with trends, the 7-day forecast, benefits realisation and exports. Every answer is an
 * aggregate: no name, birth date, note or record id of a patient ever appears in one.
 */

import type { OrganisationFigures } from '../../indicators/reception.js';
import { z } from 'zod';
import { BENEFIT_INDICATORS, type BenefitIndicator, type BenefitOutcome, type PeriodMeasure } from '../../indicators/benefits.js';
import type { IndicatorId } from '../../indicators/definitions.js';
import type { PathwayTemplateOnTime } from '../../indicators/pathway-on-time.js';
import { HOMECARE_LEADER_COMMANDS } from './homecare.js';
import { HOMEHOSPITAL_LEADER_COMMANDS } from './homehospital.js';
import type { OccupancyMeasure } from '../../indicators/occupancy.js';
import { command, isoDate, recordId, shortText, type Created } from '../schema-parts.js';
import type { AlarmLeaderView } from './alarm.js';

/** One unit's capacity now. */
export interface UnitCapacity {
  unit: string;
  name: string;
  kind: string;
  capacity: number;
  beds: number;
  occupied: number;
  free: number;
  blocked: number;
  cleaning: number;
  /** Free beds promised to an incoming transfer: not counted in `free`. */
  reserved: number;
  patients: number;
  /** Patients present / places (capacity) × 100 by the one definition (shared/indicators/occupancy.ts); null for the allocation office. */
  occupancyPercent: number | null;
  /** What the unit's occupancy counts against: beds, places on a list (home care, home hospital), or none. */
  measure: OccupancyMeasure;
  /** Heat 0–4 of its occupancy by its kind's limits, and of its overdue tasks by the absolute limits. */
  occupancyHeat: number;
  overdueHeat: number;
  /** When the hub last heard from a replica of the unit (ISO), and whether that is too long ago (docs/leader.md, "Data last received"). */
  lastReceivedAt: string | null;
  stale: boolean;
  dischargeReady: number;
  /** Staffing of the shift running now, when the unit has registered it. */
  staffPlanned: number | null;
  staffPresent: number | null;
  adlPoints: number;
  /** Patients without an ADL assessment that counts (none, or 9). */
  adlUnassessed: number;
  workloadPerStaff: number | null;
  tasksOpen: number;
  tasksOverdue: number;
}

/** Capacity summed over the units of one kind (or all units, kind "all"). */
export interface KindCapacity {
  kind: string;
  units: number;
  capacity: number;
  beds: number;
  occupied: number;
  free: number;
  blocked: number;
  cleaning: number;
  /** Free beds promised to an incoming transfer: not counted in `free`. */
  reserved: number;
  patients: number;
  dischargeReady: number;
  occupancyPercent: number | null;
  /** What that occupancy counts: patients over places (the municipality's: units with beds only). */
  measure: OccupancyMeasure;
  counted: { patients: number; places: number };
}

/** Whether the figures are live: the hub's broker link, and the units it has not heard from lately. */
export interface Reporting {
  /** False while the hub has no broker connection: every figure is as of `lastReceivedAt`. */
  live: boolean;
  /** When the hub last received data from any unit (ISO), null when never. */
  lastReceivedAt: string | null;
  /** A unit is stale when nothing came from it for this long while the hub was connected. */
  staleAfterMs: number;
}

export interface CapacityView {
  asOf: string;
  shift: { date: string; shift: string };
  units: UnitCapacity[];
  byKind: KindCapacity[];
  totals: KindCapacity;
  reporting: Reporting;
}

/** One discharge-ready patient, without anything that tells who: where, since when, how long, what it cost. */
export interface DischargeReadyWait {
  unit: string;
  unitName: string;
  unitKind: string;
  since: string;
  days: number;
  cost: number;
}

export interface DischargeReadyMonth {
  month: string;
  days: number;
  cost: number;
  patients: number;
}

export interface TransferInFlight {
  fromUnit: string;
  fromName: string;
  toUnit: string;
  toName: string;
  status: string;
  requestedAt: string | null;
  ageDays: number | null;
  scheduledFor: string | null;
}

export interface DailyRate {
  year: number;
  nok: number;
  /**
   * Where the figure comes from: set for the year on the hub, the allocation office's current rate
   * (synced from its board), an earlier year's rate, or the default (NOK 5 745, 2024).
   */
  source: 'hub' | 'allocation-office' | 'earlier-year' | 'default';
}

export interface FlowView {
  asOf: string;
  /** The rate of the current year and of every configured year. */
  rate: DailyRate;
  rates: DailyRate[];
  waiting: DischargeReadyWait[];
  months: DischargeReadyMonth[];
  totals: { patients: number; days: number; cost: number };
  transfers: TransferInFlight[];
}

export interface IndicatorPoint {
  day: string;
  value: number | null;
}

/** One indicator over the period: its value, the numerator and denominator, and the daily trend. */
export interface IndicatorValue {
  id: IndicatorId;
  value: number | null;
  numerator: number;
  denominator: number;
  trend: IndicatorPoint[];
}

export interface UnitIndicatorRow {
  unit: string;
  name: string;
  kind: string;
  values: Record<IndicatorId, number | null>;
}

export interface IndicatorsView {
  asOf: string;
  /** The period: whole days ending yesterday. */
  from: string;
  to: string;
  days: number;
  /** The unit drilled down to, or null for the whole municipality. */
  unit: { unit: string; name: string; kind: string } | null;
  indicators: IndicatorValue[];
  units: UnitIndicatorRow[];
  /** Discharge-ready cost over the period at the configured rates. */
  dischargeReadyCost: number;
  /** The pathway indicator's drill-down: each unit's templates, and how each step went (no patient). */
  pathways: PathwayTemplateOnTime[];
}

export interface ForecastDay {
  day: string;
  occupancy: number;
  occupancyPercent: number | null;
  workload: number;
  knownAdmissions: number;
  knownDischarges: number;
}

export interface BacktestScore {
  mae: number | null;
  baselineMae: number | null;
  beatsBaseline: boolean | null;
  origins: number;
}

export interface UnitForecast {
  unit: string;
  name: string;
  kind: string;
  capacity: number;
  /** The midnight count the forecast starts from (last night) and its ADL points. */
  start: { day: string; occupancy: number; workload: number };
  historyDays: number;
  days: ForecastDay[];
  backtest: { occupancy: BacktestScore; workload: BacktestScore };
}

export interface ForecastView {
  asOf: string;
  horizonDays: number;
  /** The whole municipality (or the unit drilled down to) as one series. */
  total: UnitForecast;
  units: UnitForecast[];
  unitsScored: number;
  unitsBeatingBaseline: number;
}

export interface BenefitDefinition {
  id: string;
  name: string;
  indicator: BenefitIndicator;
  baselineFrom: string;
  baselineTo: string;
  /** First day measured; the day after the baseline when not given. */
  measureFrom: string | null;
  unitCost: number;
  /** One unit, or null for every unit of the municipality. */
  unit: string | null;
  createdAt: string;
}

export interface BenefitMeasurement {
  definition: BenefitDefinition;
  unitName: string | null;
  baseline: PeriodMeasure & { from: string; to: string };
  measured: PeriodMeasure & { from: string; to: string };
  outcome: BenefitOutcome;
  /** Every assumption the figure rests on, in words. */
  assumptions: string[];
}

export interface BenefitsView {
  asOf: string;
  benefits: BenefitMeasurement[];
}

/** The domain panels' tables (home care's visits, the virtual wards, the shared receptions), each read through the panel's own command. */
export const PANEL_EXPORT_TABLES = ['visits', 'visits-today', 'virtual-ward', 'reception'] as const;

export const EXPORT_TABLES = [
  'capacity',
  'discharge-ready',
  'discharge-ready-months',
  'transfers',
  'indicators',
  'indicator-trends',
  'forecast',
  'benefits',
  ...PANEL_EXPORT_TABLES,
] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

/** A file to download: its suggested name, media type and text. */
export interface ExportFile {
  filename: string;
  mediaType: string;
  content: string;
}

const days = z.int().min(7).max(366);
/** The shared receptions' window in hours: `leader.reception`'s, and its export's. */
const receptionHours = z.int().min(1).max(24 * 90);
const year = z.int().min(2000).max(2100);

export const LEADER_COMMANDS = {
  'leader.capacity': command<CapacityView>()(z.strictObject({})),
  'leader.flow': command<FlowView>()(z.strictObject({})),
  'leader.indicators': command<IndicatorsView>()(z.strictObject({ unit: recordId.optional(), days: days.optional() })),
  'leader.forecast': command<ForecastView>()(z.strictObject({ unit: recordId.optional() })),
  'leader.benefits': command<BenefitsView>()(z.strictObject({})),
  /** Welfare-technology alarms per unit (shared/api/commands/alarm.ts, docs/alarms.md). */
  'leader.alarms': command<AlarmLeaderView>()(z.strictObject({})),
  /** Shared receptions per organisation (shared/indicators/reception.ts, docs/shared-reception.md): the last `hours` (24 by default). */
  'leader.reception': command<ReceptionLeaderView>()(z.strictObject({ hours: receptionHours.optional() })),
  'benefit.define': command<Created>()(
    z
      .strictObject({
        name: shortText(120),
        indicator: z.enum(BENEFIT_INDICATORS),
        baselineFrom: isoDate,
        baselineTo: isoDate,
        measureFrom: isoDate.optional(),
        unitCost: z.number().min(0).max(10_000_000),
        unit: recordId.optional(),
      })
      .refine((b) => b.baselineFrom <= b.baselineTo, 'the baseline must end on or after its first day')
      .refine((b) => b.measureFrom === undefined || b.measureFrom > b.baselineTo, 'measuring must start after the baseline'),
  ),
  'benefit.remove': command<Created>()(z.strictObject({ id: recordId })),
  'leader.setRate': command<DailyRate>()(z.strictObject({ year, nok: z.int().min(0).max(1_000_000) })),
  'leader.exportCsv': command<ExportFile>()(
    z.strictObject({ table: z.enum(EXPORT_TABLES), unit: recordId.optional(), days: days.optional(), hours: receptionHours.optional() }),
  ),
  'leader.exportFhir': command<ExportFile>()(z.strictObject({ unit: recordId.optional(), days: days.optional() })),
  // Home care's visit figures (issue 15), declared beside its board commands.
  ...HOMECARE_LEADER_COMMANDS,
  // The virtual ward's figures (issue 17), declared beside its board commands.
  ...HOMEHOSPITAL_LEADER_COMMANDS,
} as const;

export type LeaderCommandName = keyof typeof LEADER_COMMANDS;

/** The leader commands that change something (a read-only leader address refuses them). */
export const LEADER_EDIT_COMMANDS: readonly (keyof typeof LEADER_COMMANDS)[] = ['benefit.define', 'benefit.remove', 'leader.setRate'];

/** The shared receptions' figures per organisation: counts, medians and shares only, no person. */
export interface ReceptionLeaderView {
  hours: number;
  receptions: { unit: string; name: string; organisations: OrganisationFigures[] }[];
}
