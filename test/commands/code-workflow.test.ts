import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { runCommandText } from '../../src/commands/run.js';
import { commands } from '../../src/commands/index.js';
import { testServices, testUser } from '../helpers/dataset.js';
import type { Services } from '../../src/commands/types.js';

let services: Services;
const run = (text: string, user: string) => runCommandText(text, { user: testUser(user), services }, commands);
const topicsOf = (round: string) =>
  (
    services.db
      .prepare(
        'SELECT topic_id FROM round_topics t JOIN rounds r ON r.id = t.round_id WHERE r.name = ? ORDER BY position',
      )
      .all(round) as { topic_id: number }[]
  ).map((r) => r.topic_id);

beforeAll(async () => {
  services = await testServices({ HFBOT_ADMINS: 'test:root' });
});

describe('commands/code (workflow)', () => {
  it("/code plan gives the paper's 372 for 11,175 topics at 95% / 5%", async () => {
    const r = await run('/code plan population:11175', 'alice');
    expect(r.error).toBeUndefined();
    expect(r.data.n).toBe(372);
    expect(r.text).toContain('372');
  });

  it('draws the same sample from the same seed, stratified proportionally', async () => {
    const a = await run('/code start name:s1 size:40 raters:alice,bob seed:7 stratify:forum-category', 'olga');
    const _b = await run('/code start name:s2 size:40 raters:alice,bob seed:7 stratify:forum-category', 'olga');
    expect(a.error).toBeUndefined();
    expect(topicsOf('s1')).toEqual(topicsOf('s2'));
    expect(new Set(topicsOf('s1')).size).toBe(40);
    // Beginners is 158 of 455 topics -> 40 * 158 / 455 = 13.9, so 13 or 14 places.
    const beginners = services.db
      .prepare(
        "SELECT count(*) AS n FROM round_topics t JOIN rounds r ON r.id = t.round_id WHERE r.name = 's1' AND t.forum_category = 'Beginners'",
      )
      .get() as { n: number };
    expect([13, 14]).toContain(beginners.n);
    await run('/code start name:s3 size:40 raters:alice,bob seed:8', 'olga');
    expect(topicsOf('s3')).not.toEqual(topicsOf('s1'));
  });

  it('runs a two-rater round: next, label, agreement, disagreements, resolve', async () => {
    const start = await run('/code start name:duo size:6 raters:alice,bob seed:duo purpose:study', 'olga');
    expect(start.error).toBeUndefined();
    const ts = topicsOf('duo');
    const next = await run('/code next duo', 'alice');
    // One thread per rater and round (not per topic): its key names the round and the rater.
    expect(next.thread).toEqual({
      title: 'Round duo · alice',
      key: `round:${(start.data.round as { id: number }).id}:test:alice`,
      private: true,
    });
    expect(next.text).toContain(`Topic ${ts[0]} `);
    const select = next.actions?.find((a) => a.type === 'select');
    expect(select?.type === 'select' && select.command).toBe(`/code label ${ts[0]} {value} round:duo`);
    expect(select?.type === 'select' && select.options.map((o) => o.value)).toEqual(
      Array.from({ length: 17 }, (_, i) => `C${i + 1}`),
    );
    expect(next.actions?.find((a) => a.type === 'button')?.command).toBe(`/code skip ${ts[0]} round:duo`);

    const alice = ['C1', 'C2', 'C3', 'C1', 'C2', 'C5'];
    const bob = ['C1', 'C2', 'C3', 'C2', 'C2', 'C5'];
    for (let i = 0; i < 6; i++) {
      const a = await run(`/code label ${ts[i]} ${alice[i]} round:duo`, 'alice');
      expect(a.error).toBeUndefined();
      expect(a.ephemeral).toBe(true);
      await run(`/code label ${ts[i]} ${bob[i]} round:duo`, 'bob');
    }
    const ag = await run('/code agreement duo', 'alice');
    expect(ag.error).toBeUndefined();
    // 5 of 6 agree; kappa by hand: p_o = 5/6, alice C1 2 C2 2 C3 1 C5 1, bob C1 1 C2 3 C3 1 C5 1,
    // p_e = (2*1 + 2*3 + 1 + 1) / 36 = 10/36, kappa = (30/36 - 10/36) / (26/36) = 20/26.
    expect(ag.data.percent).toBeCloseTo(5 / 6, 10);
    expect(ag.data.cohen).toEqual([{ a: 'alice', b: 'bob', kappa: expect.closeTo(20 / 26, 10) }]);
    expect(ag.data.pairTopics).toEqual([{ a: 'alice', b: 'bob', n: 6 }]);
    expect(ag.data.ci).toMatchObject({ level: 0.95 });
    expect(ag.data.reading).toBe('substantial');
    expect(() => compile(ag.chart as never)).not.toThrow();

    const dis = await run('/code disagreements duo', 'bob');
    expect(dis.data.disagreements).toEqual([
      { topic: ts[3], forumCategory: expect.any(String), labels: { alice: 'C1', bob: 'C2' }, resolved: null },
    ]);
    const res = await run(`/code resolve ${ts[3]} C2 round:duo`, 'alice');
    expect(res.error).toBeUndefined();
    const after = await run('/code agreement duo', 'alice');
    expect(after.data.percent).toBeCloseTo(5 / 6, 10);
    expect((after.data.after as { percent: number }).percent).toBe(1);
    const tc = services.db
      .prepare('SELECT count(*) AS n FROM topic_categories WHERE source = ?')
      .get(`round:${(start.data.round as { id: number }).id}`) as { n: number };
    expect(tc.n).toBe(6);
  });

  it('runs a three-rater round with Fleiss and Krippendorff, tolerating a missing label once closed', async () => {
    await run('/code start name:trio size:5 raters:ann,ben,cat seed:trio scheme:both', 'olga');
    const ts = topicsOf('trio');
    const labels: Record<string, string[]> = {
      ann: ['C1', 'B1', 'C3', 'C4', 'C5'],
      ben: ['C1', 'B1', 'C3', 'C4', 'C6'],
      cat: ['C1', 'B2', 'C3', 'C4'],
    };
    for (const [u, ls] of Object.entries(labels))
      for (let i = 0; i < ls.length; i++) expect((await run(`/code label ${ts[i]} ${ls[i]}`, u)).error).toBeUndefined();
    const open = await run('/code agreement trio', 'ann');
    expect(open.data.n).toBe(4);
    expect(open.data.hidden).toBe(1);
    expect((await run('/code close trio', 'olga')).error).toBeUndefined();
    const closed = await run('/code agreement trio', 'ann');
    expect(closed.data.n).toBe(5);
    expect(typeof closed.data.fleiss).toBe('number');
    expect((closed.data.cohen as unknown[]).length).toBe(3);
    expect(typeof closed.data.alpha).toBe('number');
    expect(() => compile(closed.chart as never)).not.toThrow();
  });

  it('/code saturation reports new free-text codes per batch and says when they stop', async () => {
    await run('/code start name:sat size:8 raters:sol seed:sat', 'sol');
    const ts = topicsOf('sat');
    const free = ['a', 'b', 'a', 'c', 'b', 'c', 'a', 'b'];
    for (let i = 0; i < 8; i++) await run(`/code label ${ts[i]} C1 code:"${free[i]}" round:sat`, 'sol');
    const r = await run('/code saturation sat batch:2 k:2', 'sol');
    expect((r.data.batches as { newCodes: number }[]).map((b) => b.newCodes)).toEqual([2, 1, 0, 0]);
    expect(r.data.saturated).toBe(true);
    expect(() => compile(r.chart as never)).not.toThrow();
  });

  it('/code export writes the All_Codes.csv layout plus rater, category and subcategory', async () => {
    await run('/code start name:exp size:2 raters:xa,xb seed:exp', 'olga');
    const ts = topicsOf('exp');
    await run(`/code label ${ts[0]} C2 sub:Fine-Tuning code:"loss is nan, again" round:exp`, 'xa');
    await run(`/code label ${ts[0]} C2 round:exp`, 'xb');
    // Before the round is closed only its owner (or an admin) exports it.
    expect((await run('/code export exp', 'xa')).error?.code).toBe('E_FORBIDDEN');
    const r = await run('/code export exp', 'olga');
    const csv = String(r.files?.[0]?.content);
    expect(csv.endsWith('\r\n')).toBe(true); // RFC 4180: CRLF between records
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('Topic#,Tag,Code,rater,category,subcategory,rater id');
    const tag = (
      services.db.prepare('SELECT forum_category FROM topics WHERE id = ?').get(ts[0]) as { forum_category: string }
    ).forum_category;
    expect(lines).toContain(`${ts[0]},${tag},"loss is nan, again",xa,C2,Fine-Tuning,test:xa`);
    expect(lines).toContain(`${ts[0]},${tag},Training Pipeline,xb,C2,,test:xb`);
    expect(lines).toContain(`${ts[0]},${tag},Training Pipeline,consensus,C2,,`);
  });
});
