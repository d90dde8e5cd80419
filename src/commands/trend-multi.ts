/** /trend with several model types: the package's mentions_time.pdf and hub_types_time_created.pdf. */
import { msg } from '../messages/index.js';
import { fmtPIs, fmtRho } from '../format/numbers.js';
import { trendOverlaySpec } from '../render/specs/trend-overlay.js';
import { seriesProvenance, sourceLabel } from './series-common.js';
import { modelEntry, type ModelTrend } from './trend-common.js';
import { monthRange } from '../analysis/months.js';
import type { SeriesSource } from '../data/queries/series.js';
import type { Db } from '../data/db.js';
import type { Reply } from './types.js';

export const lineOf = (t: ModelTrend) => ({
  from: t.from,
  to: t.to,
  n: t.n,
  rho: t.rho,
  p: t.p,
  reason: t.undefinedReason,
  paperRho: t.paperRho,
});

/** "bert: rho -0.4663 (p 0.005, 35 mo)", `per` to a subtitle line so the PNG stays under 1600 px wide. */
export function statsLines(items: { label: string; t: ModelTrend }[], per = 3): string[] {
  const one = ({ label, t }: { label: string; t: ModelTrend }) =>
    t.rho === null ? `${label}: rho undefined` : `${label}: rho ${fmtRho(t.rho)} (${fmtPIs(t.p)}, ${t.n} mo)`;
  const lines: string[] = [];
  for (let i = 0; i < items.length; i += per)
    lines.push(
      items
        .slice(i, i + per)
        .map(one)
        .join(' · '),
    );
  return lines;
}

export function unionWindow(ts: readonly ModelTrend[]): { from: string; to: string } {
  return {
    from: ts.map((t) => t.from).reduce((a, b) => (a < b ? a : b)),
    to: ts.map((t) => t.to).reduce((a, b) => (a > b ? a : b)),
  };
}

export function multiTrendReply(db: Db, src: SeriesSource, ts: ModelTrend[], scale?: 'log' | 'linear'): Reply {
  const label = sourceLabel(src);
  const window = unionWindow(ts);
  const months = monthRange(window.from, window.to).length;
  const provenance = seriesProvenance(
    db,
    src,
    ['forum', 'hub'],
    window,
    months,
    `n = months in the union of the windows; per model: ${ts.map((t) => `${t.model} ${t.from}..${t.to} (${t.n})`).join(', ')}`,
  );
  const partial = ts.find((t) => t.partialLast)?.to ?? null;
  return {
    text: msg.series.trendMulti({
      source: label,
      models: ts.map((t) => ({ model: t.model, ...lineOf(t) })),
      partial,
    }),
    table: {
      columns: ['model', 'month', 'forum mentions', 'Hub uploads'],
      rows: ts.flatMap((t) => t.series.map((s) => [t.model, s.month, s.forum, s.hub])),
    },
    chart: trendOverlaySpec({
      lines: ts.map((t) => ({ model: t.model, points: t.series })),
      title: `Forum mentions and Hub uploads per month: ${ts.map((t) => t.model).join(', ')}`,
      stats: statsLines(ts.map((t) => ({ label: t.model, t }))),
      ...(scale ? { scale } : {}),
      datasetVersion: provenance.datasetVersion,
      source: label,
    }),
    data: {
      source: src.source,
      from: window.from,
      to: window.to,
      models: ts.map((t) => ({
        ...modelEntry(t),
        windowRule: t.windowRule,
        paperRho: t.paperRho,
        ...(t.undefinedReason ? { undefinedReason: t.undefinedReason } : {}),
      })),
    },
    provenance,
  };
}
