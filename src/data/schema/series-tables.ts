/**
 * The monthly series every series command reads, one row per (source, ...). The same tables exist
 * in both files: the paper's rows (source 'paper') in the dataset file that `hfbot ingest` rebuilds,
 * the mined rows (source 'mined') in the mined file beside it. A serving connection reads the two
 * as one through temporary views of the same names (`src/data/mined-file.ts`), so queries stay
 * `FROM forum_mentions WHERE source = ?` whichever file holds the rows.
 */
export const SERIES_TABLES = [
  'forum_mentions',
  'hub_uploads',
  'card_stats',
  'model_types',
  'series_windows',
  'series_sources',
] as const;

export const SERIES_DDL = `
CREATE TABLE IF NOT EXISTS forum_mentions (
  source TEXT NOT NULL, model_type TEXT NOT NULL, month TEXT NOT NULL, mentions INTEGER NOT NULL,
  PRIMARY KEY (source, model_type, month)
);
CREATE TABLE IF NOT EXISTS hub_uploads (
  source TEXT NOT NULL, model_type TEXT NOT NULL, month TEXT NOT NULL, uploads INTEGER NOT NULL,
  PRIMARY KEY (source, model_type, month)
);
CREATE TABLE IF NOT EXISTS card_stats (
  source TEXT NOT NULL, month TEXT NOT NULL, models INTEGER NOT NULL, with_card INTEGER NOT NULL,
  PRIMARY KEY (source, month)
);
-- Model types known to each series (a type with no mentions in any month still counts).
CREATE TABLE IF NOT EXISTS model_types (
  source TEXT NOT NULL, name TEXT NOT NULL, in_forum INTEGER NOT NULL DEFAULT 0, in_hub INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (source, name)
);
-- The months each series covers; partial_last marks a last month that was mined mid-month.
CREATE TABLE IF NOT EXISTS series_windows (
  source TEXT NOT NULL, series TEXT NOT NULL CHECK (series IN ('forum', 'hub', 'cards')),
  first_month TEXT NOT NULL, last_month TEXT NOT NULL, partial_last INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (source, series)
);
-- Which series exist per source, and the version that produced them.
CREATE TABLE IF NOT EXISTS series_sources (
  source TEXT PRIMARY KEY, dataset_version TEXT NOT NULL, description TEXT NOT NULL, built_at TEXT NOT NULL
);
`;
