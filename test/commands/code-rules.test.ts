import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { runCommandText } from '../../src/commands/run.js';
import { commands } from '../../src/commands/index.js';
import { openDatabase } from '../../src/data/db.js';
import { buildTestDataset, testServices, testUser } from '../helpers/dataset.js';
import type { Services } from '../../src/commands/types.js';

let services: Services;
const run = (text: string, user: string, s: Services = services) =>
  runCommandText(text, { user: testUser(user), services: s }, commands);
const topicsOf = (round: string, s: Services = services) =>
  (
    s.db
      .prepare(
        'SELECT topic_id FROM round_topics t JOIN rounds r ON r.id = t.round_id WHERE r.name = ? ORDER BY position',
      )
      .all(round) as { topic_id: number }[]
  ).map((r) => r.topic_id);
const STATE = ['rounds', 'round_raters', 'round_topics', 'labels', 'label_skips', 'resolutions', 'topic_categories'];
const snapshot = (s: Services = services) =>
  Object.fromEntries(STATE.map((t) => [t, s.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));

beforeAll(async () => {
  services = await testServices({ HFBOT_ADMINS: 'test:root' });
});

describe('commands/code (blind coding, permissions, errors, reliability)', () => {
  it("hides other raters' labels until every rater has labelled the topic", async () => {
    await run('/code start name:blind size:3 raters:alice,bob seed:b', 'olga');
    const [t1, t2] = topicsOf('blind');
    await run(`/code label ${t1} C1 code:"secret-a" round:blind`, 'alice');
    await run(`/code label ${t2} C2 round:blind`, 'alice');
    await run(`/code label ${t2} C3 round:blind`, 'bob');
    // bob has not labelled t1: nothing of alice's t1 label may reach him or the owner.
    for (const viewer of ['bob', 'olga']) {
      for (const cmd of [
        '/code status blind',
        '/code disagreements blind',
        '/code export blind',
        '/code agreement blind',
        '/code saturation blind',
      ]) {
        const r = await run(cmd, viewer);
        const all = JSON.stringify([r.text, r.table, r.data, r.files?.map((f) => String(f.content))]);
        expect(all, `${cmd} as ${viewer}`).not.toContain('secret-a');
        expect(all.includes(`"labels":{"alice":"C1"`), cmd).toBe(false);
      }
      const csv = String((await run('/code export blind', viewer)).files?.[0]?.content);
      expect(csv).not.toMatch(new RegExp(`^${t1},`, 'm'));
    }
    // The revealed topic t2 is visible to both; alice's own hidden code counts in her saturation only.
    expect((await run('/code disagreements blind', 'bob')).data.disagreements).toHaveLength(1);
    expect((await run('/code saturation blind', 'alice')).data.codes).toBe(1);
    expect((await run('/code saturation blind', 'bob')).data.codes).toBe(0);
    // Resolving an unrevealed topic would break blinding.
    expect((await run(`/code resolve ${t1} C1 round:blind`, 'bob')).error?.code).toBe('E_CONFLICT');
    // Once closed, everything is visible.
    await run('/code close blind', 'olga');
    expect(String((await run('/code export blind', 'bob')).files?.[0]?.content)).toContain('secret-a');
  });

  it('only the owner or an admin can close or reopen; only raters label', async () => {
    await run('/code start name:perm size:2 raters:alice,bob seed:p', 'olga');
    const [t] = topicsOf('perm');
    const before = snapshot();
    expect((await run('/code close perm', 'alice')).error?.code).toBe('E_FORBIDDEN');
    expect((await run(`/code label ${t} C1 round:perm`, 'mallory')).error?.code).toBe('E_FORBIDDEN');
    expect((await run(`/code resolve ${t} C1 round:perm`, 'mallory')).error?.code).toBe('E_FORBIDDEN');
    expect(snapshot()).toEqual(before);
    expect((await run('/code close perm', 'root')).error).toBeUndefined();
    expect((await run('/code reopen perm', 'alice')).error?.code).toBe('E_FORBIDDEN');
    expect((await run('/code reopen perm', 'olga')).error).toBeUndefined();
    expect((await run('/code start name:perm size:2 raters:x', 'eve')).error?.code).toBe('E_CONFLICT');
  });

  it('bad input gets a clear error and changes nothing', async () => {
    await run('/code start name:err size:2 raters:alice,bob seed:e', 'olga');
    const [t] = topicsOf('err');
    const notInRound = (
      services.db
        .prepare('SELECT id FROM topics WHERE id NOT IN (SELECT topic_id FROM round_topics) LIMIT 1')
        .get() as { id: number }
    ).id;
    const before = snapshot();
    const cases: [string, string, string, RegExp][] = [
      [`/code label ${notInRound} C1 round:err`, 'alice', 'E_NOT_FOUND', /not in round "err"/],
      [`/code label 99999999 C1 round:err`, 'alice', 'E_NOT_FOUND', /Topic 99999999/],
      [`/code label ${t} C99 round:err`, 'alice', 'E_UNKNOWN_THEME', /not a category of the challenges scheme/],
      [`/code label ${t} B1 round:err`, 'alice', 'E_UNKNOWN_THEME', /B1/],
      [`/code label ${t} C2 sub:Nonsense round:err`, 'alice', 'E_BAD_VALUE', /not a subcategory of C2/],
      [`/code label ${t} C1 round:nope`, 'alice', 'E_NOT_FOUND', /No coding round "nope"/],
      [`/code label ${t} C1 round:err`, 'mallory', 'E_FORBIDDEN', /not a rater/],
      ['/code start name:"bad name" size:2 raters:a', 'olga', 'E_BAD_VALUE', /name/],
      ['/code start name:huge size:100000 raters:a', 'olga', 'E_BAD_VALUE', /at most 455/],
    ];
    for (const [cmd, user, code, text] of cases) {
      const r = await run(cmd, user);
      expect(r.error?.code, cmd).toBe(code);
      expect(r.text, cmd).toMatch(text);
    }
    expect(snapshot()).toEqual(before);
    await run('/code close err', 'olga');
    const closed = snapshot();
    const r = await run(`/code label ${t} C1 round:err`, 'alice');
    expect(r.error?.code).toBe('E_CONFLICT');
    expect(r.text).toMatch(/closed/);
    expect(snapshot()).toEqual(closed);
    expect(JSON.stringify(closed.labels)).toBe(JSON.stringify(before.labels));
  });

  it('relabelling replaces the current label and keeps the history', async () => {
    await run('/code start name:re size:2 raters:alice seed:r', 'olga');
    const [t] = topicsOf('re');
    await run(`/code label ${t} C1 round:re`, 'alice');
    const r = await run(`/code label ${t} C4 round:re`, 'alice');
    expect(r.data.replaced).toBe(true);
    const rows = services.db
      .prepare(
        "SELECT code, superseded_at FROM labels l JOIN rounds r ON r.id = l.round_id WHERE r.name = 're' ORDER BY l.id",
      )
      .all();
    expect(rows).toEqual([
      { code: 'C1', superseded_at: expect.any(String) },
      { code: 'C4', superseded_at: null },
    ]);
  });

  it('20 raters labelling concurrently lose and duplicate nothing', async () => {
    const raters = Array.from({ length: 20 }, (_, i) => `r${i}`);
    await run(`/code start name:crowd size:15 raters:${raters.join(',')} seed:c`, 'olga');
    const ts = topicsOf('crowd');
    // Each rater labels every topic, and relabels the first five: 400 commands at once.
    const jobs = raters.flatMap((u) => [
      ...ts.map((t) => run(`/code label ${t} C${(t % 17) + 1} round:crowd`, u)),
      ...ts.slice(0, 5).map((t) => run(`/code label ${t} C2 round:crowd`, u)),
    ]);
    const replies = await Promise.all(jobs);
    expect(replies.filter((r) => r.error)).toEqual([]);
    const q = (sql: string) => (services.db.prepare(sql).get() as { n: number }).n;
    const rid = "(SELECT id FROM rounds WHERE name = 'crowd')";
    expect(q(`SELECT count(*) AS n FROM labels WHERE round_id = ${rid} AND superseded_at IS NULL`)).toBe(20 * 15);
    expect(q(`SELECT count(*) AS n FROM labels WHERE round_id = ${rid}`)).toBe(20 * 20);
    expect(
      q(
        `SELECT count(*) AS n FROM (SELECT DISTINCT topic_id, rater FROM labels WHERE round_id = ${rid} AND superseded_at IS NULL)`,
      ),
    ).toBe(300);
    const status = await run('/code status crowd', 'olga');
    expect((status.data.raters as { labelled: number }[]).every((r) => r.labelled === 15)).toBe(true);
  });

  it('confirmed labels survive a restart and a rebuild of the dataset', async () => {
    const file = services.config.HFBOT_DB;
    const s1 = await testServices({}, file);
    await run('/code start name:persist size:3 raters:alice,bob seed:x purpose:study', 'olga', s1);
    const ts = topicsOf('persist', s1);
    await run(`/code label ${ts[0]} C3 round:persist`, 'alice', s1);
    await run(`/code label ${ts[0]} C3 round:persist`, 'bob', s1);
    s1.db.close();
    const db = openDatabase(file);
    expect(
      db
        .prepare("SELECT count(*) AS n FROM labels l JOIN rounds r ON r.id = l.round_id WHERE r.name = 'persist'")
        .get(),
    ).toEqual({ n: 2 });
    db.close();
    // `hfbot ingest` rebuilds the file from the replication package and carries state over.
    await buildTestDataset(path.dirname(file));
    const s2 = await testServices({}, file);
    expect(
      s2.db
        .prepare("SELECT count(*) AS n FROM labels l JOIN rounds r ON r.id = l.round_id WHERE r.name = 'persist'")
        .get(),
    ).toEqual({ n: 2 });
    expect(
      s2.db.prepare("SELECT code FROM topic_categories WHERE topic_id = ? AND source LIKE 'round:%'").all(ts[0]),
    ).toEqual([{ code: 'C3' }]);
    expect((await run('/code status persist', 'alice', s2)).data.complete).toBe(1);
    services = s2;
  });

  it('consensus labels grow the beginner-level topic categories', async () => {
    const beginner = () =>
      (
        services.db
          .prepare(
            "SELECT count(*) AS n FROM topic_categories tc JOIN forum_categories f ON f.name = tc.forum_category WHERE f.level = 'beginner'",
          )
          .get() as { n: number }
      ).n;
    const before = beginner();
    await run('/code start name:grow size:40 raters:alice,bob seed:g stratify:forum-category purpose:study', 'olga');
    const ts = topicsOf('grow');
    for (const t of ts) {
      await run(`/code label ${t} C6 round:grow`, 'alice');
      await run(`/code label ${t} C7 round:grow`, 'bob');
    }
    expect(beginner()).toBe(before);
    for (const t of ts) expect((await run(`/code resolve ${t} C6 round:grow`, 'alice')).error).toBeUndefined();
    const inBeginners = (
      services.db
        .prepare(
          "SELECT count(*) AS n FROM round_topics t JOIN rounds r ON r.id = t.round_id WHERE r.name = 'grow' AND t.forum_category = 'Beginners'",
        )
        .get() as { n: number }
    ).n;
    expect(inBeginners).toBeGreaterThan(0);
    expect(beginner()).toBe(before + inBeginners);
  });
});
