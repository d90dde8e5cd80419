/**
 * Recomputes the 'mined' rows of the series tables the commands read (forum_mentions,
 * hub_uploads, card_stats, model_types, series_windows, series_sources) from the running counts
 * of the mined file, in one transaction: /trend, /popular, /cards see the old numbers or the new
 * ones, never a mix. The version id is content-derived, like the paper's: same counts, same
 * version, and then nothing is written at all (issue 17 item 3: a recompute with nothing new).
 */
import type { Db } from '../db.js';
import { minedSchema } from '../mined-file.js';
import { readMinedSeries, type MinedSeriesRows } from './series-rows.js';

export const MINED = 'mined';

export interface DerivedSeries {
  version: string;
  topics: number;
  mentions: number;
  models: number;
  validModels: number;
  windows: MinedSeriesRows['windows'];
  /** False when the counts were those already stored: the version and every row stayed. */
  changed: boolean;
}

export interface DeriveSeriesOptions {
  /** Called inside the write transaction before it commits (tests and benchmarks hold it open). */
  beforeCommit?: () => void;
}

const sum = (rows: readonly (readonly [string, string, number])[]) => rows.reduce((a, r) => a + r[2], 0);

export function deriveSeries(
  db: Db,
  validTypes: readonly string[],
  now: () => Date,
  opts: DeriveSeriesOptions = {},
): DerivedSeries {
  // On a serving connection the mined series are in the attached file; the names the commands read
  // are views there, so writes name the schema.
  const s = minedSchema(db);
  const month = now().toISOString().slice(0, 7);
  // IMMEDIATE: the write lock is taken before reading, so no other writer commits in between.
  return db
    .transaction((): DerivedSeries => {
      const r = readMinedSeries(db, validTypes);
      const description = `Mined from the HuggingFace Forums and Hub: ${r.topics} topics (${sum(r.forum)} model mentions), ${r.models} models (${sum(r.hub)} of a valid base type)`;
      const out = {
        topics: r.topics,
        mentions: sum(r.forum),
        models: r.models,
        validModels: sum(r.hub),
        windows: r.windows,
      };
      const partial = (w: { last: string } | null) => (w && w.last >= month ? 1 : 0);
      const stored = db
        .prepare(`SELECT dataset_version, description FROM ${s}.series_sources WHERE source = ?`)
        .get(MINED) as { dataset_version: string; description: string } | undefined;
      const storedPartial = db
        .prepare(
          `SELECT group_concat(series || partial_last) FROM (SELECT * FROM ${s}.series_windows WHERE source = ? ORDER BY series)`,
        )
        .pluck()
        .get(MINED) as string | null;
      const wantPartial = (['cards', 'forum', 'hub'] as const)
        .filter((k) => r.windows[k])
        .map((k) => `${k}${partial(r.windows[k])}`)
        .join(',');
      if (
        stored?.dataset_version.endsWith(`-${r.hash}`) &&
        stored.description === description &&
        (storedPartial ?? '') === wantPartial
      ) {
        opts.beforeCommit?.();
        return { version: stored.dataset_version, ...out, changed: false };
      }
      for (const t of ['forum_mentions', 'hub_uploads', 'card_stats', 'model_types', 'series_windows'])
        db.prepare(`DELETE FROM ${s}.${t} WHERE source = ?`).run(MINED);
      const ins = (sql: string, rows: readonly (readonly unknown[])[]) => {
        const st = db.prepare(sql);
        for (const row of rows) st.run(MINED, ...row);
      };
      ins(`INSERT INTO ${s}.forum_mentions (source, model_type, month, mentions) VALUES (?, ?, ?, ?)`, r.forum);
      ins(`INSERT INTO ${s}.hub_uploads (source, model_type, month, uploads) VALUES (?, ?, ?, ?)`, r.hub);
      ins(`INSERT INTO ${s}.card_stats (source, month, models, with_card) VALUES (?, ?, ?, ?)`, r.cards);
      ins(`INSERT INTO ${s}.model_types (source, name, in_forum, in_hub) VALUES (?, ?, ?, ?)`, r.types);
      ins(
        `INSERT INTO ${s}.series_windows (source, series, first_month, last_month, partial_last) VALUES (?, ?, ?, ?, ?)`,
        (['forum', 'hub', 'cards'] as const).flatMap((k) => {
          const w = r.windows[k];
          return w ? [[k, w.first, w.last, partial(w)]] : [];
        }),
      );
      const version = `mined-${now().toISOString().slice(0, 10)}-${r.hash}`;
      db.prepare(`INSERT INTO ${s}.series_sources (source, dataset_version, description, built_at) VALUES (?, ?, ?, ?)
        ON CONFLICT(source) DO UPDATE SET dataset_version = excluded.dataset_version, description = excluded.description, built_at = excluded.built_at`).run(
        MINED,
        version,
        description,
        now().toISOString(),
      );
      opts.beforeCommit?.();
      return { version, ...out, changed: true };
    })
    .immediate();
}
