/** /popular source:both: Fig. 3 from the paper's data beside the mined data, both rho values and windows. */
import { msg } from '../messages/index.js';
import { popularBothSpec } from '../render/specs/popular-both.js';
import { bothProvenance, requireBoth } from './series-common.js';
import { popularData } from './popular-data.js';
import { HUB_MIGRATION_MONTH } from './trend-both.js';
import type { Db } from '../data/db.js';
import type { Reply } from './types.js';
import { chooseScale, type ScaleType } from '../analysis/scale.js';
import { fmtRho, fmtShareSig } from '../format/numbers.js';

/** Rows beyond this make the chart taller than a chat preview; the table keeps them all. */
const CHART_ROWS = 40;

export function bothPopularReply(db: Db, top: number | undefined, requested?: ScaleType): Reply {
  const s = requireBoth(db, ['forum', 'hub']);
  const paper = popularData(db, s.paper, top);
  const mined = popularData(db, s.mined, top);
  const paperTop = paper.rows.map((r) => r.model);
  const minedTop = mined.rows.map((r) => r.model);
  // The paper's list in its order, then what entered the mined top list.
  const models = [...paperTop, ...minedTop.filter((m) => !paperTop.includes(m))];
  const rows = models.map((model) => {
    const p = paper.lookup(model);
    const m = mined.lookup(model);
    return {
      model,
      paper: { rank: paper.rank.get(model) ?? null, forumShare: p.forumShare, hubShare: p.hubShare },
      mined: { rank: mined.rank.get(model) ?? null, forumShare: m.forumShare, hubShare: m.hubShare },
    };
  });
  const summary = (x: typeof paper) => ({
    top: x.top,
    rho: x.all.rho,
    p: x.all.p,
    hubTypes: x.hubTypes.length,
    window: x.window,
    coverage: x.share,
  });
  const ps = summary(paper);
  const ms = summary(mined);
  const hubCaveat = mined.window.from <= HUB_MIGRATION_MONTH;
  const entered = minedTop.filter((m) => !paperTop.includes(m));
  const left = paperTop.filter((m) => !minedTop.includes(m));
  const chartRows = rows.slice(0, CHART_ROWS);
  // As /popular: log when the drawn shares span 100-fold (the paper's bert 24.7% vs types at 0.03%).
  const scale = chooseScale(
    chartRows.flatMap((r) => [r.paper.forumShare, r.paper.hubShare, r.mined.forumShare, r.mined.hubShare]),
    requested,
  );
  const provenance = bothProvenance(
    db,
    s,
    ['forum', 'hub'],
    { from: [ps.window.from, ms.window.from].sort()[0]!, to: [ps.window.to, ms.window.to].sort()[1]! },
    ps.hubTypes + ms.hubTypes,
    [
      `every stored month of each source: paper ${ps.window.from}..${ps.window.to}, mined ${ms.window.from}..${ms.window.to}; n = Hub model types in the two correlations (${ps.hubTypes} + ${ms.hubTypes})`,
      ...(hubCaveat ? [msg.series.hubCaveat] : []),
    ].join('. '),
  );
  return {
    text: msg.series.popularBoth({
      paper: ps,
      mined: ms,
      headPaper: paperTop.slice(0, 4),
      headMined: minedTop.slice(0, 4),
      entered,
      left,
      hubCaveat,
    }),
    table: {
      columns: [
        'model',
        'paper rank',
        'mined rank',
        'paper forum share',
        'mined forum share',
        'paper Hub share',
        'mined Hub share',
      ],
      rows: rows.map((r) => [
        r.model,
        r.paper.rank,
        r.mined.rank,
        +r.paper.forumShare.toFixed(4),
        +r.mined.forumShare.toFixed(4),
        +r.paper.hubShare.toFixed(4),
        +r.mined.hubShare.toFixed(4),
      ]),
    },
    chart: popularBothSpec({
      rows: chartRows,
      scale: scale.type,
      subtitle: [
        `Spearman rho over all Hub types: paper ${fmtRho(ps.rho)} (${ps.window.from}..${ps.window.to}), mined ${fmtRho(ms.rho)} (${ms.window.from}..${ms.window.to})`,
        ...(rows.length > CHART_ROWS
          ? [`first ${CHART_ROWS} of ${rows.length} rows: the paper's top list, then newcomers`]
          : []),
        `Shares on a ${msg.series.scaleNote(scale, 'of the total', fmtShareSig)}`,
      ],
      datasetVersion: provenance.datasetVersion,
      source: `SANER 2024 replication package + ${s.mined.description}`,
    }),
    data: { source: 'both', paper: ps, mined: ms, entered, left, scale: scale.type, rows },
    provenance,
  };
}
