import { defineCommand } from './types.js';
import { opt } from './options.js';
import { msg } from '../messages/index.js';
import { coefCell, pCell } from '../format/numbers.js';
import { PAPER_TABLE_III } from '../analysis/trend.js';
import { compareReadings, LOW_COUNT, readTrends, sortTrends, TREND_SORTS } from '../analysis/trend-readings.js';
import { trendsChart } from './trends-chart.js';
import { chartName, given, named, sourceArg } from './chart-name.js';
import { trendsData } from './trends-data.js';
import {
  checkWindow,
  commonWindow,
  requireSource,
  seriesProvenance,
  sourceLabel,
  sourceOption,
} from './series-common.js';
import { PAPER_WINDOW } from './trend-common.js';
import { bothTrendsReply } from './trends-both.js';
import type { SeriesSource } from '../data/queries/series.js';
import type { Db } from '../data/db.js';

const SIGNIFICANT = { q: 'p and q', p: 'p only', none: '' } as const;

export const trends = defineCommand({
  definition: {
    name: 'trends',
    description: 'Table III for every model type: Spearman rho of forum mentions vs Hub uploads, p and BH q',
    options: {
      significant: opt.boolean({ description: 'Only model types significant at q < 0.05', default: false }),
      sort: opt.choice({
        description: 'Row order: significance then |rho| (default), rho, p, q, name or n (months tested)',
        choices: TREND_SORTS,
        default: 'significance',
      }),
      source: sourceOption(),
    },
    examples: ['/trends', '/trends significant:true', '/trends sort:rho', '/trends sort:name', '/trends source:both'],
  },
  execute(ctx) {
    const db = ctx.services.db;
    // sourceTrends is handed over rather than imported there: trends-both must not import this file back.
    if (ctx.args.source === 'both')
      return named(bothTrendsReply(db, sourceTrends), chartName('trends', ['source:both'], msg.trends.bothWhat));
    const src = requireSource(db, ctx.args.source ?? 'paper', ['forum', 'hub']);
    const { win, types, tested, head, all } = sourceTrends(db, src);
    const sort = ctx.args.sort ?? 'significance';
    const significantOnly = ctx.args.significant === true;
    const rows = sortTrends(significantOnly ? all.filter((r) => r.reading === 'q') : all, sort);
    const cmp = compareReadings(all, head);
    const table3 = src.source === 'paper' ? Object.keys(PAPER_TABLE_III) : null;
    const label = sourceLabel(src);
    const provenance = seriesProvenance(
      db,
      src,
      ['forum', 'hub'],
      win,
      tested.length,
      "n = model types tested; each series runs from the later of the window start and the model's first appearance; BH over all tested types",
    );
    const low = all.filter((r) => r.lowCount);
    const text = [
      msg.trends.head({ types: types.length, tested: tested.length, source: label, ...win }),
      msg.trends.readings({ sigP: cmp.sigP.length, sigQ: cmp.sigQ.length, tested: tested.length }),
      msg.trends.why({
        tableThree: table3 ? table3.length : null,
        matchesTableThree: table3 !== null && sameSet(table3, cmp.paperRule),
        forumHead: head.forum.size,
        hubHead: head.hub.size,
        paperRule: cmp.paperRule,
        both: cmp.both,
        paperOnly: cmp.paperOnly,
        qOnly: cmp.qOnly,
        tested: tested.length,
      }),
      msg.trends.lowCount({
        minMentions: LOW_COUNT.minMentions,
        minMonths: LOW_COUNT.minNonZeroMonths,
        low: low.length,
        tested: tested.length,
        lowSignificant: sortTrends(low, 'significance')
          .filter((r) => r.reading === 'q')
          .map((r) => r.model),
      }),
      msg.trends.order(sort, significantOnly),
    ].join('\n');
    return {
      text,
      table: {
        columns: [
          'model',
          'rho',
          'p',
          'q',
          'significant',
          'low count',
          'months',
          'forum mentions',
          'Hub uploads',
          'from',
        ],
        rows: rows.map((r) => [
          r.model,
          coefCell(r.rho),
          pCell(r.p),
          pCell(r.q),
          SIGNIFICANT[r.reading],
          r.lowCount ? 'yes' : '',
          r.n,
          r.forumMentions,
          r.hubUploads,
          r.from,
        ]),
      },
      chart: trendsChart(rows, { win, tested: tested.length, version: provenance.datasetVersion, source: label }),
      chartName: chartName(
        'trends',
        [given('significant', significantOnly), sourceArg(ctx.args.source)],
        msg.trends.fileWhat,
      ),
      data: {
        source: src.source,
        from: win.from,
        to: win.to,
        types: types.length,
        tested: tested.length,
        significant: cmp.sigQ.length,
        sort,
        readings: {
          alpha: 0.05,
          p: cmp.sigP,
          q: cmp.sigQ,
          paperRule: cmp.paperRule,
          both: cmp.both,
          paperOnly: cmp.paperOnly,
          qOnly: cmp.qOnly,
          heads: { forum: head.forum.size, hub: head.hub.size },
        },
        lowCount: { ...LOW_COUNT, types: low.map((r) => r.model) },
        rows,
      },
      provenance,
    };
  },
});

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/**
 * Table III over one source's window: every type in both series tested, BH q over those tested,
 * each type's reading and low-count flag. Also what /trends source:both puts side by side.
 */
export function sourceTrends(db: Db, src: SeriesSource) {
  const avail = commonWindow(src, ['forum', 'hub']);
  const win = src.source === 'paper' ? { ...PAPER_WINDOW } : { from: avail.first, to: avail.lastFull };
  checkWindow('trends', win.from, win.to, avail.first, avail.last);
  const { types, tested, head } = trendsData(db, src.source, src.datasetVersion, win);
  return { win, types, tested, head, all: readTrends(tested) };
}
