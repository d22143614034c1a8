/** Handlers of the leader view's commands on the hub (shared/api/commands/leader.ts). */

import type { LeaderCommandName } from '../../shared/api/commands/leader.js';
import type { CommandOutput, ParsedInput } from '../../shared/api/contract.js';
import { fail, ok, type Result } from '../../shared/api/result.js';
import { osloDay } from '../../shared/indicators/calendar.js';
import { listBenefits, removeBenefit, saveBenefit } from '../leader/benefit-store.js';
import { benefitsView } from '../leader/benefits.js';
import { capacityView } from '../leader/capacity.js';
import {
  benefitsCsv,
  capacityCsv,
  dischargeReadyCsv,
  dischargeReadyMonthsCsv,
  forecastCsv,
  indicatorsCsv,
  indicatorTrendsCsv,
  transfersCsv,
} from '../leader/csv-export.js';
import { rateTable, setRate } from '../leader/daily-rates.js';
import { measureReportBundle } from '../leader/fhir-export.js';
import { flowView } from '../leader/flow.js';
import { forecastView } from '../leader/forecast.js';
import { indicatorsView } from '../leader/indicators.js';
import { leaderData } from '../leader/leader-data.js';
import { newId } from './command-context.js';
import type { HubService } from './hub-service.js';

type LeaderHandler<K extends LeaderCommandName> = (hub: HubService, input: ParsedInput<K>) => Result<CommandOutput<K>>;

const CSV = 'text/csv; charset=utf-8';

/** A leader's own setting changed: every open leader view re-reads. */
function changed(hub: HubService, what: string): void {
  hub.emit('state.changed', { collections: [what] });
}

export const leaderCommands = {
  'leader.capacity': (hub) => ok(capacityView(hub.db, leaderData(hub.db), new Date())),

  'leader.flow': (hub) => {
    const now = new Date();
    return ok(flowView(leaderData(hub.db), now, rateTable(hub.db, now)));
  },

  'leader.indicators': (hub, input) => {
    const now = new Date();
    return indicatorsView(leaderData(hub.db), input, now, rateTable(hub.db, now).rates);
  },

  'leader.forecast': (hub, input) => forecastView(leaderData(hub.db), input, new Date()),

  'leader.benefits': (hub) => ok(benefitsView(hub.db, leaderData(hub.db), new Date())),

  'benefit.define': (hub, input) => {
    if (input.unit !== undefined && !leaderData(hub.db).unit(input.unit)) return fail('not-found', `no unit ${input.unit} at the hub`);
    if (input.baselineFrom >= osloDay(Date.now())) return fail('invalid-input', 'the baseline must start before today');
    const id = newId();
    const now = new Date();
    saveBenefit(
      hub.db,
      {
        id,
        name: input.name,
        indicator: input.indicator,
        baselineFrom: input.baselineFrom,
        baselineTo: input.baselineTo,
        measureFrom: input.measureFrom ?? null,
        unitCost: input.unitCost,
        unit: input.unit ?? null,
        createdAt: now.toISOString(),
      },
      'leader',
    );
    hub.store.audit({ actor: 'leader', action: 'benefit.define', record: id, detail: `${input.indicator} ${input.baselineFrom}..${input.baselineTo}` });
    changed(hub, 'benefit');
    return ok({ id });
  },

  'benefit.remove': (hub, input) => {
    if (!listBenefits(hub.db).some((b) => b.id === input.id)) return fail('not-found', `no benefit ${input.id}`);
    removeBenefit(hub.db, input.id);
    hub.store.audit({ actor: 'leader', action: 'benefit.remove', record: input.id });
    changed(hub, 'benefit');
    return ok({ id: input.id });
  },

  'leader.setRate': (hub, input) => {
    const rate = setRate(hub.db, input.year, input.nok, new Date());
    hub.store.audit({ actor: 'leader', action: 'leader.setRate', detail: `${input.year}=${input.nok}` });
    changed(hub, 'rate');
    return ok(rate);
  },

  'leader.exportCsv': (hub, input) => {
    const history = leaderData(hub.db);
    const now = new Date();
    const rates = rateTable(hub.db, now);
    const stamp = osloDay(now.getTime());
    const file = (name: string, content: string) => ok({ filename: `tavla-${name}-${stamp}.csv`, mediaType: CSV, content });
    switch (input.table) {
      case 'capacity':
        return file('kapasitet', capacityCsv(capacityView(hub.db, history, now)));
      case 'discharge-ready':
        return file('utskrivningsklare', dischargeReadyCsv(flowView(history, now, rates)));
      case 'discharge-ready-months':
        return file('utskrivningsklare-maned', dischargeReadyMonthsCsv(flowView(history, now, rates)));
      case 'transfers':
        return file('overforinger', transfersCsv(flowView(history, now, rates)));
      case 'indicators':
      case 'indicator-trends': {
        const view = indicatorsView(history, input, now, rates.rates);
        if (!view.ok) return view;
        const name = `${input.table === 'indicators' ? 'indikatorer' : 'indikatortrender'}${input.unit ? `-${input.unit}` : ''}`;
        return file(name, input.table === 'indicators' ? indicatorsCsv(view.value) : indicatorTrendsCsv(view.value));
      }
      case 'forecast': {
        const view = forecastView(history, input, now);
        return view.ok ? file(`prognose${input.unit ? `-${input.unit}` : ''}`, forecastCsv(view.value)) : view;
      }
      case 'benefits':
        return file('gevinster', benefitsCsv(benefitsView(hub.db, history, now)));
    }
  },

  'leader.exportFhir': (hub, input) => {
    const now = new Date();
    const view = indicatorsView(leaderData(hub.db), input, now, rateTable(hub.db, now).rates);
    if (!view.ok) return view;
    const bundle = measureReportBundle(view.value, hub.options.municipality, now);
    return ok({
      filename: `tavla-measurereport-${input.unit ?? 'alle'}-${view.value.to}.json`,
      mediaType: 'application/fhir+json',
      content: `${JSON.stringify(bundle, null, 2)}\n`,
    });
  },
} satisfies { [K in LeaderCommandName]: LeaderHandler<K> };
