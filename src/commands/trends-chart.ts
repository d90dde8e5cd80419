/** The /trends chart: headline rows, low counts apart, legend and titles from msg. */
import { msg } from '../messages/index.js';
import { READING_LABELS } from '../messages/trends.js';
import { fmtRho } from '../format/numbers.js';
import { chartRows, LOW_COUNT, type ReadTrend } from '../analysis/trend-readings.js';
import { trendsSpec } from '../render/specs/trends.js';

/** Bars beyond these make the chart too tall for a chat preview; the headline rows are kept. */
const CHART_ROWS = { main: 30, low: 10 } as const;

export function trendsChart(
  rows: ReadTrend[],
  c: { win: { from: string; to: string }; tested: number; version: string; source: string },
): Record<string, unknown> {
  const picked = chartRows(rows, CHART_ROWS);
  const bar = (r: ReadTrend) => ({ model: r.model, rho: r.rho, reading: r.reading, label: fmtRho(r.rho) });
  const lowOf = rows.filter((r) => r.lowCount).length;
  return trendsSpec({
    main: picked.main.map(bar),
    low: picked.low.map(bar),
    title: msg.trends.chartTitle,
    subtitle: msg.trends.chartSubtitle({
      ...c.win,
      tested: c.tested,
      main: picked.main.length,
      mainOf: rows.length - lowOf,
      low: picked.low.length,
      lowOf,
    }),
    mainTitle: msg.trends.mainPanel(picked.main.length, rows.length - lowOf),
    lowTitle: msg.trends.lowPanel(picked.low.length, lowOf, LOW_COUNT.minMentions, LOW_COUNT.minNonZeroMonths),
    labels: READING_LABELS,
    datasetVersion: c.version,
    source: c.source,
  });
}
