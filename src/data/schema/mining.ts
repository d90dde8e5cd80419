import type { SchemaModule } from './types.js';
import { migrateMining } from './mining-migrate.js';

/**
 * Mined forum topics and posts, mined Hub models, the miners' checkpoints and the model-mention
 * verification queue (issue 8). All of it is state that cannot be rebuilt from the replication
 * package, so `hfbot ingest` carries every table over. The coding rounds read
 * forum_topics(id, title, category, created_at) and forum_posts(topic_id, post_number, text).
 *
 * The live tables hold only what the sources still show: a topic, post or model that is deleted
 * or made private upstream leaves them (so every count, series and ratio drops it) and is recorded
 * in forum_gone / hub_gone with when and why.
 */
export const miningSchema: SchemaModule = {
  name: 'mining',
  migrate: migrateMining,
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
  -- When the topic or one of its posts last changed here (the mention scan rereads those).
  fetched_at TEXT NOT NULL,
  -- The run that last saw it in a full listing; a full run checks the others by id.
  seen_run TEXT,
  -- posts_count before this run's listing updated it, while the run decides whether to fetch it.
  prev_posts_count INTEGER,
  pending INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS forum_topics_created ON forum_topics(created_at);
CREATE INDEX IF NOT EXISTS forum_topics_pending ON forum_topics(pending) WHERE pending <> 0;
CREATE TABLE IF NOT EXISTS forum_posts (
  id INTEGER PRIMARY KEY,
  topic_id INTEGER NOT NULL,
  post_number INTEGER NOT NULL,
  author TEXT,
  created_at TEXT NOT NULL,
  text TEXT NOT NULL,
  -- Discourse's revision counter and edit time: a post whose version moved is stored again.
  updated_at TEXT,
  version INTEGER
);
CREATE INDEX IF NOT EXISTS forum_posts_topic ON forum_posts(topic_id, post_number);
CREATE TABLE IF NOT EXISTS forum_category_names (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, slug TEXT, parent_id INTEGER
);
-- One row per forum base URL. since / max_post_id = newest activity and newest post id covered by
-- the last complete run; run_* describe a run in progress, so an interrupted run resumes in the
-- phase (listing, posts, fetch, check) and at the page or cursor where it stopped.
CREATE TABLE IF NOT EXISTS forum_checkpoint (
  base_url TEXT PRIMARY KEY,
  since TEXT,
  run_target TEXT,
  run_floor TEXT,
  run_page INTEGER,
  run_started_at TEXT,
  last_finished_at TEXT,
  max_post_id INTEGER,
  run_mode TEXT,
  run_phase TEXT,
  run_before INTEGER,
  run_max_post_id INTEGER,
  run_posts_api INTEGER,
  run_partial TEXT
);
-- Topics that could not be read (malformed, unexpected shape); retried by the next run.
CREATE TABLE IF NOT EXISTS forum_skipped (
  topic_id INTEGER PRIMARY KEY, url TEXT NOT NULL, error TEXT NOT NULL, at TEXT NOT NULL
);
-- /posts.json pages that could not be read: the next run asks for before=<before> again.
CREATE TABLE IF NOT EXISTS forum_skipped_posts (
  before INTEGER PRIMARY KEY, url TEXT NOT NULL, error TEXT NOT NULL, at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS forum_gone (
  kind TEXT NOT NULL CHECK (kind IN ('topic', 'post')),
  id INTEGER NOT NULL,
  topic_id INTEGER,
  reason TEXT NOT NULL,
  gone_at TEXT NOT NULL,
  PRIMARY KEY (kind, id)
);
-- Keyed by the Hub's stable _id: a renamed repo keeps its row and changes id (its name).
-- Rows mined before _id was kept are keyed 'name:<id>' until a run sees their real _id.
CREATE TABLE IF NOT EXISTS hub_models (
  hub_id TEXT PRIMARY KEY NOT NULL,
  id TEXT NOT NULL,
  author TEXT,
  created_month TEXT,
  model_type TEXT,
  has_card INTEGER NOT NULL,
  pipeline_tag TEXT,
  library TEXT,
  -- The full run that last listed it (run-id.ts runTag): a full run drops the models it did not list.
  seen_run INTEGER
);
CREATE TABLE IF NOT EXISTS hub_gone (
  hub_id TEXT PRIMARY KEY, id TEXT NOT NULL, created_month TEXT, model_type TEXT, reason TEXT NOT NULL, gone_at TEXT NOT NULL
);
-- run_next_url is the Link rel="next" cursor of the page after the last committed one.
CREATE TABLE IF NOT EXISTS hub_checkpoint (
  base_url TEXT PRIMARY KEY,
  newest_created_at TEXT,
  run_next_url TEXT,
  run_newest TEXT,
  run_started_at TEXT,
  run_models INTEGER NOT NULL DEFAULT 0,
  last_finished_at TEXT,
  run_full INTEGER,
  run_partial TEXT
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
    { table: 'forum_skipped_posts' },
    { table: 'forum_gone' },
    // A database mined before _id was kept has no hub_id: its rows are keyed by name.
    { table: 'hub_models', fill: { hub_id: "'name:' || id" } },
    { table: 'hub_gone' },
    { table: 'hub_checkpoint' },
    { table: 'mention_matches' },
  ],
};
