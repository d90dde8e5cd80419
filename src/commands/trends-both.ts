/** /trends source:both: Table III over the paper's window beside the same tests over the mined data. */
import { msg } from '../messages/index.js';
import { coefCell, pCell } from '../format/numbers.js';
import { PAPER_TABLE_III } from '../analysis/trend.js';
import { trendsBothSpec } from '../render/specs/trends-both.js';
import { bothProvenance, requireBoth } from './series-common.js';
import { HUB_MIGRATION_MONTH } from './trend-both.js';
import type { SeriesSource } from '../data/queries/series.js';
import type { Db } from '../data/db.js';
import type { Reply } from './types.js';

export interface TrendsRow {
  model: string;
  rho: number;
  p: number;
  q: number;
  n: number;
  from: string;
}
export type SourceTrends = (
  db: Db,
  src: SeriesSource,
) => { win: { from: string; to: string }; types: unknown[]; all: TrendsRow[] };

/** Table III's models first (in its order), then the strongest of the rest; keeps the chart phone-tall. */
const CHART_ROWS = 30;

const side = (r: TrendsRow | undefined) => (r ? { rho: r.rho, p: r.p, q: r.q, n: r.n, from: r.from } : null);

export function bothTrendsReply(db: Db, sourceTrends: SourceTrends): Reply {
  const s = requireBoth(db, ['forum', 'hub']);
  const paper = sourceTrends(db, s.paper);
  const mined = sourceTrends(db, s.mined);
  const pm = new Map(paper.all.map((r) => [r.model, r]));
  const mm = new Map(mined.all.map((r) => [r.model, r]));
  const models = [...new Set([...pm.keys(), ...mm.keys()])];
  const rows = models
    .map((model) => ({ model, paper: side(pm.get(model)), mined: side(mm.get(model)) }))
    .sort((a, b) => (a.paper?.rho ?? a.mined!.rho) - (b.paper?.rho ?? b.mined!.rho) || a.model.localeCompare(b.model));
  const both = rows.filter((r) => r.paper && r.mined);
  const sig = (x: { q: number } | null) => x !== null && x.q < 0.05;
  const sameSign = both.filter((r) => Math.sign(r.paper!.rho) === Math.sign(r.mined!.rho)).length;
  const sigBoth = both.filter((r) => sig(r.paper) && sig(r.mined));
  const flipped = sigBoth.filter((r) => Math.sign(r.paper!.rho) !== Math.sign(r.mined!.rho)).map((r) => r.model);
  const tableIII = Object.keys(PAPER_TABLE_III).map((model) => ({
    model,
    paper: pm.get(model)?.rho ?? null,
    mined: mm.get(model)?.rho ?? null,
  }));
  const inTableIII = new Set(Object.keys(PAPER_TABLE_III));
  const rest = both
    .filter((r) => !inTableIII.has(r.model))
    .sort(
      (a, b) =>
        Math.max(Math.abs(b.paper!.rho), Math.abs(b.mined!.rho)) -
        Math.max(Math.abs(a.paper!.rho), Math.abs(a.mined!.rho)),
    );
  const charted = new Set([...inTableIII, ...rest.map((r) => r.model)].slice(0, CHART_ROWS));
  const hubCaveat = mined.win.from <= HUB_MIGRATION_MONTH;
  const summary = (k: 'paper' | 'mined', x: typeof paper) => ({
    source: k,
    from: x.win.from,
    to: x.win.to,
    types: x.types.length,
    tested: x.all.length,
    significant: x.all.filter((r) => r.q < 0.05).length,
  });
  const ps = summary('paper', paper);
  const ms = summary('mined', mined);
  const provenance = bothProvenance(
    db,
    s,
    ['forum', 'hub'],
    { from: [ps.from, ms.from].sort()[0]!, to: [ps.to, ms.to].sort()[1]! },
    both.length,
    [
      `n = model types tested in both; paper ${ps.from}..${ps.to} (${ps.tested} tested), mined ${ms.from}..${ms.to} (${ms.tested} tested); each series from the model's first appearance`,
      ...(hubCaveat ? [msg.series.hubCaveat] : []),
    ].join('. '),
  );
  return {
    text: msg.series.trendsBoth({
      paper: ps,
      mined: ms,
      both: both.length,
      sameSign,
      sigBoth: sigBoth.length,
      flipped,
      tableIII,
      hubCaveat,
    }),
    table: {
      columns: ['model', 'paper rho', 'paper q', 'paper from', 'mined rho', 'mined q', 'mined from'],
      rows: rows.map((r) => [
        r.model,
        r.paper ? coefCell(r.paper.rho) : null,
        r.paper ? pCell(r.paper.q) : null,
        r.paper?.from ?? null,
        r.mined ? coefCell(r.mined.rho) : null,
        r.mined ? pCell(r.mined.q) : null,
        r.mined?.from ?? null,
      ]),
    },
    chart: trendsBothSpec({
      rows: rows
        .filter((r) => charted.has(r.model) && (r.paper || r.mined))
        .map((r) => ({ model: r.model, paper: r.paper?.rho ?? null, mined: r.mined?.rho ?? null })),
      subtitle: `paper ${ps.from}..${ps.to}, mined ${ms.from}..${ms.to}; Table III's eight and the strongest others (${Math.min(charted.size, rows.length)} of ${rows.length})`,
      datasetVersion: provenance.datasetVersion,
      source: `SANER 2024 replication package + ${s.mined.description}`,
    }),
    data: {
      source: 'both',
      paper: ps,
      mined: ms,
      testedBoth: both.length,
      sameSign,
      significantBoth: sigBoth.length,
      flipped,
      rows,
    },
    provenance,
  };
}
