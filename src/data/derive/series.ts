/**
 * Recomputes the 'mined' rows of the series tables the commands read (forum_mentions,
 * hub_uploads, card_stats, model_types, series_windows, series_sources) from the mined tables,
 * in one transaction: /trend, /popular, /cards see the old numbers or the new ones, never a mix.
 * The version id is content-derived, like the paper's: same counts, same version.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db.js';

export const MINED = 'mined';

export interface DerivedSeries {
  version: string;
  topics: number;
  mentions: number;
  models: number;
  validModels: number;
  windows: Record<'forum' | 'hub' | 'cards', { first: string; last: string } | null>;
}

export function deriveSeries(db: Db, validTypes: readonly string[], now: () => Date): DerivedSeries {
  const types = JSON.stringify(validTypes);
  const month = now().toISOString().slice(0, 7);
  return db.transaction((): DerivedSeries => {
    for (const t of ['forum_mentions', 'hub_uploads', 'card_stats', 'model_types', 'series_windows'])
      db.prepare(`DELETE FROM ${t} WHERE source = ?`).run(MINED);
    // A topic's mentions count in the month it was created (paper IV-C2); one per topic and type.
    db.prepare(`INSERT INTO forum_mentions (source, model_type, month, mentions)
      SELECT ?, m.model_type, substr(t.created_at, 1, 7), count(*) FROM mention_matches m JOIN forum_topics t ON t.id = m.topic_id
      WHERE m.status IN ('auto', 'accepted') AND m.model_type IN (SELECT value FROM json_each(?)) GROUP BY 2, 3`).run(
      MINED,
      types,
    );
    // Only base model types Transformers recognises count (paper IV-B3).
    db.prepare(`INSERT INTO hub_uploads (source, model_type, month, uploads)
      SELECT ?, model_type, created_month, count(*) FROM hub_models
      WHERE created_month IS NOT NULL AND model_type IN (SELECT value FROM json_each(?)) GROUP BY 2, 3`).run(
      MINED,
      types,
    );
    // Card ratios are over every model, valid type or not, as in card_data_stats_months_created.csv.
    db.prepare(`INSERT INTO card_stats (source, month, models, with_card)
      SELECT ?, created_month, count(*), sum(has_card) FROM hub_models WHERE created_month IS NOT NULL GROUP BY 2`).run(
      MINED,
    );
    db.prepare(`INSERT INTO model_types (source, name, in_forum, in_hub)
      SELECT ?, value, EXISTS (SELECT 1 FROM forum_mentions f WHERE f.source = ? AND f.model_type = value),
        EXISTS (SELECT 1 FROM hub_uploads h WHERE h.source = ? AND h.model_type = value) FROM json_each(?)`).run(
      MINED,
      MINED,
      MINED,
      types,
    );
    const forumWin = db
      .prepare('SELECT min(substr(created_at, 1, 7)) AS first, max(substr(created_at, 1, 7)) AS last FROM forum_topics')
      .get() as { first: string | null; last: string | null };
    const hubWin = db
      .prepare(
        'SELECT min(created_month) AS first, max(created_month) AS last FROM hub_models WHERE created_month IS NOT NULL',
      )
      .get() as { first: string | null; last: string | null };
    const win = db.prepare(
      'INSERT INTO series_windows (source, series, first_month, last_month, partial_last) VALUES (?, ?, ?, ?, ?)',
    );
    const windows: DerivedSeries['windows'] = { forum: null, hub: null, cards: null };
    for (const [series, w] of [
      ['forum', forumWin],
      ['hub', hubWin],
      ['cards', hubWin],
    ] as const) {
      if (!w.first || !w.last) continue;
      win.run(MINED, series, w.first, w.last, w.last >= month ? 1 : 0);
      windows[series] = { first: w.first, last: w.last };
    }
    const h = createHash('sha256');
    for (const sql of [
      'SELECT model_type, month, mentions FROM forum_mentions WHERE source = ? ORDER BY 1, 2',
      'SELECT model_type, month, uploads FROM hub_uploads WHERE source = ? ORDER BY 1, 2',
      'SELECT month, models, with_card FROM card_stats WHERE source = ? ORDER BY 1',
      'SELECT name, in_forum, in_hub FROM model_types WHERE source = ? ORDER BY 1',
    ])
      for (const row of db.prepare(sql).raw().iterate(MINED)) h.update(JSON.stringify(row));
    const version = `mined-${now().toISOString().slice(0, 10)}-${h.digest('hex').slice(0, 8)}`;
    const count = (sql: string, ...p: unknown[]) =>
      db
        .prepare(sql)
        .pluck()
        .get(...p) as number;
    const out: DerivedSeries = {
      version,
      topics: count('SELECT count(*) FROM forum_topics'),
      mentions: count('SELECT coalesce(sum(mentions), 0) FROM forum_mentions WHERE source = ?', MINED),
      models: count('SELECT count(*) FROM hub_models'),
      validModels: count('SELECT coalesce(sum(uploads), 0) FROM hub_uploads WHERE source = ?', MINED),
      windows,
    };
    const description = `Mined from the HuggingFace Forums and Hub: ${out.topics} topics (${out.mentions} model mentions), ${out.models} models (${out.validModels} of a valid base type)`;
    db.prepare(`INSERT INTO series_sources (source, dataset_version, description, built_at) VALUES (?, ?, ?, ?)
      ON CONFLICT(source) DO UPDATE SET dataset_version = excluded.dataset_version, description = excluded.description, built_at = excluded.built_at`).run(
      MINED,
      version,
      description,
      now().toISOString(),
    );
    return out;
  })();
}
