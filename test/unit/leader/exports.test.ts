/**
 * Exports: CSV for every table, and the indicators as FHIR R4 MeasureReports checked against the R4
 * definitions by two independent validators: FHIR.js (StructureDefinitions: cardinality, types,
 * value sets) and the official R4 JSON schema (fhir.schema.json, unknown elements refused).
 */

import { createRequire } from 'node:module';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EXPORT_TABLES, PANEL_EXPORT_TABLES, type ExportFile } from '../../../shared/api/commands/leader.js';
import { INDICATOR_IDS } from '../../../shared/indicators/definitions.js';
import { toCsv } from '../../../main/leader/csv-export.js';
import { parseCsv } from '../../support/csv.js';
import { HubService } from '../../../main/hub/hub-service.js';
import { tempDir } from '../../support/temp-dir.js';
import { clock, seedMunicipality } from '../../support/municipality-fixture.js';

const require = createRequire(import.meta.url);

interface FhirJsValidator {
  validate(resource: unknown): { valid: boolean; messages: { location?: string; message?: string; severity?: string }[] };
}
interface SchemaValidator {
  validate(resource: unknown): unknown[];
}

let fhirJs: FhirJsValidator;
let schema: SchemaValidator;
beforeAll(() => {
  const { Fhir } = require('fhir') as { Fhir: new () => FhirJsValidator };
  const JSONSchemaValidator = require('@asymmetrik/fhir-json-schema-validator') as new () => SchemaValidator;
  fhirJs = new Fhir();
  schema = new JSONSchemaValidator();
});

function errorsOf(resource: unknown): string[] {
  const structural = fhirJs
    .validate(resource)
    .messages.filter((m) => m.severity === 'error')
    .map((m) => `FHIR.js ${m.location}: ${m.message}`);
  return [...structural, ...schema.validate(resource).map((e) => `schema: ${JSON.stringify(e)}`)];
}

describe('CSV', () => {
  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    const text = toCsv(['navn', 'tall'], [['Solsiden, 2. etg', 3.5], ['=HYPERLINK("x")', -2], [null, 'sier "hei"']]);
    expect(text).toBe('\uFEFFnavn,tall\r\n"Solsiden, 2. etg",3.5\r\n"\'=HYPERLINK(""x"")",-2\r\n,"sier ""hei"""\r\n');
    expect(parseCsv(text)).toEqual([['navn', 'tall'], ['Solsiden, 2. etg', '3.5'], ['\'=HYPERLINK("x")', '-2'], ['', 'sier "hei"']]);
  });
});

describe('exports of the leader view', () => {
  let dir: ReturnType<typeof tempDir>;
  let hub: HubService;
  const exported = (command: 'leader.exportCsv' | 'leader.exportFhir', input: unknown): ExportFile => {
    const result = hub.dispatch(command, input);
    if (!result.ok) throw new Error(`${command}: ${result.message}`);
    return result.value as ExportFile;
  };
  beforeEach(() => {
    dir = tempDir();
    hub = new HubService({ dataDir: dir.path, municipality: 'testvik' });
    const now = new Date();
    seedMunicipality(hub, now);
    const { day } = clock(now);
    hub.dispatch('benefit.define', { name: 'Færre døgn', indicator: 'discharge-ready-days', baselineFrom: day(30), baselineTo: day(8), unitCost: 5745 });
  });
  afterEach(() => {
    hub.close();
    dir.remove();
  });

  it('gives every table as CSV with a header and one row per line of the table', () => {
    // The domain panels' tables need units this municipality lacks: domain-exports.test.ts checks them.
    for (const table of EXPORT_TABLES.filter((t) => !(PANEL_EXPORT_TABLES as readonly string[]).includes(t))) {
      const file = exported('leader.exportCsv', { table });
      expect(file.mediaType).toBe('text/csv; charset=utf-8');
      expect(file.filename).toMatch(/^tavla-[a-z-]+-\d{4}-\d{2}-\d{2}\.csv$/);
      const rows = parseCsv(file.content);
      expect(rows.length, table).toBeGreaterThan(1);
      expect(rows.every((row) => row.length === rows[0].length), table).toBe(true);
    }
    const capacity = parseCsv(exported('leader.exportCsv', { table: 'capacity' }).content);
    expect(capacity[0].slice(0, 3)).toEqual(['enhet', 'navn', 'type']);
    expect(capacity.find((row) => row[0] === 'solsiden')?.slice(4, 8)).toEqual(['4', '2', '1', '1']);
    const indicators = parseCsv(exported('leader.exportCsv', { table: 'indicators', days: 7 }).content);
    expect(indicators[0]).toEqual(['enhet', 'navn', 'type', 'fra', 'til', ...INDICATOR_IDS]);
    expect(indicators.map((row) => row[0])).toEqual(['enhet', 'alle', 'fjellro', 'hjemme', 'solsiden', 'tildeling']);
  });

  it('gives the indicators as FHIR R4 MeasureReports that both validators accept', () => {
    for (const input of [{}, { days: 7 }, { unit: 'solsiden' }, { unit: 'tildeling', days: 90 }]) {
      const file = exported('leader.exportFhir', input);
      expect(file.mediaType).toBe('application/fhir+json');
      const bundle = JSON.parse(file.content) as { resourceType: string; type: string; entry: { resource: Record<string, unknown> }[] };
      expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
      expect(bundle.entry).toHaveLength(INDICATOR_IDS.length);
      expect(errorsOf(bundle), JSON.stringify(input)).toEqual([]);
      for (const { resource } of bundle.entry) {
        expect(resource).toMatchObject({ resourceType: 'MeasureReport', status: 'complete', type: 'summary' });
        expect(errorsOf(resource), `${resource.id as string} ${JSON.stringify(input)}`).toEqual([]);
      }
    }
  });

  it('reports the figures themselves: occupancy’s numerator, denominator and score, stratified by unit', () => {
    const bundle = JSON.parse(exported('leader.exportFhir', { days: 7 }).content) as { entry: { resource: { id: string; group: Record<string, unknown>[] } }[] };
    const occupancy = bundle.entry.map((e) => e.resource).find((r) => r.id.startsWith('occupancy-'));
    const group = occupancy?.group[0] as { population: { count: number }[]; measureScore: { value: number; code: string }; stratifier: { stratum: unknown[] }[] };
    // The municipality's occupancy over its units with beds: 19 bed-days of 6 beds × 7 days.
    expect(group.population.map((p) => p.count)).toEqual([19, 42]);
    expect(group.measureScore).toMatchObject({ value: 45.2, code: '%' });
    expect(group.stratifier[0].stratum).toHaveLength(4);
  });

  it('would be refused by the validators if it broke the R4 rules (the check can fail)', () => {
    const bundle = JSON.parse(exported('leader.exportFhir', {}).content) as { entry: { resource: Record<string, unknown> }[] };
    const report = bundle.entry[0].resource;
    expect(errorsOf({ ...report, status: 'finished' }).length).toBeGreaterThan(0);
    const { status: _status, ...withoutStatus } = report;
    expect(errorsOf(withoutStatus).length).toBeGreaterThan(0);
    expect(errorsOf({ ...report, patientName: 'Kari' }).length).toBeGreaterThan(0);
    expect(errorsOf({ ...report, period: { start: 'i går' } }).length).toBeGreaterThan(0);
  });
});
