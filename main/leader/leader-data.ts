/**
 * The leader view's entry to the hub's replica: the kept history, warmed up unit by unit in the
 * background after a hub's first leader request (rows, then the default period's indicator series and
 * each unit's forecast), so every tab answers from memory soon after a leader opens the page.
 */

import type { Db } from '../store/database.js';
import { prepareForecast } from './forecast.js';
import { DEFAULT_PERIOD_DAYS, indicatorSpan } from './indicators.js';
import { leaderHistory, type LeaderHistory } from './leader-history.js';
import { unitSeries } from './unit-series.js';

export function leaderData(db: Db): LeaderHistory {
  return leaderHistory(db, (history) =>
    history.warmUp((unit) => {
      const now = new Date();
      unitSeries(history, unit, indicatorSpan(now, DEFAULT_PERIOD_DAYS));
      prepareForecast(history, unit, now);
    }),
  );
}
