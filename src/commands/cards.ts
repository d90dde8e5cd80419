import { chartName, given, named, sourceArg } from './chart-name.js';
import { defineCommand } from './types.js';
import { opt } from './options.js';
import { msg } from '../messages/index.js';
import { cardsSpec } from '../render/specs/cards.js';
import { cardsData } from './cards-data.js';
import { bothCardsReply } from './cards-both.js';
import { requireSource, scaleOption, seriesProvenance, sourceLabel, sourceOption } from './series-common.js';
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
    examples: ['/cards', '/cards 2022-01 2023-05', '/cards from:2021-06', '/cards scale:linear', '/cards source:both'],
  },
  execute(ctx) {
    const db = ctx.services.db;
    if (ctx.args.source === 'both')
      return named(
        bothCardsReply(db, ctx.args),
        chartName(
          'cards',
          [ctx.args.from, ctx.args.to, 'source:both', given('scale', ctx.args.scale)],
          msg.series.cardsBothWhat,
        ),
      );
    const src = requireSource(db, ctx.args.source ?? 'paper', ['cards']);
    const { from, to, months, models, withCard, overallRatio, ratios } = cardsData(db, src, ctx.args);
    const label = sourceLabel(src);
    const scale = chooseScale(
      months.map((m) => m.models),
      ctx.args.scale,
    );
    const provenance = seriesProvenance(db, src, ['cards'], { from, to }, models, 'n = models created in the window');
    return {
      text: msg.series.cards({
        source: label,
        from,
        to,
        months: months.length,
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
