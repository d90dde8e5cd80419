import { defineCommand, type Reply } from './types.js';
import { opt } from './options.js';
import { msg } from '../messages/index.js';
import { fmtPIs, fmtRho } from '../format/numbers.js';
import { trendSpec } from '../render/specs/trend.js';
import { requireSource, scaleOption, seriesProvenance, sourceLabel, sourceOption } from './series-common.js';
import { chooseScaleAny, type ScaleType } from '../analysis/scale.js';
import { chartName, given, sourceArg } from './chart-name.js';
import { modelEntry, modelTrend, requireModels, type ModelTrend } from './trend-common.js';
import { multiTrendReply } from './trend-multi.js';
import { bothTrendReply } from './trend-both.js';
import type { SeriesSource } from '../data/queries/series.js';
import type { Db } from '../data/db.js';

export { PAPER_WINDOW } from './trend-common.js';

export const trend = defineCommand({
  definition: {
    name: 'trend',
    description:
      'Forum mentions vs Hub uploads per month for up to 6 model types, with Spearman rho (Table III, package figures)',
    options: {
      // rest: several names, and names with spaces ("xlm roberta"), arrive as several words.
      model: {
        ...opt.model({
          description: 'Model type(s), e.g. bert, or up to 6 separated by spaces or commas: bert roberta t5',
          required: true,
          positional: true,
        }),
        rest: true,
      },
      from: opt.month({
        description: "First month (default: 2020-07, or the model's first appearance if later, as in the paper)",
      }),
      to: opt.month({ description: 'Last month (default: 2023-05, the last full month)' }),
      source: sourceOption(),
      scale: scaleOption(),
    },
    examples: [
      '/trend bart',
      '/trend bert roberta t5 gpt2 bart',
      '/trend llama source:both',
      '/trend llama from:2022-01',
      '/trend xlm roberta to:2022-12',
      '/trend bart scale:linear',
    ],
  },
  execute(ctx) {
    const db = ctx.services.db;
    const which = ctx.args.source ?? 'paper';
    const answer = (): Reply => {
      if (which === 'both') return bothTrendReply(db, ctx.args);
      const src = requireSource(db, which, ['forum', 'hub']);
      const models = requireModels(db, ctx.args.model ?? '', [src]);
      const trends = models.map((m) => modelTrend(db, src, m, ctx.args));
      return trends.length === 1
        ? singleReply(db, src, trends[0]!, ctx.args.scale)
        : multiTrendReply(db, src, trends, ctx.args.scale);
    };
    const reply = answer();
    // Named after the model types as resolved (trend-llama.png, trend-bert-roberta.png).
    const models = ((reply.data.models ?? []) as { model: string }[]).map((m) => m.model);
    const a = ctx.args;
    return {
      ...reply,
      chartName: chartName(
        'trend',
        [...models, given('from', a.from), given('to', a.to), sourceArg(which), given('scale', a.scale)],
        models.length > 1 ? 'forum mentions and Hub uploads per month' : 'forum mentions vs Hub uploads',
      ),
    };
  },
});

/** One model type: today's answer (two y axes), plus data.models with its one entry. */
function singleReply(db: Db, src: SeriesSource, t: ModelTrend, requested?: ScaleType): Reply {
  const label = sourceLabel(src);
  // Spearman reads ranks, so a log axis shows what the test sees when a series grows 100-fold.
  const scale = chooseScaleAny([t.series.map((s) => s.forum), t.series.map((s) => s.hub)], requested);
  const text =
    msg.series.trend({
      model: t.model,
      source: label,
      from: t.from,
      to: t.to,
      n: t.n,
      rho: t.rho,
      p: t.p,
      rule: t.windowRule,
      reason: t.undefinedReason,
      paperRho: t.paperRho,
      fullRho: t.fullWindow?.rho ?? t.rho,
      fullFrom: t.fullWindow?.from ?? t.from,
    }) + (t.partialLast ? ` ${msg.series.partial(t.to)}` : '');
  const provenance = seriesProvenance(db, src, ['forum', 'hub'], { from: t.from, to: t.to }, t.n);
  return {
    text,
    table: {
      columns: ['month', 'forum mentions', 'Hub uploads'],
      rows: t.series.map((s) => [s.month, s.forum, s.hub]),
    },
    chart: trendSpec({
      model: t.model,
      series: t.series,
      stats: [
        `Spearman rho = ${fmtRho(t.rho)}, ${fmtPIs(t.p)}, ${t.from}..${t.to} (${t.n} months)`,
        `Counts on a ${msg.series.scaleNote(scale, 'a month')}`,
      ],
      scale: scale.type,
      datasetVersion: provenance.datasetVersion,
      source: label,
    }),
    data: {
      model: t.model,
      source: src.source,
      from: t.from,
      to: t.to,
      n: t.n,
      rho: t.rho,
      p: t.p,
      windowRule: t.windowRule,
      scale: scale.type,
      ...(t.undefinedReason ? { undefinedReason: t.undefinedReason } : {}),
      paperRho: t.paperRho,
      ...(t.fullWindow ? { fullWindow: t.fullWindow } : {}),
      series: t.series,
      models: [modelEntry(t)],
    },
    provenance,
  };
}
