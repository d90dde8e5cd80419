import { defineCommand } from './types.js';
import type { Db } from '../data/db.js';
import { opt } from './options.js';
import { msg } from '../messages/index.js';
import { modelTypes } from '../data/queries/model-types.js';
import { monthlyByModel } from '../data/queries/series.js';
import { firstAppearance, paperWindowFor, trend } from '../analysis/trend.js';
import { benjaminiHochberg } from '../analysis/fdr.js';
import { trendsSpec } from '../render/specs/trends.js';
import {
  checkWindow,
  commonWindow,
  requireSource,
  seriesProvenance,
  sourceLabel,
  sourceOption,
} from './series-common.js';
import { PAPER_WINDOW } from './trend-common.js';
import { bothTrendsReply } from './trends-both.js';
import type { SeriesSource } from '../data/queries/series.js';

/** Bars beyond this make the chart too tall for a chat preview; the strongest are kept. */
const CHART_ROWS = 40;

export const trends = defineCommand({
  definition: {
    name: 'trends',
    description: 'Table III for every model type: Spearman rho of forum mentions vs Hub uploads, with BH q-values',
    options: {
      significant: opt.boolean({ description: 'Only model types significant at q < 0.05', default: false }),
      sort: opt.choice({
        description: 'Order rows by rho (most negative first) or by p-value',
        choices: ['rho', 'p'] as const,
        default: 'rho',
      }),
      source: sourceOption(),
    },
    examples: ['/trends', '/trends significant:true', '/trends sort:p', '/trends source:both'],
  },
  execute(ctx) {
    const db = ctx.services.db;
    // sourceTrends is handed over rather than imported there: trends-both must not import this file back.
    if (ctx.args.source === 'both') return bothTrendsReply(db, sourceTrends);
    const src = requireSource(db, ctx.args.source ?? 'paper', ['forum', 'hub']);
    const { win, types, tested, all } = sourceTrends(db, src);
    const sig = all.filter((r) => r.q < 0.05);
    const rows = (ctx.args.significant ? sig : all).sort(
      (a, b) => (ctx.args.sort === 'p' ? a.p - b.p : a.rho - b.rho) || a.model.localeCompare(b.model),
    );
    const bySize = [...sig].sort((a, b) => Math.abs(b.rho) - Math.abs(a.rho));
    const strongest = [...bySize.filter((r) => r.rho < 0).slice(0, 3), ...bySize.filter((r) => r.rho > 0).slice(0, 3)];
    const label = sourceLabel(src);
    const provenance = seriesProvenance(
      db,
      src,
      ['forum', 'hub'],
      win,
      tested.length,
      "n = model types tested; each series runs from the later of the window start and the model's first appearance",
    );
    const charted = [...rows].sort((a, b) => Math.abs(b.rho) - Math.abs(a.rho)).slice(0, CHART_ROWS);
    const subtitle = `${win.from}..${win.to}; ${charted.length < rows.length ? `the ${charted.length} strongest of ${rows.length}` : `${rows.length} model types`}; BH q over ${tested.length} tested`;
    return {
      text: msg.series.trends({
        source: label,
        from: win.from,
        to: win.to,
        types: types.length,
        tested: tested.length,
        sigQ: sig.length,
        sigP: all.filter((r) => r.p < 0.05).length,
        strongest,
      }),
      table: {
        columns: ['model', 'rho', 'p', 'q', 'forum mentions', 'Hub uploads', 'from'],
        rows: rows.map((r) => [
          r.model,
          +r.rho.toFixed(4),
          +r.p.toPrecision(3),
          +r.q.toPrecision(3),
          r.forumMentions,
          r.hubUploads,
          r.from,
        ]),
      },
      chart: trendsSpec({ rows: charted, subtitle, datasetVersion: provenance.datasetVersion, source: label }),
      data: {
        source: src.source,
        from: win.from,
        to: win.to,
        types: types.length,
        tested: tested.length,
        significant: sig.length,
        rows,
      },
      provenance,
    };
  },
});

/** Table III over one source's window: every type in both series tested, with BH q over those tested. */
export function sourceTrends(db: Db, src: SeriesSource) {
  const avail = commonWindow(src, ['forum', 'hub']);
  const win = src.source === 'paper' ? { ...PAPER_WINDOW } : { from: avail.first, to: avail.lastFull };
  checkWindow('trends', win.from, win.to, avail.first, avail.last);
  const { types, tested } = testedTrends(db, src.source, src.datasetVersion, win);
  const q = benjaminiHochberg(tested.map((t) => t.p));
  return { win, types, tested, all: tested.map((t, i) => ({ ...t, q: q[i]! })) };
}

type Tested = {
  model: string;
  rho: number;
  p: number;
  n: number;
  from: string;
  forumMentions: number;
  hubUploads: number;
};

/**
 * Rows depend only on the series content, and every source's dataset version is a hash of
 * that content, so (source, version, window) is a safe cache key: a recount gets a new version.
 * The cache keeps /trends (about 145 Spearman tests) off the hot path of repeated questions.
 */
const memo = new WeakMap<Db, Map<string, { types: { name: string }[]; tested: Tested[] }>>();

function testedTrends(
  db: Db,
  source: string,
  version: string,
  win: { from: string; to: string },
): { types: { name: string }[]; tested: Tested[] } {
  const key = `${source}|${version}|${win.from}|${win.to}`;
  let perDb = memo.get(db);
  if (!perDb) {
    perDb = new Map();
    memo.set(db, perDb);
  }
  const hit = perDb.get(key);
  if (hit) return hit;
  const forum = monthlyByModel(db, 'forum', source);
  const hub = monthlyByModel(db, 'hub', source);
  const types = modelTypes(db, source).filter((m) => m.inForum && m.inHub);
  const tested: Tested[] = [];
  for (const { name } of types) {
    const f = forum.get(name);
    const h = hub.get(name);
    const from = paperWindowFor(win.from, win.to, firstAppearance(f, h)).from;
    const t = trend(f, h, from, win.to);
    if (t.rho === null || t.p === null) continue;
    const sum = (k: 'forum' | 'hub') => t.series.reduce((s, x) => s + x[k], 0);
    tested.push({ model: name, rho: t.rho, p: t.p, n: t.n, from, forumMentions: sum('forum'), hubUploads: sum('hub') });
  }
  const result = { types, tested };
  perDb.set(key, result);
  return result;
}
