import path from 'node:path';
import Database from 'better-sqlite3';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/data/db.js';
import { openMined } from '../../../src/data/mined-file.js';
import { RECOUNT } from '../../../src/data/schema/mined-series.js';
import { miningSchema } from '../../../src/data/schema/mining.js';
import { tempDir } from '../../helpers/dataset.js';

/**
 * The running counts (issue 17 item 3) must equal the grouping queries over hub_models,
 * mention_matches and forum_topics after any mix of writes, whoever makes them: inserts, upserts,
 * updates of the counted columns, deletes, REPLACE, topics deleted before or after their matches,
 * statuses decided and undecided. The reference is the plain GROUP BY, run on the same rows.
 */
const TYPES = ['bert', 'gpt2', 'opt', null];
const MONTHS = ['2021-01', '2021-02', '2022-07', null];
const STATUSES = ['auto', 'pending', 'accepted', 'rejected'];

function check(db: Db): void {
  expect(db.prepare('SELECT * FROM hub_month_counts WHERE models <> 0 ORDER BY 1, 2').all()).toEqual(
    db.prepare(`SELECT * FROM (${RECOUNT.hub}) ORDER BY 1, 2`).all(),
  );
  expect(db.prepare('SELECT * FROM hub_month_counts WHERE models = 0 AND with_card <> 0').all()).toEqual([]);
  expect(db.prepare('SELECT * FROM mention_month_counts WHERE topics <> 0 ORDER BY 1, 2').all()).toEqual(
    db.prepare(`SELECT * FROM (${RECOUNT.mentions}) ORDER BY 1, 2`).all(),
  );
}

describe('data/schema/mined-series (running counts)', () => {
  it('equal the grouping queries after 3,000 random writes of every kind', () => {
    const db = openDatabase(':memory:', { create: true });
    const rnd = seedrandom('counts');
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const id = (n: number) => Math.floor(rnd() * n);
    // A model's stable key and its name, which a rename changes.
    const model = () => {
      const n = id(60);
      return [`h${n}`, `m${n}-${id(3)}`] as const;
    };
    const ops: (() => void)[] = [
      () =>
        db
          // The Hub miner's upsert: keyed by the Hub's _id, every column set again (src/data/miners/hub/store.ts).
          .prepare(`INSERT INTO hub_models (hub_id, id, author, created_month, model_type, has_card, seen_run) VALUES (?, ?, 'a', ?, ?, ?, ?)
            ON CONFLICT(hub_id) DO UPDATE SET id = excluded.id, created_month = excluded.created_month, model_type = excluded.model_type,
            has_card = excluded.has_card, seen_run = excluded.seen_run`)
          .run(...model(), pick(MONTHS), pick(TYPES), id(2), id(4)),
      () => db.prepare('UPDATE hub_models SET has_card = 1 - has_card WHERE hub_id = ?').run(`h${id(60)}`),
      () => db.prepare('UPDATE hub_models SET model_type = ? WHERE hub_id = ?').run(pick(TYPES), `h${id(60)}`),
      () => db.prepare('DELETE FROM hub_models WHERE hub_id = ?').run(`h${id(60)}`),
      // Now and then, a full Hub run drops the models it did not list (a quarter of them or so).
      () => {
        if (id(25) === 0)
          db.prepare('DELETE FROM hub_models WHERE seen_run IS NOT ? AND seen_run IS NOT NULL').run(id(4));
      },
      () =>
        db
          .prepare(
            "INSERT OR REPLACE INTO hub_models (hub_id, id, author, created_month, model_type, has_card) VALUES (?, ?, 'b', ?, ?, ?)",
          )
          .run(...model(), pick(MONTHS), pick(TYPES), id(2)),
      () =>
        db
          .prepare(`INSERT INTO forum_topics (id, title, created_at, fetched_at) VALUES (?, 't', ?, 'x')
            ON CONFLICT(id) DO UPDATE SET created_at = excluded.created_at`)
          .run(id(30), `${pick(MONTHS.slice(0, 3))}-1${id(9)}T00:00:00Z`),
      () => db.prepare('DELETE FROM forum_topics WHERE id = ?').run(id(30)),
      () =>
        db
          .prepare("INSERT OR REPLACE INTO forum_topics (id, title, created_at, fetched_at) VALUES (?, 't', ?, 'y')")
          .run(id(30), `${pick(MONTHS.slice(0, 3))}-02T00:00:00Z`),
      () =>
        db
          .prepare(`INSERT INTO mention_matches (topic_id, model_type, matched, sentence, status) VALUES (?, ?, 'm', 's', ?)
            ON CONFLICT(topic_id, model_type) DO UPDATE SET status = excluded.status`)
          .run(id(35), pick(TYPES.slice(0, 3)), pick(STATUSES)),
      () =>
        db
          .prepare('UPDATE mention_matches SET status = ? WHERE topic_id = ? AND model_type = ?')
          .run(pick(STATUSES), id(35), pick(TYPES.slice(0, 3))),
      () => db.prepare('DELETE FROM mention_matches WHERE topic_id = ?').run(id(35)),
      () =>
        db
          .prepare(
            "INSERT OR REPLACE INTO mention_matches (topic_id, model_type, matched, sentence, status) VALUES (?, ?, 'r', 's', ?)",
          )
          .run(id(35), pick(TYPES.slice(0, 3)), pick(STATUSES)),
    ];
    for (let round = 0; round < 30; round++) {
      db.transaction(() => {
        for (let i = 0; i < 100; i++) pick(ops)();
      })();
      check(db);
    }
    expect(db.prepare('SELECT count(*) FROM hub_models').pluck().get()).toBeGreaterThan(20);
    expect(
      db.prepare("SELECT count(*) FROM mention_matches WHERE status IN ('auto', 'accepted')").pluck().get(),
    ).toBeGreaterThan(10);
    db.close();
  });

  it('fills the counts of a mined file written before they existed from the grouping queries', () => {
    const file = path.join(tempDir(), 'old-mined.sqlite');
    const old = new Database(file);
    old.exec(miningSchema.ddl);
    old.exec(`INSERT INTO hub_models (hub_id, id, created_month, model_type, has_card) VALUES ('h1', 'a', '2021-01', 'bert', 1), ('h2', 'b', '2021-01', 'bert', 0), ('h3', 'c', NULL, 'gpt2', 1);
      INSERT INTO forum_topics (id, title, created_at, fetched_at) VALUES (1, 't', '2021-03-01', 'x'), (2, 't', '2021-04-01', 'x');
      INSERT INTO mention_matches (topic_id, model_type, matched, sentence, status) VALUES (1, 'bert', 'b', 's', 'auto'), (2, 'bert', 'b', 's', 'pending');`);
    old.close();
    const db = openMined(file);
    expect(db.prepare('SELECT * FROM hub_month_counts ORDER BY 1, 2').all()).toEqual([
      { month: '', model_type: 'gpt2', models: 1, with_card: 1 },
      { month: '2021-01', model_type: 'bert', models: 2, with_card: 1 },
    ]);
    expect(db.prepare('SELECT * FROM mention_month_counts').all()).toEqual([
      { model_type: 'bert', month: '2021-03', topics: 1 },
    ]);
    // From then on the triggers keep them.
    db.prepare("UPDATE mention_matches SET status = 'accepted' WHERE topic_id = 2").run();
    check(db);
    db.close();
  });
});
