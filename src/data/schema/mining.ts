import type { SchemaModule } from './types.js';

/**
 * Mined forum topics and posts, mined Hub models, the miners' checkpoints and the model-mention
 * verification queue (issue 8). All of it is state that cannot be rebuilt from the replication
 * package, so `hfbot ingest` carries every table over. The coding rounds read
 * forum_topics(id, title, category, created_at) and forum_posts(topic_id, post_number, text).
 */
export const miningSchema: SchemaModule = {
  name: 'mining',
  file: 'mined',
  ddl: `
CREATE TABLE IF NOT EXISTS forum_topics (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  category TEXT,
  category_id INTEGER,
  created_at TEXT NOT NULL,
  last_posted_at TEXT,
  -- Discourse orders /latest by bumped_at; comparing it tells a changed topic without fetching it.
  bumped_at TEXT,
  tags TEXT NOT NULL DEFAULT '[]',
  accepted_answer_post_id INTEGER,
  views INTEGER,
  reply_count INTEGER,
  posts_count INTEGER,
  fetched_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS forum_topics_created ON forum_topics(created_at);
CREATE TABLE IF NOT EXISTS forum_posts (
  id INTEGER PRIMARY KEY,
  topic_id INTEGER NOT NULL,
  post_number INTEGER NOT NULL,
  author TEXT,
  created_at TEXT NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS forum_posts_topic ON forum_posts(topic_id, post_number);
CREATE TABLE IF NOT EXISTS forum_category_names (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, slug TEXT, parent_id INTEGER
);
-- One row per forum base URL. since = newest activity covered by the last complete run;
-- run_* describe a run in progress, so an interrupted run resumes at run_page.
CREATE TABLE IF NOT EXISTS forum_checkpoint (
  base_url TEXT PRIMARY KEY,
  since TEXT,
  run_target TEXT,
  run_floor TEXT,
  run_page INTEGER,
  run_started_at TEXT,
  last_finished_at TEXT
);
-- Topics that could not be read (malformed, unexpected shape); retried by the next run.
CREATE TABLE IF NOT EXISTS forum_skipped (
  topic_id INTEGER PRIMARY KEY, url TEXT NOT NULL, error TEXT NOT NULL, at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS hub_models (
  id TEXT PRIMARY KEY,
  author TEXT,
  created_month TEXT,
  model_type TEXT,
  has_card INTEGER NOT NULL,
  pipeline_tag TEXT,
  library TEXT
);
-- next_url is the Link rel="next" cursor of the page after the last committed one.
CREATE TABLE IF NOT EXISTS hub_checkpoint (
  base_url TEXT PRIMARY KEY,
  newest_created_at TEXT,
  run_next_url TEXT,
  run_newest TEXT,
  run_started_at TEXT,
  run_models INTEGER NOT NULL DEFAULT 0,
  last_finished_at TEXT
);
-- Model-type mentions per topic. Ambiguous names (opt, clip, sam...) wait as 'pending' until a
-- person accepts or rejects them with /verify; decisions survive recomputation.
CREATE TABLE IF NOT EXISTS mention_matches (
  topic_id INTEGER NOT NULL,
  model_type TEXT NOT NULL,
  matched TEXT NOT NULL,
  sentence TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('auto', 'pending', 'accepted', 'rejected')),
  decided_by TEXT,
  decided_at TEXT,
  PRIMARY KEY (topic_id, model_type)
);
CREATE INDEX IF NOT EXISTS mention_matches_status ON mention_matches(status);
`,
  carryOver: [
    { table: 'forum_topics' },
    { table: 'forum_posts' },
    { table: 'forum_category_names' },
    { table: 'forum_checkpoint' },
    { table: 'forum_skipped' },
    { table: 'hub_models' },
    { table: 'hub_checkpoint' },
    { table: 'mention_matches' },
  ],
};
