/**
 * What a refresh announcement compares: the mined numbers before and after. Read from the
 * derived tables, so "before" is simply the state the last refresh left.
 */
import type { Db } from '../data/db.js';
import { monthlyByModel, seriesSource } from '../data/queries/series.js';
import { trend } from '../analysis/trend.js';
import { addMonths } from '../analysis/months.js';
import { MINED } from '../data/derive/series.js';

export interface Snapshot {
  version: string | null;
  topics: number;
  models: number;
  categories: Map<string, number>;
  /** Spearman rho of forum mentions vs Hub uploads per month, for the most mentioned types. */
  rhos: Map<string, { rho: number | null; p: number | null; n: number }>;
  cardRatio: number | null;
  pending: number;
  window: { from: string; to: string } | null;
}

const TOP_TYPES = 12;

export function takeSnapshot(db: Db): Snapshot {
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;
  const topics = count('SELECT count(*) FROM forum_topics');
  const catRows = db
    .prepare("SELECT coalesce(category, '(none)') AS c, count(*) AS n FROM forum_topics GROUP BY 1")
    .all() as { c: string; n: number }[];
  const categories = new Map(catRows.map((r) => [r.c, topics ? r.n / topics : 0]));
  const src = seriesSource(db, MINED);
  const card = db
    .prepare('SELECT sum(with_card) AS w, sum(models) AS m FROM card_stats WHERE source = ?')
    .get(MINED) as { w: number | null; m: number | null };
  const snap: Snapshot = {
    version: src?.datasetVersion ?? null,
    topics,
    models: count('SELECT count(*) FROM hub_models'),
    categories,
    rhos: new Map(),
    cardRatio: card.m ? (card.w ?? 0) / card.m : null,
    pending: count("SELECT count(*) FROM mention_matches WHERE status = 'pending'"),
    window: null,
  };
  const f = src?.windows.forum;
  const h = src?.windows.hub;
  if (!f || !h) return snap;
  // Both series over the months they share, leaving out a month mined mid-way.
  const from = f.first > h.first ? f.first : h.first;
  const lastF = f.partialLast ? addMonths(f.last, -1) : f.last;
  const lastH = h.partialLast ? addMonths(h.last, -1) : h.last;
  const to = lastF < lastH ? lastF : lastH;
  if (from > to) return snap;
  snap.window = { from, to };
  const forum = monthlyByModel(db, 'forum', MINED);
  const hub = monthlyByModel(db, 'hub', MINED);
  const top = [...forum.entries()]
    .map(([t, m]) => [t, [...m.values()].reduce((a, b) => a + b, 0)] as const)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, TOP_TYPES);
  for (const [type] of top) {
    const r = trend(forum.get(type), hub.get(type), from, to);
    snap.rhos.set(type, { rho: r.rho, p: r.p, n: r.n });
  }
  return snap;
}
