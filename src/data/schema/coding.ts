import type { SchemaModule } from './types.js';

/**
 * Coding rounds (issue 7). Everything here is state people created in chat, so every table
 * is carried over by `hfbot ingest`. Topic ids are not foreign keys to `topics`: rounds
 * also draw from mined `forum_topics`, which a rebuild may not recreate.
 */
export const codingSchema: SchemaModule = {
  name: 'coding',
  ddl: `
CREATE TABLE IF NOT EXISTS rounds (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  owner TEXT NOT NULL,
  scheme TEXT NOT NULL CHECK (scheme IN ('challenges', 'benefits', 'both')),
  seed TEXT NOT NULL,
  stratify TEXT,
  size INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_at TEXT NOT NULL,
  -- study rounds (two raters or more) feed topic categories; practice rounds never do. Rounds from
  -- before purposes existed fed them, so a row without one reads as study (see migrations.ts).
  purpose TEXT NOT NULL DEFAULT 'study' CHECK (purpose IN ('study', 'practice'))
);
CREATE TABLE IF NOT EXISTS round_raters (
  round_id INTEGER NOT NULL REFERENCES rounds(id),
  rater TEXT NOT NULL,
  PRIMARY KEY (round_id, rater)
);
CREATE TABLE IF NOT EXISTS round_topics (
  round_id INTEGER NOT NULL REFERENCES rounds(id),
  topic_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  -- Snapshot at draw time: the consensus row needs it even if the topic source changes.
  forum_category TEXT NOT NULL,
  PRIMARY KEY (round_id, topic_id),
  UNIQUE (round_id, position)
);
-- Every label ever given; superseded_at is NULL for the rater's current one.
CREATE TABLE IF NOT EXISTS labels (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  round_id INTEGER NOT NULL REFERENCES rounds(id),
  topic_id INTEGER NOT NULL,
  rater TEXT NOT NULL,
  code TEXT NOT NULL,
  subcategory TEXT,
  free_code TEXT,
  created_at TEXT NOT NULL,
  superseded_at TEXT
);
-- At most one current label per rater and topic, whatever the concurrency.
CREATE UNIQUE INDEX IF NOT EXISTS labels_current ON labels(round_id, topic_id, rater) WHERE superseded_at IS NULL;
CREATE TABLE IF NOT EXISTS label_skips (
  round_id INTEGER NOT NULL REFERENCES rounds(id),
  topic_id INTEGER NOT NULL,
  rater TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (round_id, topic_id, rater)
);
-- The negotiated label of a topic; the latest resolution wins.
CREATE TABLE IF NOT EXISTS resolutions (
  round_id INTEGER NOT NULL REFERENCES rounds(id),
  topic_id INTEGER NOT NULL,
  code TEXT NOT NULL,
  resolved_by TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (round_id, topic_id)
);
-- Display names of the people in rounds, by namespaced reference (slack:U0AAA1, web:alice):
-- ids are what is stored and checked, names are what people read.
CREATE TABLE IF NOT EXISTS people (
  ref TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- The thread a platform opened for a key (a rater's thread of a round) in a channel, so later
-- topics go to the same thread instead of a new one each time.
CREATE TABLE IF NOT EXISTS chat_threads (
  key TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  thread_id TEXT NOT NULL,
  private INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  PRIMARY KEY (key, channel_id)
);
`,
  carryOver: [
    { table: 'rounds' },
    { table: 'round_raters' },
    { table: 'round_topics' },
    { table: 'labels' },
    { table: 'label_skips' },
    { table: 'resolutions' },
    { table: 'people' },
    { table: 'chat_threads' },
  ],
};
