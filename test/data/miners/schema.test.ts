import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { buildDataset } from '../../../src/data/ingest/build.js';
import { openDatabase } from '../../../src/data/db.js';
import { silentLogger } from '../../../src/logger.js';
import { buildTestDataset, tempDir } from '../../helpers/dataset.js';
import { REPLICATION } from '../../helpers/paths.js';

// The mining tables as the previous release created them (hub_models keyed by repo name, no post
// versions, no run phases): what a team member's data/hfbot.sqlite holds today.
const OLD_DDL = `
CREATE TABLE forum_topics (id INTEGER PRIMARY KEY, title TEXT NOT NULL, category TEXT, category_id INTEGER,
  created_at TEXT NOT NULL, last_posted_at TEXT, bumped_at TEXT, tags TEXT NOT NULL DEFAULT '[]',
  accepted_answer_post_id INTEGER, views INTEGER, reply_count INTEGER, posts_count INTEGER, fetched_at TEXT NOT NULL);
CREATE TABLE forum_posts (id INTEGER PRIMARY KEY, topic_id INTEGER NOT NULL, post_number INTEGER NOT NULL, author TEXT,
  created_at TEXT NOT NULL, text TEXT NOT NULL);
CREATE TABLE forum_checkpoint (base_url TEXT PRIMARY KEY, since TEXT, run_target TEXT, run_floor TEXT, run_page INTEGER,
  run_started_at TEXT, last_finished_at TEXT);
CREATE TABLE hub_models (id TEXT PRIMARY KEY, author TEXT, created_month TEXT, model_type TEXT, has_card INTEGER NOT NULL,
  pipeline_tag TEXT, library TEXT);
CREATE TABLE hub_checkpoint (base_url TEXT PRIMARY KEY, newest_created_at TEXT, run_next_url TEXT, run_newest TEXT,
  run_started_at TEXT, run_models INTEGER NOT NULL DEFAULT 0, last_finished_at TEXT);
INSERT INTO forum_topics (id, title, created_at, fetched_at, posts_count) VALUES (99001, 'Fine-tuning bert', '2023-01-02T00:00:00Z', 'now', 1);
INSERT INTO forum_posts VALUES (1, 99001, 1, 'a', '2023-01-02T00:00:00Z', 'hi');
INSERT INTO forum_checkpoint (base_url, since) VALUES ('http://x', '2023-01-02');
INSERT INTO hub_models VALUES ('a/b', 'a', '2023-01', 'bert', 1, NULL, 'transformers');
INSERT INTO hub_models VALUES ('c/d', 'c', '2023-02', 'gpt2', 0, NULL, NULL);
INSERT INTO hub_checkpoint (base_url, newest_created_at) VALUES ('http://hub', '2023-02-01T00:00:00Z');
`;

describe('data/schema/mining', () => {
  it('keeps mined rows, checkpoints and verification decisions across hfbot ingest', async () => {
    const file = await buildTestDataset();
    const db = openDatabase(file);
    db.prepare(
      "INSERT INTO forum_topics (id, title, category, created_at, fetched_at) VALUES (99001, 'Fine-tuning bert', 'Beginners', '2023-01-02T00:00:00Z', 'now')",
    ).run();
    db.prepare(
      "INSERT INTO forum_posts (id, topic_id, post_number, author, created_at, text, version) VALUES (1, 99001, 1, 'a', '2023-01-02T00:00:00Z', 'hi', 3)",
    ).run();
    db.prepare(
      "INSERT INTO hub_models (hub_id, id, author, created_month, model_type, has_card) VALUES ('621ffdc036468d709f174338', 'a/b', 'a', '2023-01', 'bert', 1)",
    ).run();
    db.prepare(
      "INSERT INTO forum_checkpoint (base_url, since, max_post_id) VALUES ('http://x', '2023-01-02', 7)",
    ).run();
    db.prepare(
      "INSERT INTO forum_gone (kind, id, topic_id, reason, gone_at) VALUES ('topic', 5, 5, 'deleted', 'now')",
    ).run();
    db.prepare("INSERT INTO hub_gone (hub_id, id, reason, gone_at) VALUES ('x1', 'e/f', 'gone', 'now')").run();
    db.prepare(
      "INSERT INTO mention_matches (topic_id, model_type, matched, sentence, status, decided_by) VALUES (99001, 'opt', 'OPT', 'OPT is great', 'rejected', 'test:u1')",
    ).run();
    db.close();
    await buildDataset({ sourceDir: REPLICATION, sourceKind: 'flag', dbFile: file, logger: silentLogger });
    const after = new Database(file, { readonly: true });
    const count = (t: string) => (after.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    expect(
      ['forum_topics', 'forum_posts', 'hub_models', 'forum_checkpoint', 'forum_gone', 'hub_gone'].map(count),
    ).toEqual([1, 1, 1, 1, 1, 1]);
    expect(after.prepare('SELECT version FROM forum_posts').pluck().get()).toBe(3);
    expect(after.prepare('SELECT hub_id FROM hub_models').pluck().get()).toBe('621ffdc036468d709f174338');
    expect(after.prepare('SELECT status, decided_by FROM mention_matches').get()).toEqual({
      status: 'rejected',
      decided_by: 'test:u1',
    });
    after.close();
  });

  it('an older mined database opens migrated in place: nothing dropped, Hub rows keyed by name until re-mined', () => {
    const file = path.join(tempDir(), 'old.sqlite');
    const old = new Database(file);
    old.exec(OLD_DDL);
    old.close();
    const db = openDatabase(file);
    expect(db.prepare('SELECT hub_id, id, model_type, library, seen_run FROM hub_models ORDER BY id').all()).toEqual([
      { hub_id: 'name:a/b', id: 'a/b', model_type: 'bert', library: 'transformers', seen_run: null },
      { hub_id: 'name:c/d', id: 'c/d', model_type: 'gpt2', library: null, seen_run: null },
    ]);
    expect(db.prepare('SELECT text, version, updated_at FROM forum_posts').get()).toEqual({
      text: 'hi',
      version: null,
      updated_at: null,
    });
    expect(db.prepare('SELECT since, max_post_id, run_phase FROM forum_checkpoint').get()).toEqual({
      since: '2023-01-02',
      max_post_id: null,
      run_phase: null,
    });
    expect(db.prepare('SELECT newest_created_at, run_full FROM hub_checkpoint').get()).toEqual({
      newest_created_at: '2023-02-01T00:00:00Z',
      run_full: null,
    });
    expect(db.prepare('SELECT pending FROM forum_topics').pluck().get()).toBe(0);
    db.close();
    // Opening it again changes nothing.
    const again = openDatabase(file);
    expect(again.prepare('SELECT count(*) FROM hub_models').pluck().get()).toBe(2);
    again.close();
  });

  it('hfbot ingest over an older mined database carries its rows over (Hub rows keyed by name)', async () => {
    const file = await buildTestDataset();
    // Replace the mining tables with the old ones, as if the file predated this version.
    const raw = new Database(file);
    raw.exec(
      'DROP TABLE forum_topics; DROP TABLE forum_posts; DROP TABLE forum_checkpoint; DROP TABLE hub_models; DROP TABLE hub_checkpoint;',
    );
    raw.exec(OLD_DDL);
    raw.close();
    await buildDataset({ sourceDir: REPLICATION, sourceKind: 'flag', dbFile: file, logger: silentLogger });
    const after = new Database(file, { readonly: true });
    expect(after.prepare('SELECT hub_id, id FROM hub_models ORDER BY id').all()).toEqual([
      { hub_id: 'name:a/b', id: 'a/b' },
      { hub_id: 'name:c/d', id: 'c/d' },
    ]);
    expect(after.prepare('SELECT count(*) FROM forum_posts').pluck().get()).toBe(1);
    expect(after.prepare('SELECT since FROM forum_checkpoint').pluck().get()).toBe('2023-01-02');
    after.close();
  });
});
