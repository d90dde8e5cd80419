/**
 * The mined series as rows, read from the running counts the triggers keep (schema/mined-series.ts):
 * a few thousand small rows whatever the size of the forum and the Hub, so a recompute with
 * nothing new costs milliseconds. Pure reads; `series.ts` decides whether to write them.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db.js';

export type Window = { first: string; last: string } | null;

export interface MinedSeriesRows {
  forum: [type: string, month: string, mentions: number][];
  hub: [type: string, month: string, uploads: number][];
  cards: [month: string, models: number, withCard: number][];
  types: [name: string, inForum: 0 | 1, inHub: 0 | 1][];
  windows: Record<'forum' | 'hub' | 'cards', Window>;
  topics: number;
  models: number;
  /** Changes with any row or window: the content part of the version id. */
  hash: string;
}

export function readMinedSeries(db: Db, validTypes: readonly string[]): MinedSeriesRows {
  const types = JSON.stringify(validTypes);
  const raw = <T>(sql: string, ...params: unknown[]) =>
    db
      .prepare(sql)
      .raw()
      .all(...params) as T[];
  // Only base model types Transformers recognises count (paper IV-B3); a topic counts once per type
  // in the month it was created (IV-C2).
  const forum = raw<MinedSeriesRows['forum'][number]>(
    `SELECT model_type, month, topics FROM mention_month_counts
     WHERE topics > 0 AND model_type IN (SELECT value FROM json_each(?)) ORDER BY 1, 2`,
    types,
  );
  const hub = raw<MinedSeriesRows['hub'][number]>(
    `SELECT model_type, month, models FROM hub_month_counts
     WHERE models > 0 AND month <> '' AND model_type IN (SELECT value FROM json_each(?)) ORDER BY 1, 2`,
    types,
  );
  // Card ratios are over every model, valid type or not, as in card_data_stats_months_created.csv.
  const cards = raw<MinedSeriesRows['cards'][number]>(
    `SELECT month, sum(models), sum(with_card) FROM hub_month_counts WHERE month <> ''
     GROUP BY month HAVING sum(models) > 0 ORDER BY 1`,
  );
  const inForum = new Set(forum.map((r) => r[0]));
  const inHub = new Set(hub.map((r) => r[0]));
  const typeRows = [...new Set(validTypes)]
    .sort()
    .map((t): MinedSeriesRows['types'][number] => [t, inForum.has(t) ? 1 : 0, inHub.has(t) ? 1 : 0]);
  // min/max by the created_at index: two index probes, not a scan.
  const f = db
    .prepare(
      'SELECT substr((SELECT min(created_at) FROM forum_topics), 1, 7) AS first, substr((SELECT max(created_at) FROM forum_topics), 1, 7) AS last',
    )
    .get() as { first: string | null; last: string | null };
  const hubWin: Window = cards.length ? { first: cards[0]![0], last: cards.at(-1)![0] } : null;
  const windows = { forum: f.first && f.last ? { first: f.first, last: f.last } : null, hub: hubWin, cards: hubWin };
  const h = createHash('sha256');
  for (const part of [forum, hub, cards, typeRows]) for (const row of part) h.update(JSON.stringify(row));
  h.update(JSON.stringify(windows));
  return {
    forum,
    hub,
    cards,
    types: typeRows,
    windows,
    topics: db.prepare('SELECT count(*) FROM forum_topics').pluck().get() as number,
    models: cards.reduce((a, c) => a + c[1], 0) + noMonthModels(db),
    hash: h.digest('hex').slice(0, 8),
  };
}

function noMonthModels(db: Db): number {
  return db.prepare("SELECT coalesce(sum(models), 0) FROM hub_month_counts WHERE month = ''").pluck().get() as number;
}
