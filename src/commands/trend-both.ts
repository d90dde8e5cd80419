/** /trend source:both: the paper's series and the mined ones side by side, both rho values and windows. */
import { msg } from '../messages/index.js';
import { trendOverlaySpec } from '../render/specs/trend-overlay.js';
import { bothProvenance, requireBoth } from './series-common.js';
import { modelEntry, modelTrend, requireModels, type ModelTrend } from './trend-common.js';
import { lineOf, statsLines, unionWindow } from './trend-multi.js';
import { monthRange } from '../analysis/months.js';
import { datasetVersion } from '../data/queries/dataset-info.js';
import type { Db } from '../data/db.js';
import type { Reply } from './types.js';

/** The Hub API's createdAt is 2022-03-02 for every older model, so mined months up to this one are not the paper's (README, Fresh data). */
export const HUB_MIGRATION_MONTH = '2022-03';

const entry = (t: ModelTrend) => ({
  ...modelEntry(t),
  windowRule: t.windowRule,
  paperRho: t.paperRho,
  ...(t.undefinedReason ? { undefinedReason: t.undefinedReason } : {}),
  ...(t.fullWindow ? { fullWindow: t.fullWindow } : {}),
});

export function bothTrendReply(
  db: Db,
  args: { model?: string | undefined; from?: string | undefined; to?: string | undefined },
): Reply {
  const s = requireBoth(db, ['forum', 'hub']);
  const models = requireModels(db, args.model ?? '', [s.paper, s.mined]);
  const pairs = models.map((m) => ({
    model: m,
    paper: modelTrend(db, s.paper, m, args, 'trend source:paper'),
    mined: modelTrend(db, s.mined, m, args, 'trend source:mined'),
  }));
  const all = pairs.flatMap((p) => [p.paper, p.mined]);
  const window = unionWindow(all);
  const hubCaveat = pairs.some((p) => p.mined.from <= HUB_MIGRATION_MONTH);
  const perSource = (k: 'paper' | 'mined') =>
    `${k} ${pairs.map((p) => `${p.model} ${p[k].from}..${p[k].to} (${p[k].n})`).join(', ')}`;
  const provenance = bothProvenance(
    db,
    s,
    ['forum', 'hub'],
    window,
    monthRange(window.from, window.to).length,
    [
      `n = months in the union of the windows; ${perSource('paper')}; ${perSource('mined')}`,
      ...(hubCaveat ? [msg.series.hubCaveat] : []),
    ].join('. '),
  );
  const names = models.join(', ');
  return {
    text: msg.series.trendBoth({
      models: pairs.map((p) => ({ model: p.model, paper: lineOf(p.paper), mined: lineOf(p.mined) })),
      minedLabel: s.mined.description,
      hubCaveat,
    }),
    table: {
      columns: ['source', 'model', 'month', 'forum mentions', 'Hub uploads'],
      rows: all.flatMap((t) => t.series.map((x) => [t.source, t.model, x.month, x.forum, x.hub])),
    },
    chart: trendOverlaySpec({
      lines: all.map((t) => ({ model: t.model, variant: t.source, points: t.series })),
      title: `${names}: the paper's series (solid) and the mined ones (dashed)`,
      stats: statsLines(
        all.map((t) => ({ label: `${t.model} ${t.source}`, t })),
        2,
      ),
      datasetVersion: provenance.datasetVersion,
      source: `SANER 2024 replication package + ${s.mined.description}`,
    }),
    data: {
      source: 'both',
      datasetVersions: { paper: datasetVersion(db), mined: s.mined.datasetVersion },
      from: window.from,
      to: window.to,
      models: pairs.map((p) => ({ model: p.model, paper: entry(p.paper), mined: entry(p.mined) })),
    },
    provenance,
  };
}
