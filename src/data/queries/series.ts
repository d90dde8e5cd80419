/** Reads of the monthly series (forum mentions, Hub uploads, model cards) of one source. */
import type { Db } from '../db.js';

export type SeriesName = 'forum' | 'hub' | 'cards';

export interface SeriesWindow {
  first: string;
  last: string;
  /** The last month was mined mid-month, so its count is incomplete. */
  partialLast: boolean;
}

export interface SeriesSource {
  source: string;
  datasetVersion: string;
  description: string;
  windows: Partial<Record<SeriesName, SeriesWindow>>;
}

export function seriesSource(db: Db, source: string): SeriesSource | null {
  const s = db.prepare('SELECT dataset_version, description FROM series_sources WHERE source = ?').get(source) as
    | { dataset_version: string; description: string }
    | undefined;
  if (!s) return null;
  const rows = db
    .prepare('SELECT series, first_month, last_month, partial_last FROM series_windows WHERE source = ?')
    .all(source) as { series: SeriesName; first_month: string; last_month: string; partial_last: number }[];
  const windows: SeriesSource['windows'] = {};
  for (const r of rows)
    windows[r.series] = { first: r.first_month, last: r.last_month, partialLast: r.partial_last === 1 };
  return { source, datasetVersion: s.dataset_version, description: s.description, windows };
}

const TABLES = {
  forum: { table: 'forum_mentions', col: 'mentions' },
  hub: { table: 'hub_uploads', col: 'uploads' },
} as const;

/** model type -> month -> count; absent months are zero. */
export function monthlyByModel(
  db: Db,
  series: 'forum' | 'hub',
  source: string,
  model?: string,
): Map<string, Map<string, number>> {
  const { table, col } = TABLES[series];
  const sql = `SELECT model_type AS m, month, ${col} AS n FROM ${table} WHERE source = ?${model ? ' AND model_type = ?' : ''}`;
  const rows = db.prepare(sql).all(...(model ? [source, model] : [source])) as {
    m: string;
    month: string;
    n: number;
  }[];
  const out = new Map<string, Map<string, number>>();
  for (const r of rows) {
    let byMonth = out.get(r.m);
    if (!byMonth) {
      byMonth = new Map();
      out.set(r.m, byMonth);
    }
    byMonth.set(r.month, r.n);
  }
  return out;
}

/** Totals per model type over every stored month of the series. */
export function totalsByModel(db: Db, series: 'forum' | 'hub', source: string): Map<string, number> {
  const { table, col } = TABLES[series];
  const rows = db
    .prepare(`SELECT model_type AS m, sum(${col}) AS n FROM ${table} WHERE source = ? GROUP BY model_type`)
    .all(source) as { m: string; n: number }[];
  return new Map(rows.map((r) => [r.m, r.n]));
}

export interface CardMonth {
  month: string;
  models: number;
  withCard: number;
}

export function cardMonths(db: Db, source: string, from: string, to: string): CardMonth[] {
  return db
    .prepare(
      'SELECT month, models, with_card AS withCard FROM card_stats WHERE source = ? AND month BETWEEN ? AND ? ORDER BY month',
    )
    .all(source, from, to) as CardMonth[];
}

/** Names of the replication-package files behind each series (source_files holds them). */
export const PAPER_FILES: Record<SeriesName, string> = {
  forum: 'Forums_Model_Mentions_Over_Time.csv',
  hub: 'Hub_Model_Types_Over_Time_Created.csv',
  cards: 'card_data_stats_months_created.csv',
};
