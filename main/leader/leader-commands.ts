/**
 * Handlers of the leader view's commands on the hub (shared/api/commands/leader.ts), each given the
 * caller: every answer is read from the part of the municipality the caller sees, and every edit is
 * checked (main/leader/leader-access.ts) and audited under the caller's name.
 */

import type { LeaderCommandName } from '../../shared/api/commands/leader.js';
import type { CommandOutput, ParsedInput } from '../../shared/api/contract.js';
import { fail, ok, type Result } from '../../shared/api/result.js';
import { osloDay } from '../../shared/time/oslo.js';
import { listBenefits, removeBenefit, saveBenefit } from './benefit-store.js';
import { benefitsView } from './benefits.js';
import { capacityView } from './capacity.js';
import {
  benefitsCsv,
  capacityCsv,
  dischargeReadyCsv,
  dischargeReadyMonthsCsv,
  forecastCsv,
  indicatorsCsv,
  indicatorTrendsCsv,
  transfersCsv,
} from './csv-export.js';
import { receptionCsv, virtualWardCsv, visitsCsv, visitsTodayCsv } from './domain-csv-export.js';
import { rateTable, setRate } from './daily-rates.js';
import { measureReportBundle } from './fhir-export.js';
import { flowView } from './flow.js';
import { forecastView } from './forecast.js';
import { indicatorsView } from './indicators.js';
import { refusal } from './leader-access.js';
import { leaderData } from './leader-data.js';
import type { LeaderHistory } from './leader-history.js';
import { historyFor, OPERATOR, sees, type LeaderCaller } from './leader-scope.js';
import { newId } from '../replica/command-context.js';
import { alarmLeaderView } from '../alarm/alarm-figures.js';
import { dispatchCommand, type Handlers } from '../replica/dispatch.js';
import type { HubContext } from '../hub/hub-context.js';
import { visitIndicators } from '../homecare/visit-indicators.js';
import { virtualWardIndicators } from '../homehospital/virtual-ward-indicators.js';
import { receptionLeaderView } from './reception-figures.js';

/** A leader command's context: the hub and who asks. */
export interface LeaderContext {
  hub: HubContext;
  caller: LeaderCaller;
}

type LeaderHandler<K extends LeaderCommandName> = (ctx: LeaderContext, input: ParsedInput<K>) => Result<CommandOutput<K>>;

/** The hub's history as the caller may see it. */
function historyOf({ hub, caller }: LeaderContext): LeaderHistory {
  return historyFor(leaderData(hub.db), caller);
}

/** The benefits a caller sees: a unit's to its leaders, the municipality's to municipal leaders. */
function benefitsOf(ctx: LeaderContext, now: Date) {
  const view = benefitsView(ctx.hub.db, historyOf(ctx), now);
  if (ctx.caller.units === null) return view;
  return { ...view, benefits: view.benefits.filter((b) => b.definition.unit !== null && sees(ctx.caller, b.definition.unit)) };
}

const CSV = 'text/csv; charset=utf-8';

type PanelCommand = 'leader.visits' | 'leader.virtualWard' | 'leader.reception';

/**
 * A domain panel's figures for its export, run as the panel's own command for the same caller: its
 * input rule, its scope check and its handler, so the file holds what the panel shows and no more.
 */
function panelFigures<K extends PanelCommand>(ctx: LeaderContext, command: K, input: ParsedInput<K>): Result<CommandOutput<K>> {
  return dispatchLeader(ctx.hub, ctx.caller, command, input) as Result<CommandOutput<K>>;
}

/** A leader's own setting changed: every open leader view re-reads. */
function changed({ hub }: LeaderContext, what: string): void {
  hub.emit('state.changed', { collections: [what] });
}

const leaderCommands = {
  'leader.capacity': (ctx) => {
    const now = new Date();
    return ok(capacityView(ctx.hub.db, historyOf(ctx), now, ctx.hub.receipts?.read(ctx.hub.db, now.getTime())));
  },

  'leader.flow': (ctx) => {
    const now = new Date();
    return ok(flowView(historyOf(ctx), now, rateTable(ctx.hub.db, now)));
  },

  'leader.indicators': (ctx, input) => {
    const now = new Date();
    return indicatorsView(historyOf(ctx), input, now, rateTable(ctx.hub.db, now).rates);
  },

  'leader.forecast': (ctx, input) => forecastView(historyOf(ctx), input, new Date()),

  'leader.benefits': (ctx) => ok(benefitsOf(ctx, new Date())),

  'leader.alarms': (ctx) => ok(alarmLeaderView(ctx.hub.db, (unit) => sees(ctx.caller, unit), new Date())),

  'benefit.define': (ctx, input) => {
    const { hub, caller } = ctx;
    if (input.unit !== undefined && !leaderData(hub.db).unit(input.unit)) return fail('not-found', `no unit ${input.unit} at the hub`, { reason: 'unit-unknown', unit: input.unit });
    if (input.baselineFrom >= osloDay(Date.now())) return fail('invalid-input', 'the baseline must start before today', { reason: 'baseline-in-future' });
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
      caller.actor,
    );
    hub.store.audit({ actor: caller.actor, action: 'benefit.define', record: id, detail: `${input.indicator} ${input.baselineFrom}..${input.baselineTo}` });
    changed(ctx, 'benefit');
    return ok({ id });
  },

  'benefit.remove': (ctx, input) => {
    const { hub, caller } = ctx;
    if (!listBenefits(hub.db).some((b) => b.id === input.id)) return fail('not-found', `no benefit ${input.id}`, { reason: 'benefit-unknown' });
    removeBenefit(hub.db, input.id);
    hub.store.audit({ actor: caller.actor, action: 'benefit.remove', record: input.id });
    changed(ctx, 'benefit');
    return ok({ id: input.id });
  },

  'leader.setRate': (ctx, input) => {
    const { hub, caller } = ctx;
    const rate = setRate(hub.db, input.year, input.nok, new Date());
    hub.store.audit({ actor: caller.actor, action: 'leader.setRate', detail: `${input.year}=${input.nok}` });
    changed(ctx, 'rate');
    return ok(rate);
  },

  'leader.exportCsv': (ctx, input) => {
    const { hub } = ctx;
    const history = historyOf(ctx);
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
        return file('gevinster', benefitsCsv(benefitsOf(ctx, now)));
      case 'visits':
      case 'visits-today': {
        const view = panelFigures(ctx, 'leader.visits', { unit: input.unit, days: input.days });
        if (!view.ok) return view;
        const suffix = input.unit ? `-${input.unit}` : '';
        return input.table === 'visits' ? file(`hjemmebesok${suffix}`, visitsCsv(view.value)) : file(`hjemmebesok-i-dag${suffix}`, visitsTodayCsv(view.value));
      }
      case 'virtual-ward': {
        const view = panelFigures(ctx, 'leader.virtualWard', { unit: input.unit, days: input.days });
        return view.ok ? file(`virtuelle-senger${input.unit ? `-${input.unit}` : ''}`, virtualWardCsv(view.value)) : view;
      }
      case 'reception': {
        // Its panel shows every reception the caller sees, per organisation: there is no unit to drill down to.
        if (input.unit !== undefined) return fail('invalid-input', 'leader.exportCsv: the reception table covers every shared reception you see; name no unit');
        const view = panelFigures(ctx, 'leader.reception', { hours: input.hours });
        return view.ok ? file('felles-mottak', receptionCsv(view.value)) : view;
      }
    }
  },

  'leader.exportFhir': (ctx, input) => {
    const { hub } = ctx;
    const now = new Date();
    const view = indicatorsView(historyOf(ctx), input, now, rateTable(hub.db, now).rates);
    if (!view.ok) return view;
    const bundle = measureReportBundle(view.value, hub.options.municipality, now);
    return ok({
      filename: `tavla-measurereport-${input.unit ?? 'alle'}-${view.value.to}.json`,
      mediaType: 'application/fhir+json',
      content: `${JSON.stringify(bundle, null, 2)}\n`,
    });
  },

  // Home care's visit figures (main/homecare/visit-indicators.ts), of the units the caller sees.
  'leader.visits': (ctx, input) => ok(visitIndicators(ctx.hub.db, (unit) => sees(ctx.caller, unit), input, new Date())),
  // The virtual ward's figures (main/homehospital/virtual-ward-indicators.ts), readmissions from the hub's own PLO episodes.
  'leader.virtualWard': (ctx, input) => ok(virtualWardIndicators(ctx.hub.db, (unit) => sees(ctx.caller, unit), input, new Date(), ctx.hub.pseudonyms.fingerprint())),

  // The shared receptions' figures per organisation (main/leader/reception-figures.ts): shared fields only.
  'leader.reception': (ctx, input) => ok(receptionLeaderView(ctx.hub.db, (unit) => sees(ctx.caller, unit), new Date(), input.hours)),
} satisfies { [K in LeaderCommandName]: LeaderHandler<K> };

/** Every leader command, refused before its handler when the caller may not run it. */
const checkedLeaderCommands: Handlers<LeaderContext> = Object.fromEntries(
  Object.entries(leaderCommands).map(([name, handler]) => [
    name,
    (ctx: LeaderContext, input: never) => {
      const refused = refusal(ctx.hub.db, ctx.caller, name as LeaderCommandName, input);
      if (!refused) return (handler as (c: LeaderContext, i: unknown) => Result<unknown>)(ctx, input);
      ctx.hub.store.audit({ actor: ctx.caller.actor, action: 'leader.refused', detail: refused.ok ? name : refused.message });
      return refused;
    },
  ]),
);

/** Runs a leader command for a caller; never throws. */
export function dispatchLeader(hub: HubContext, caller: LeaderCaller, command: string, input: unknown): Result<unknown> {
  return dispatchCommand(checkedLeaderCommands, { hub, caller }, command, input);
}

/** The leader commands as the hub's loopback address answers them: for its operator, unnarrowed. */
export const operatorLeaderCommands: Handlers<HubContext> = Object.fromEntries(
  Object.keys(leaderCommands).map((name) => [name, (hub: HubContext, input: never) => dispatchLeader(hub, OPERATOR, name, input)]),
);
