/** /cards source:both: Fig. 4 from the paper's data beside the mined data, both windows and ratios. */
import { msg } from '../messages/index.js';
import { cardsBothSpec } from '../render/specs/cards-both.js';
import { bothProvenance, requireBoth } from './series-common.js';
import { cardsData } from './cards-data.js';
import { HUB_MIGRATION_MONTH } from './trend-both.js';
import type { Db } from '../data/db.js';
import type { Reply } from './types.js';
import { chooseScale, type ScaleType } from '../analysis/scale.js';

export function bothCardsReply(
  db: Db,
  args: { from?: string | undefined; to?: string | undefined; scale?: ScaleType | undefined },
): Reply {
  const s = requireBoth(db, ['cards']);
  const paper = cardsData(db, s.paper, args, 'cards source:paper');
  const mined = cardsData(db, s.mined, args, 'cards source:mined');
  const summary = (x: typeof paper) => ({
    from: x.from,
    to: x.to,
    months: x.months.length,
    models: x.models,
    withCard: x.withCard,
    overallRatio: x.overallRatio,
    minRatio: Math.min(...x.ratios),
    maxRatio: Math.max(...x.ratios),
  });
  const ps = summary(paper);
  const ms = summary(mined);
  const hubCaveat = ms.from <= HUB_MIGRATION_MONTH;
  // One count axis for both lines: log when the months of either source span 100-fold, as /cards.
  const scale = chooseScale(
    [...paper.months, ...mined.months].map((m) => m.models),
    args.scale,
  );
  const months = [
    ...paper.months.map((m) => ({ source: 'paper', ...m })),
    ...mined.months.map((m) => ({ source: 'mined', ...m })),
  ];
  const provenance = bothProvenance(
    db,
    s,
    ['cards'],
    { from: [ps.from, ms.from].sort()[0]!, to: [ps.to, ms.to].sort()[1]! },
    ps.models + ms.models,
    [
      `n = models created in the windows: paper ${ps.from}..${ps.to} (${ps.models}), mined ${ms.from}..${ms.to} (${ms.models})`,
      ...(hubCaveat ? [msg.series.hubCaveat] : []),
    ].join('. '),
  );
  return {
    text: msg.series.cardsBoth({ paper: ps, mined: ms, hubCaveat }),
    table: {
      columns: ['source', 'month', 'models', 'with card', 'ratio'],
      rows: months.map((m) => [m.source, m.month, m.models, m.withCard, m.ratio === null ? null : +m.ratio.toFixed(4)]),
    },
    chart: cardsBothSpec({
      months,
      subtitle: msg.series.cardsBothSubtitle({ paper: ps, mined: ms, scale }),
      scale: scale.type,
      datasetVersion: provenance.datasetVersion,
      source: `SANER 2024 replication package + ${s.mined.description}`,
    }),
    data: { source: 'both', paper: ps, mined: ms, scale: scale.type, months },
    provenance,
  };
}
