import { defineCommand } from './types.js';
import { opt } from './options.js';
import { msg } from '../messages/index.js';
import { cardsSpec } from '../render/specs/cards.js';
import { cardsData } from './cards-data.js';
import { bothCardsReply } from './cards-both.js';
import { requireSource, seriesProvenance, sourceLabel, sourceOption } from './series-common.js';

export const cards = defineCommand({
  definition: {
    name: 'cards',
    description: 'Models created on the Hub per month and the share with a model card (Fig. 4)',
    options: {
      from: opt.month({ description: 'First creation month (default: first in the data)', positional: true }),
      to: opt.month({ description: 'Last creation month (default: last in the data)', positional: true }),
      source: sourceOption(),
    },
    examples: ['/cards', '/cards 2022-01 2023-05', '/cards from:2021-06', '/cards source:both'],
  },
  execute(ctx) {
    const db = ctx.services.db;
    if (ctx.args.source === 'both') return bothCardsReply(db, ctx.args);
    const src = requireSource(db, ctx.args.source ?? 'paper', ['cards']);
    const { from, to, months, models, withCard, overallRatio, ratios } = cardsData(db, src, ctx.args);
    const label = sourceLabel(src);
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
      chart: cardsSpec({
        months,
        subtitle: `${from}..${to}: ${withCard.toLocaleString('en-US')} of ${models.toLocaleString('en-US')} models have a card (${(overallRatio * 100).toFixed(1)}%)`,
        datasetVersion: provenance.datasetVersion,
        source: label,
      }),
      data: { source: src.source, from, to, models, withCard, overallRatio, months },
      provenance,
    };
  },
});
