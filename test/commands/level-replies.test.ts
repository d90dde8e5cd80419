import { beforeAll, describe, expect, it } from 'vitest';
import { runCommandText } from '../../src/commands/run.js';
import { commands } from '../../src/commands/index.js';
import { testServices, testUser } from '../helpers/dataset.js';
import type { Reply, Services } from '../../src/commands/types.js';

let services: Services;
const run = (text: string, s: Services = services) => runCommandText(text, { user: testUser(), services: s }, commands);
type Share = { count: number; percent: number; lower: number; upper: number };
type Row = { code: string; category: string; beginner: Share; intermediate: Share; p: number; q: number };
const rowsOf = (r: Reply) => r.data.rows as Row[];

beforeAll(async () => {
  services = await testServices();
});

describe('commands/challenges level:compare', () => {
  it('compares the 18 Beginners and 2 Intermediate topics of Root_Causes.csv category by category', async () => {
    const r = await run('/challenges level:compare');
    expect(r.error).toBeUndefined();
    expect(r.data).toMatchObject({ level: 'compare', n: { beginner: 18, intermediate: 2 }, tested: 7 });
    const rows = rowsOf(r);
    // Root_Causes.csv, Discourse Category Beginners / Intermediate: counted by hand from the file.
    expect(rows.map((x) => [x.code, x.beginner.count, x.intermediate.count])).toEqual([
      ['C1', 7, 1],
      ['C2', 3, 1],
      ['C6', 4, 0],
      ['C3', 1, 0],
      ['C4', 1, 0],
      ['C9', 1, 0],
      ['C10', 1, 0],
    ]);
    // Exact two-sided Fisher p (python3 fractions, see test/analysis/fisher.test.ts): C2 (3 15 / 1 1)
    // 0.36842105263157893, every other table 1; BH leaves all seven at q = 1.
    expect(rows[1]!.p).toBeCloseTo(0.36842105263157893, 12);
    expect(rows.filter((x) => x.code !== 'C2').every((x) => Math.abs(x.p - 1) < 1e-12)).toBe(true);
    expect(rows.every((x) => Math.abs(x.q - 1) < 1e-12)).toBe(true);
    // The level answers' Wilson numbers, unchanged: C1 7/18 -> 20.31..61.38, 1/2 -> 9.45..90.55.
    expect(rows[0]).toMatchObject({
      beginner: { count: 7, percent: 38.89, lower: 20.31, upper: 61.38 },
      intermediate: { count: 1, percent: 50, lower: 9.45, upper: 90.55 },
    });
    expect(r.text).toContain('n = 18 beginner and 2 intermediate topics');
    expect(r.text).toContain('Small samples (n = 18 and 2)');
    expect(r.text).toContain('0 with q < 0.05');
    expect(r.provenance).toMatchObject({ n: 20, sources: ['Root_Causes.csv'], window: null });
    expect(r.table!.columns).toHaveLength(12);
    // p and q as every answer prints them (three significant digits, src/format/numbers.ts).
    expect(r.table!.rows[1]).toEqual([
      'C2',
      'Training Pipeline',
      3,
      16.67,
      5.84,
      39.22,
      1,
      50,
      9.45,
      90.55,
      '0.368',
      '1',
    ]);
    const chart = r.chart as { encoding: { yOffset: unknown }; data: { values: { level: string }[] } };
    expect(chart.encoding.yOffset).toBeDefined();
    expect(new Set(chart.data.values.map((v) => v.level))).toEqual(
      new Set(['beginner (n = 18)', 'intermediate (n = 2)']),
    );
  });

  it('says plainly when the margins allow no p below 0.05', async () => {
    const s = await testServices();
    s.db.transaction(() => {
      s.db.prepare('DELETE FROM topic_categories').run();
      // The rows come from study round 1, which answers name.
      s.db
        .prepare(
          "INSERT INTO rounds (id, name, owner, scheme, seed, size, status, created_at, purpose) VALUES (1, 'pilot', 'test:olga', 'challenges', 'p', 21, 'closed', 'x', 'study')",
        )
        .run();
      const put = s.db.prepare(
        "INSERT INTO topic_categories (topic_id, code, source, forum_category) VALUES (?, ?, 'round:1', ?)",
      );
      for (let t = 1; t <= 20; t++) put.run(t, t <= 10 ? 'C1' : 'C2', 'Beginners');
      put.run(21, 'C1', 'Intermediate');
    })();
    const r = await run('/challenges level:compare', s);
    expect(r.data).toMatchObject({ n: { beginner: 20, intermediate: 1 } });
    // K = 11 and 10 of 21 topics: the least p any split allows is 0.476 (python3 enumeration: 0.47619...).
    expect(r.data.minAttainableP).toBeCloseTo(0.47619047619047616, 12);
    expect(r.text).toContain('no category can reach p < 0.05');
    expect(r.provenance!.sources).toEqual(['hfbot study rounds "pilot" (labels all raters agreed on or resolved)']);
  });

  it('/benefits level:compare works from coding rounds, and says how to get them when there are none', async () => {
    const none = await run('/benefits level:compare');
    expect(none.error?.code).toBe('E_NOT_FOUND');
    expect(none.text).toContain('benefit categories');
    expect(none.text).toContain('scheme:benefits');
    const s = await testServices();
    const put = s.db.prepare(
      "INSERT INTO topic_categories (topic_id, code, source, forum_category) VALUES (?, ?, 'round:2', ?)",
    );
    for (let t = 1; t <= 6; t++) put.run(1000 + t, t <= 4 ? 'B1' : 'B3', 'Beginners');
    for (let t = 1; t <= 4; t++) put.run(2000 + t, 'B2', 'Intermediate');
    const r = await run('/benefits level:compare', s);
    expect(r.error).toBeUndefined();
    expect(r.data).toMatchObject({ kind: 'benefits', n: { beginner: 6, intermediate: 4 }, tested: 3 });
    // B1 (4 2 / 0 4): python3 exact two-sided p = 8/105 = 0.0761904761904762; B2 (0 6 / 4 0): 1/210.
    const byCode = new Map(rowsOf(r).map((x) => [x.code, x]));
    expect(byCode.get('B1')!.p).toBeCloseTo(8 / 105, 12);
    expect(byCode.get('B2')!.p).toBeCloseTo(1 / 210, 12);
    expect((await run('/benefits level:beginner', s)).data).toMatchObject({ kind: 'benefits', n: 6 });
  });

  it('refuses an unknown level with the accepted ones', async () => {
    const bad = await run('/challenges level:both');
    expect(bad.error?.code).toBe('E_BAD_VALUE');
    expect(bad.text).toContain('all, beginner, intermediate, compare');
  });
});
