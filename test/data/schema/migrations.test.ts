/**
 * Databases written before issue 11 keep working: opening one (or rebuilding over it with
 * hfbot ingest) adds rounds.purpose (old rounds are study rounds), namespaces every stored person
 * by the shape of the old id, and recomputes which round labels feed topic categories.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../../src/data/db.js';
import { SCHEMA_VERSION } from '../../../src/data/schema/index.js';
import { buildTestDataset, tempDir } from '../../helpers/dataset.js';

/** The rounds table as version 0 created it (no purpose). */
const ROUNDS_V0 = `CREATE TABLE rounds (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, owner TEXT NOT NULL,
  scheme TEXT NOT NULL CHECK (scheme IN ('challenges', 'benefits', 'both')), seed TEXT NOT NULL, stratify TEXT,
  size INTEGER NOT NULL, status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')), created_at TEXT NOT NULL)`;

/** A version-0 file: a Slack round (U ids), a Discord round (snowflakes), a one-rater web round. */
async function legacyFile(): Promise<{ file: string; topics: number[] }> {
  const file = await buildTestDataset(tempDir());
  const db = new Database(file);
  db.pragma('foreign_keys = OFF');
  const topics = (
    db.prepare("SELECT id FROM topics WHERE forum_category = 'Beginners' ORDER BY id LIMIT 3").all() as {
      id: number;
    }[]
  ).map((r) => r.id);
  db.exec(`DROP TABLE rounds; ${ROUNDS_V0};`);
  const round = db.prepare(
    "INSERT INTO rounds (id, name, owner, scheme, seed, size, status, created_at) VALUES (?, ?, ?, 'challenges', 's', 1, 'open', '2025-01-01')",
  );
  round.run(1, 'slacky', 'U0OLGA');
  round.run(2, 'disco', '80351110224678912');
  round.run(3, 'solo', 'alice');
  const rater = db.prepare('INSERT INTO round_raters (round_id, rater) VALUES (?, ?)');
  const rt = db.prepare(
    "INSERT INTO round_topics (round_id, topic_id, position, forum_category) VALUES (?, ?, 1, 'Beginners')",
  );
  const label = db.prepare(
    "INSERT INTO labels (round_id, topic_id, rater, code, created_at) VALUES (?, ?, ?, 'C17', '2025-01-01')",
  );
  const tc = db.prepare(
    "INSERT INTO topic_categories (topic_id, code, source, forum_category) VALUES (?, 'C17', ?, 'Beginners')",
  );
  for (const [rid, raters, topic] of [
    [1, ['U0AAA1', 'U0BBB2'], topics[0]],
    [2, ['80351110224678913', '80351110224678914'], topics[1]],
    [3, ['alice'], topics[2]],
  ] as const) {
    rt.run(rid, topic);
    for (const r of raters) {
      rater.run(rid, r);
      label.run(rid, topic, r);
    }
    tc.run(topic, `round:${rid}`);
  }
  db.prepare(
    "INSERT INTO resolutions (round_id, topic_id, code, resolved_by, at) VALUES (1, ?, 'C17', 'U0AAA1', 'x')",
  ).run(topics[0]);
  db.pragma('user_version = 0');
  db.close();
  return { file, topics };
}

function state(db: Database.Database) {
  return {
    rounds: db.prepare('SELECT name, owner, purpose FROM rounds ORDER BY id').all(),
    raters: db.prepare('SELECT round_id, rater FROM round_raters ORDER BY round_id, rater').all(),
    labels: db.prepare('SELECT round_id, rater FROM labels ORDER BY round_id, rater').all(),
    resolvedBy: db.prepare('SELECT resolved_by FROM resolutions').all(),
    categories: db.prepare("SELECT source FROM topic_categories WHERE source LIKE 'round:%' ORDER BY source").all(),
    version: db.pragma('user_version', { simple: true }),
  };
}

const MIGRATED = {
  rounds: [
    { name: 'slacky', owner: 'slack:U0OLGA', purpose: 'study' },
    { name: 'disco', owner: 'discord:80351110224678912', purpose: 'study' },
    { name: 'solo', owner: 'web:alice', purpose: 'study' },
  ],
  raters: [
    { round_id: 1, rater: 'slack:U0AAA1' },
    { round_id: 1, rater: 'slack:U0BBB2' },
    { round_id: 2, rater: 'discord:80351110224678913' },
    { round_id: 2, rater: 'discord:80351110224678914' },
    { round_id: 3, rater: 'web:alice' },
  ],
  labels: [
    { round_id: 1, rater: 'slack:U0AAA1' },
    { round_id: 1, rater: 'slack:U0BBB2' },
    { round_id: 2, rater: 'discord:80351110224678913' },
    { round_id: 2, rater: 'discord:80351110224678914' },
    { round_id: 3, rater: 'web:alice' },
  ],
  resolvedBy: [{ resolved_by: 'slack:U0AAA1' }],
  // The one-rater round no longer feeds topic categories; the two-rater rounds still do.
  categories: [{ source: 'round:1' }, { source: 'round:2' }],
  version: SCHEMA_VERSION,
};

describe('data/schema/migrations', () => {
  it('opening a version-0 database migrates it once; opening it again changes nothing', async () => {
    const { file } = await legacyFile();
    const db = openDatabase(file);
    expect(state(db)).toEqual(MIGRATED);
    db.close();
    const again = openDatabase(file);
    expect(state(again)).toEqual(MIGRATED);
    again.close();
  });

  it('hfbot ingest over a version-0 file carries its rounds over and migrates them', async () => {
    const { file } = await legacyFile();
    await buildTestDataset(path.dirname(file));
    const raw = new Database(file, { readonly: true });
    expect(state(raw)).toEqual(MIGRATED);
    raw.close();
  });
});
