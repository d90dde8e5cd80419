import { SERIES_DDL } from './series-tables.js';
import type { SchemaModule } from './types.js';

/** Tables built from the replication package (source = 'paper'), in the dataset file `hfbot ingest` rebuilds. */
export const datasetSchema: SchemaModule = {
  name: 'dataset',
  file: 'main',
  ddl: `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS source_files (
  name TEXT PRIMARY KEY, sha256 TEXT NOT NULL, bytes INTEGER NOT NULL, rows INTEGER NOT NULL
);
-- Table I categories: code is C1..C17 / B1..B6 in Table I order.
CREATE TABLE IF NOT EXISTS taxonomy (
  code TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('challenge', 'benefit')),
  position INTEGER NOT NULL,
  category TEXT NOT NULL,
  category_raw TEXT NOT NULL,
  published_count INTEGER NOT NULL,
  UNIQUE (kind, position)
);
-- One row per codebook line: a subcategory, or the category itself when it has none.
CREATE TABLE IF NOT EXISTS codebook (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL REFERENCES taxonomy(code),
  subcategory TEXT,
  subcategory_raw TEXT,
  definition TEXT NOT NULL,
  example_topic INTEGER,
  example_quote TEXT,
  source_line INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS forum_categories (
  name TEXT PRIMARY KEY,
  level TEXT CHECK (level IN ('beginner', 'intermediate'))
);
CREATE TABLE IF NOT EXISTS topics (
  id INTEGER PRIMARY KEY,
  forum_category TEXT NOT NULL REFERENCES forum_categories(name),
  forum_category_raw TEXT NOT NULL,
  url TEXT NOT NULL,
  in_codes INTEGER NOT NULL DEFAULT 0,
  in_root_causes INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS codes (
  id INTEGER PRIMARY KEY,
  topic_id INTEGER NOT NULL REFERENCES topics(id),
  forum_category_raw TEXT NOT NULL,
  code TEXT NOT NULL,
  description TEXT,
  source_line INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS codes_topic ON codes(topic_id);
-- 72 root causes over 70 topics: T26596 and T31171 each hold two accepted questions.
CREATE TABLE IF NOT EXISTS root_causes (
  id INTEGER PRIMARY KEY,
  topic_id INTEGER NOT NULL REFERENCES topics(id),
  category_code TEXT REFERENCES taxonomy(code),
  category_raw TEXT NOT NULL,
  subcategory_raw TEXT NOT NULL,
  forum_category_raw TEXT NOT NULL,
  question_code TEXT NOT NULL,
  answer_code TEXT NOT NULL,
  root_cause TEXT NOT NULL,
  source_line INTEGER NOT NULL
);
-- Topic-level categories: from Root_Causes.csv (source 'root-causes') and from
-- negotiated coding-round labels (source 'round:<id>'), which are state.
CREATE TABLE IF NOT EXISTS topic_categories (
  topic_id INTEGER NOT NULL,
  code TEXT NOT NULL REFERENCES taxonomy(code),
  source TEXT NOT NULL,
  forum_category TEXT NOT NULL,
  PRIMARY KEY (topic_id, code, source)
);
${SERIES_DDL}`,
  // Coding-round categories are state; the mined series live in the mined file, not here.
  carryOver: [{ table: 'topic_categories', where: "source <> 'root-causes'" }],
};
