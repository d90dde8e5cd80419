import { chartName, given, sourceArg } from './chart-name.js';
import { defineCommand } from './types.js';
import { opt } from './options.js';
import { HfbotError } from '../errors.js';
import { msg } from '../messages/index.js';
import { cardMonths } from '../data/queries/series.js';
import { cardsSpec } from '../render/specs/cards.js';
import {
  checkWindow,
  requireSource,
  scaleOption,
  seriesProvenance,
  sourceLabel,
  sourceOption,
} from './series-common.js';
import { chooseScale } from '../analysis/scale.js';

export const cards = defineCommand({
  definition: {
    name: 'cards',
    description: 'Models created on the Hub per month and the share with a model card (Fig. 4)',
    options: {
      from: opt.month({ description: 'First creation month (default: first in the data)', positional: true }),
      to: opt.month({ description: 'Last creation month (default: last in the data)', positional: true }),
      source: sourceOption(),
      scale: scaleOption(),
    },
    examples: ['/cards', '/cards 2022-01 2023-05', '/cards from:2021-06', '/cards scale:linear'],
  },
  execute(ctx) {
    const db = ctx.services.db;
    const src = requireSource(db, ctx.args.source ?? 'paper', ['cards']);
    const w = src.windows.cards!;
    const from = ctx.args.from ?? w.first;
    const to = ctx.args.to ?? w.last;
    checkWindow('cards', from, to, w.first, w.last);
    const rows = cardMonths(db, src.source, from, to);
    if (!rows.length) throw new HfbotError('E_NOT_FOUND', msg.series.noCardMonths(from, to));
    const months = rows.map((r) => ({ ...r, ratio: r.models ? r.withCard / r.models : null }));
    const models = rows.reduce((s, r) => s + r.models, 0);
    const withCard = rows.reduce((s, r) => s + r.withCard, 0);
    // Pooled over models, not the mean of monthly ratios: months differ in size by 600x.
    const overallRatio = models ? withCard / models : 0;
    const ratios = months.map((m) => m.ratio).filter((r): r is number => r !== null);
    const label = sourceLabel(src);
    const scale = chooseScale(
      rows.map((r) => r.models),
      ctx.args.scale,
    );
    const provenance = seriesProvenance(db, src, ['cards'], { from, to }, models, 'n = models created in the window');
    return {
      text: msg.series.cards({
        source: label,
        from,
        to,
        months: rows.length,
        models,
        withCard,
        ratio: overallRatio,
        minRatio: Math.min(...ratios),
        maxRatio: Math.max(...ratios),
      }),
      table: {
        columns: ['month', 'models', 'with card', 'ratio'],
        rows: months.map((m) => [m.month, m.models, m.withCard, m.ratio === null ? null : +m.ratio.toFixed(4)]),
      },
      chartName: chartName(
        'cards',
        [ctx.args.from, ctx.args.to, sourceArg(ctx.args.source), given('scale', ctx.args.scale)],
        'models created per month and the share with a model card',
      ),
      chart: cardsSpec({
        months,
        scale: scale.type,
        subtitle: msg.series.cardsSubtitle({ from, to, withCard, models, ratio: overallRatio, scale }),
        datasetVersion: provenance.datasetVersion,
        source: label,
      }),
      data: { source: src.source, from, to, models, withCard, overallRatio, scale: scale.type, months },
      provenance,
    };
  },
});
