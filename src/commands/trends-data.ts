/**
 * The per-type tests behind /trends and the paper's "top 90%" heads, memoised per dataset:
 * rows depend only on the series content, and every source's dataset version is a hash of that
 * content, so (source, version, window) is a safe cache key (a recount gets a new version). The
 * cache keeps /trends (about 145 Spearman tests) off the hot path of repeated questions.
 */
import type { Db } from '../data/db.js';
import { modelTypes } from '../data/queries/model-types.js';
import { monthlyByModel, totalsByModel } from '../data/queries/series.js';
import { firstAppearance, paperWindowFor, trend } from '../analysis/trend.js';
import { headNames } from '../analysis/popular.js';
import type { TestedTrend } from '../analysis/trend-readings.js';

export interface TrendsData {
  types: { name: string }[];
  tested: TestedTrend[];
  /** Types in the top 90% of all forum mentions / all Hub models (every stored month, as Fig. 3). */
  head: { forum: Set<string>; hub: Set<string> };
}

const memo = new WeakMap<Db, Map<string, TrendsData>>();

export function trendsData(db: Db, source: string, version: string, win: { from: string; to: string }): TrendsData {
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
  const tested: TestedTrend[] = [];
  for (const { name } of types) {
    const f = forum.get(name);
    const h = hub.get(name);
    const from = paperWindowFor(win.from, win.to, firstAppearance(f, h)).from;
    const t = trend(f, h, from, win.to);
    if (t.rho === null || t.p === null) continue;
    const sum = (k: 'forum' | 'hub') => t.series.reduce((s, x) => s + x[k], 0);
    const nonZero = (k: 'forum' | 'hub') => t.series.filter((x) => x[k] > 0).length;
    tested.push({
      model: name,
      rho: t.rho,
      p: t.p,
      n: t.n,
      from,
      forumMentions: sum('forum'),
      hubUploads: sum('hub'),
      forumMonths: nonZero('forum'),
      hubMonths: nonZero('hub'),
    });
  }
  const head = {
    forum: headNames(totalsByModel(db, 'forum', source), 0.9),
    hub: headNames(totalsByModel(db, 'hub', source), 0.9),
  };
  const result = { types, tested, head };
  perDb.set(key, result);
  return result;
}
