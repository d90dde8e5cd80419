import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/bot/cli/main.js';
import { commands } from '../../src/commands/index.js';
import { runCommandText } from '../../src/commands/run.js';
import { openDatabase } from '../../src/data/db.js';
import { minedFileOf } from '../../src/data/mined-file.js';
import { miningSchema } from '../../src/data/schema/mining.js';
import { RECOUNT } from '../../src/data/schema/mined-series.js';
import { recompute } from '../../src/jobs/recompute.js';
import { buildTestDataset, tempDir, testServices, testUser } from '../helpers/dataset.js';
import { addBertTopics, addHubModels } from '../helpers/mined-rows.js';
import { REPLICATION } from '../helpers/paths.js';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const tables = (db: Database.Database, schema: string) =>
  db.prepare(`SELECT name FROM ${schema}.sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[];

describe('data/mined-file (issue 17 item 4)', () => {
  it('hfbot ingest rebuilds the dataset without touching the mined file; every kind of state survives', async () => {
    const dir = tempDir();
    const dbFile = await buildTestDataset(dir);
    const mined = minedFileOf(dbFile);
    expect(mined).toBe(path.join(dir, 'hfbot-mined.sqlite'));
    // ana decides on mined matches, so she is on the team (issue 11's permission on /verify).
    const s = await testServices({ HFBOT_TEAM: 'test:ana' }, dbFile);
    const ask = (text: string, user = 'olga') => runCommandText(text, { user: testUser(user), services: s }, commands);
    // Coding state (dataset file): a round, labels, a consensus category.
    expect((await ask('/code start name:keep size:5 raters:ana,ben seed:keep purpose:study')).error).toBeUndefined();
    const topic = s.db.prepare('SELECT topic_id FROM round_topics ORDER BY position LIMIT 1').pluck().get() as number;
    expect((await ask(`/code label ${topic} C3 round:keep`, 'ana')).error).toBeUndefined();
    expect((await ask(`/code label ${topic} C3 round:keep`, 'ben')).error).toBeUndefined();
    // Mined state (mined file): topics, models, checkpoints, a verification decision, the series.
    addHubModels(s.db, 600);
    addBertTopics(s.db, 1, 40, '2026-01-01T00:00:00.000Z');
    s.db
      .prepare(
        "INSERT INTO forum_topics (id, title, category, created_at, fetched_at) VALUES (900, 'Which OPT size?', 'Models', '2022-05-01T00:00:00Z', '2026-01-01')",
      )
      .run();
    s.db.prepare("INSERT INTO forum_checkpoint (base_url, since) VALUES ('http://forum', '2026-01-01')").run();
    s.db.prepare("INSERT INTO hub_checkpoint (base_url, newest_created_at) VALUES ('http://hub', '2026-01-01')").run();
    recompute(s);
    expect((await ask('/verify accept 900:opt', 'ana')).error).toBeUndefined();
    const trendBefore = await ask('/trend bert source:mined');
    expect(trendBefore.error).toBeUndefined();
    s.db.close();
    const before = sha(mined);
    const datasetBefore = sha(dbFile);

    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), err: () => undefined, env: { HFBOT_LOG_LEVEL: 'error' }, cwd: dir };
    expect(await main(['ingest', '--from', REPLICATION, '--db', dbFile], io)).toBe(0);

    expect(sha(mined)).toBe(before);
    expect(sha(dbFile)).not.toBe(datasetBefore);
    const after = await testServices({}, dbFile);
    const raw = new Database(dbFile, { readonly: true });
    // The rebuilt dataset holds the paper's tables and the coding state, nothing mined.
    expect(tables(raw, 'main')).not.toContain('forum_posts');
    expect(tables(raw, 'main')).not.toContain('hub_models');
    expect(raw.prepare("SELECT count(*) FROM forum_mentions WHERE source <> 'paper'").pluck().get()).toBe(0);
    raw.close();
    const one = (sql: string) => after.db.prepare(sql).get();
    expect(one('SELECT count(*) AS n FROM labels WHERE round_id = 1')).toEqual({ n: 2 });
    expect(one(`SELECT code FROM topic_categories WHERE source = 'round:1' AND topic_id = ${topic}`)).toEqual({
      code: 'C3',
    });
    expect(one('SELECT status, decided_by FROM mention_matches WHERE topic_id = 900')).toEqual({
      status: 'accepted',
      decided_by: 'test:ana',
    });
    expect(one('SELECT since FROM forum_checkpoint')).toEqual({ since: '2026-01-01' });
    expect(one('SELECT newest_created_at FROM hub_checkpoint')).toEqual({ newest_created_at: '2026-01-01' });
    const trendAfter = await runCommandText(
      '/trend bert source:mined',
      { user: testUser(), services: after },
      commands,
    );
    expect(trendAfter.provenance).toEqual(trendBefore.provenance);
    expect(trendAfter.data).toEqual(trendBefore.data);
    after.db.close();
  });

  it('moves the mined tables of a dataset built before the mined file into it, once, on open', async () => {
    const dir = tempDir();
    const dbFile = await buildTestDataset(dir);
    // A dataset as hfbot wrote it before: mining tables and mined series rows inside the dataset.
    const legacy = new Database(dbFile);
    legacy.exec(miningSchema.ddl);
    addHubModels(legacy, 300);
    addBertTopics(legacy, 1, 10);
    legacy.exec(`INSERT INTO mention_matches (topic_id, model_type, matched, sentence, status) VALUES (1, 'bert', 'BERT', 's', 'auto');
      INSERT INTO forum_mentions VALUES ('mined', 'bert', '2021-02', 1);
      INSERT INTO series_sources VALUES ('mined', 'mined-legacy', 'old', '2025-01-01');`);
    legacy.close();
    expect(existsSync(minedFileOf(dbFile))).toBe(false);

    const db = openDatabase(dbFile);
    expect(tables(db, 'main')).not.toContain('hub_models');
    expect(tables(db, 'main')).not.toContain('mention_matches');
    expect(db.prepare('SELECT count(*) FROM mined.hub_models').pluck().get()).toBe(300);
    expect(db.prepare('SELECT count(*) FROM mined.forum_posts').pluck().get()).toBe(30);
    // The series read as one: the paper's rows from the dataset, the mined row once, from the mined file.
    expect(db.prepare("SELECT count(*) FROM main.forum_mentions WHERE source = 'mined'").pluck().get()).toBe(0);
    expect(db.prepare("SELECT mentions FROM forum_mentions WHERE source = 'mined'").pluck().all()).toEqual([1]);
    expect(db.prepare("SELECT dataset_version FROM series_sources WHERE source = 'mined'").pluck().get()).toBe(
      'mined-legacy',
    );
    // The running counts were built as the rows moved in.
    expect(db.prepare('SELECT * FROM mined.hub_month_counts ORDER BY 1, 2').all()).toEqual(
      db.prepare(`SELECT * FROM (${RECOUNT.hub}) ORDER BY 1, 2`).all(),
    );
    expect(db.prepare('SELECT * FROM mined.mention_month_counts ORDER BY 1, 2').all()).toEqual(
      db.prepare(`SELECT * FROM (${RECOUNT.mentions}) ORDER BY 1, 2`).all(),
    );
    db.close();
    // Opening again moves nothing twice.
    const again = openDatabase(dbFile);
    expect(again.prepare('SELECT count(*) FROM hub_models').pluck().get()).toBe(300);
    again.close();
  });
});
