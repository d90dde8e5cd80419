import { chartName, given, sourceArg } from './chart-name.js';
import { defineCommand } from './types.js';
import { opt } from './options.js';
import { msg } from '../messages/index.js';
import { fmtPIs, fmtRho } from '../format/numbers.js';
import { modelTypes } from '../data/queries/model-types.js';
import { monthlyByModel } from '../data/queries/series.js';
import { resolveModel } from '../analysis/model-names.js';
import { firstAppearance, PAPER_TABLE_III, paperWindowFor, trend as computeTrend } from '../analysis/trend.js';
import { trendSpec } from '../render/specs/trend.js';
import { chooseScaleAny } from '../analysis/scale.js';
import {
  checkWindow,
  commonWindow,
  requireSource,
  scaleOption,
  seriesProvenance,
  sourceLabel,
  sourceOption,
} from './series-common.js';

/** The paper's 35-month window (July 2020 to May 2023); June 2023 was mined mid-month. */
export const PAPER_WINDOW = { from: '2020-07', to: '2023-05' } as const;

export const trend = defineCommand({
  definition: {
    name: 'trend',
    description: 'Forum mentions vs Hub uploads per month for one model type, with Spearman rho (Table III)',
    options: {
      // rest: names with spaces ("xlm roberta") arrive as several words.
      model: {
        ...opt.model({ description: 'Model type, e.g. bert, llama, gpt2', required: true, positional: true }),
        rest: true,
      },
      from: opt.month({
        description: "First month (default: 2020-07, or the model's first appearance if later, as in the paper)",
      }),
      to: opt.month({ description: 'Last month (default: 2023-05, the last full month)' }),
      source: sourceOption(),
      scale: scaleOption(),
    },
    examples: ['/trend bart', '/trend llama from:2022-01', '/trend xlm roberta to:2022-12', '/trend bart scale:linear'],
  },
  execute(ctx) {
    const db = ctx.services.db;
    const src = requireSource(db, ctx.args.source ?? 'paper', ['forum', 'hub']);
    const model = resolveModel(
      ctx.args.model ?? '',
      modelTypes(db, src.source).map((m) => m.name),
      (input, s) => ({ message: msg.series.unknownModel(input, src.source), hint: msg.series.unknownModelHint(s) }),
    );
    const avail = commonWindow(src, ['forum', 'hub']);
    const base = src.source === 'paper' ? { ...PAPER_WINDOW } : { from: avail.first, to: avail.lastFull };
    const to = ctx.args.to ?? base.to;
    const forum = monthlyByModel(db, 'forum', src.source, model).get(model);
    const hub = monthlyByModel(db, 'hub', src.source, model).get(model);
    const rule = ctx.args.from ? 'given' : 'paper';
    const fullFrom = ctx.args.from ?? (base.from <= to ? base.from : avail.first);
    checkWindow('trend', fullFrom, to, avail.first, avail.last);
    const from = rule === 'paper' ? paperWindowFor(fullFrom, to, firstAppearance(forum, hub)).from : fullFrom;
    const t = computeTrend(forum, hub, from, to);
    const full = from === fullFrom ? t : computeTrend(forum, hub, fullFrom, to);
    const paperRho = src.source === 'paper' ? (PAPER_TABLE_III[model] ?? null) : null;
    // Spearman reads ranks, so a log axis shows what the test sees when a series grows 100-fold.
    const scale = chooseScaleAny([t.series.map((s) => s.forum), t.series.map((s) => s.hub)], ctx.args.scale);
    const label = sourceLabel(src);
    const partial = avail.last === to && avail.last !== avail.lastFull ? ` ${msg.series.partial(to)}` : '';
    const text =
      msg.series.trend({
        model,
        source: label,
        from,
        to,
        n: t.n,
        rho: t.rho,
        p: t.p,
        rule,
        reason: t.undefinedReason,
        paperRho,
        fullRho: full.rho,
        fullFrom,
      }) + partial;
    const provenance = seriesProvenance(db, src, ['forum', 'hub'], { from, to }, t.n);
    return {
      text,
      table: {
        columns: ['month', 'forum mentions', 'Hub uploads'],
        rows: t.series.map((s) => [s.month, s.forum, s.hub]),
      },
      chartName: chartName(
        'trend',
        [
          model,
          given('from', ctx.args.from),
          given('to', ctx.args.to),
          sourceArg(ctx.args.source),
          given('scale', ctx.args.scale),
        ],
        'forum mentions vs Hub uploads',
      ),
      chart: trendSpec({
        model,
        series: t.series,
        stats: [
          `Spearman rho = ${fmtRho(t.rho)}, ${fmtPIs(t.p)}, ${from}..${to} (${t.n} months)`,
          `Counts on a ${msg.series.scaleNote(scale, 'a month')}`,
        ],
        scale: scale.type,
        datasetVersion: provenance.datasetVersion,
        source: label,
      }),
      data: {
        model,
        source: src.source,
        from,
        to,
        n: t.n,
        rho: t.rho,
        p: t.p,
        windowRule: rule,
        scale: scale.type,
        ...(t.undefinedReason ? { undefinedReason: t.undefinedReason } : {}),
        paperRho,
        ...(full !== t ? { fullWindow: { from: fullFrom, to, n: full.n, rho: full.rho, p: full.p } } : {}),
        series: t.series,
      },
      provenance,
    };
  },
});
