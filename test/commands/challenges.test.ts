import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { runCommandText } from '../../src/commands/run.js';
import { commands } from '../../src/commands/index.js';
import { testServices, testUser } from '../helpers/dataset.js';
import type { Reply, Services } from '../../src/commands/types.js';

let services: Services;
const run = (text: string, s: Services = services) => runCommandText(text, { user: testUser(), services: s }, commands);
type Row = {
  code: string;
  category: string;
  count: number;
  percent: number;
  paperPercent?: number | null;
  lower?: number;
  upper?: number;
};
const rowsOf = (r: Reply) => r.data.rows as Row[];

beforeAll(async () => {
  services = await testServices();
});

describe('commands/challenges', () => {
  it("level:all is the paper's Table I: 737 codes, C1 106 = 14.38%, every percentage as printed", async () => {
    const r = await run('/challenges');
    expect(r.error).toBeUndefined();
    expect(r.data.total).toBe(737);
    const rows = rowsOf(r);
    expect(rows).toHaveLength(17);
    expect(rows[0]).toMatchObject({ code: 'C1', count: 106, percent: 14.38 });
    // Table I, paper p. 4: all 17 printed percentages.
    const printed = [
      14.38, 11.94, 10.85, 9.09, 8.14, 7.6, 6.92, 6.92, 6.24, 4.21, 3.8, 3.53, 2.17, 1.22, 1.22, 0.95, 0.81,
    ];
    expect(rows.map((x) => x.percent)).toEqual(printed);
    expect(rows.at(-1)).toMatchObject({ code: 'C17', count: 6 });
    expect(r.text).toContain('737');
    expect(r.text).toContain('Codebook.xlsx');
    expect(r.text.length).toBeLessThan(1000);
    expect(r.provenance).toMatchObject({
      sources: ['Codebook.xlsx [Overview] (Table I counts)'],
      window: null,
      n: 737,
    });
    expect(r.provenance!.datasetVersion).toMatch(/^saner2024-/);
    expect(r.table!.rows[0]).toEqual(['C1', 'Model Usage and Understanding', 106, 14.38, 14.38]);
    expect(() => compile(r.chart as never)).not.toThrow();
  });

  it('top:N keeps the N largest; level can be positional', async () => {
    const r = await run('/challenges all top:3');
    expect(rowsOf(r).map((x) => x.code)).toEqual(['C1', 'C2', 'C3']);
    expect(r.data.total).toBe(737);
  });

  it("level:beginner: n = 18 topics with Wilson intervals, said to be topics, not the paper's codes", async () => {
    const r = await run('/challenges level:beginner');
    expect(r.error).toBeUndefined();
    expect(r.data.n).toBe(18);
    expect(r.data.unit).toBe('topics');
    const c1 = rowsOf(r)[0]!;
    // Root_Causes.csv: 7 of the 18 Beginners topics are C1. Wilson 95% by Python stdlib
    // (NormalDist().inv_cdf(0.975), formula as in test/analysis/wilson.test.ts): 20.31%..61.38%.
    expect(c1).toMatchObject({ code: 'C1', count: 7, percent: 38.89, lower: 20.31, upper: 61.38 });
    // C6: 4/18 -> 9.00%..45.21%.
    expect(rowsOf(r)[1]).toMatchObject({ code: 'C6', count: 4, lower: 9, upper: 45.21 });
    expect(r.text).toContain('n = 18 topics');
    expect(r.text).toContain("not the paper's 737 codes");
    expect(r.text).toMatch(/shares are of topics/i);
    expect(r.provenance).toMatchObject({ n: 18, sources: ['Root_Causes.csv'], window: null });
    const spec = r.chart as Record<string, unknown>;
    expect(JSON.stringify(spec)).toContain('"rule"');
    expect(() => compile(spec as never)).not.toThrow();
  });

  it('level:intermediate: n = 2, intervals nearly the whole range', async () => {
    const r = await run('/challenges intermediate');
    expect(r.data.n).toBe(2);
    const c1 = rowsOf(r).find((x) => x.code === 'C1')!;
    // 1/2 -> Wilson 9.45%..90.55% (Python stdlib, as above).
    expect(c1).toMatchObject({ count: 1, percent: 50, lower: 9.45, upper: 90.55 });
  });

  it('coding-round rows join the level sample, each (topic, code) counted once', async () => {
    const s = await testServices();
    const beginnerC1 = s.db
      .prepare("SELECT topic_id FROM topic_categories WHERE forum_category = 'Beginners' AND code = 'C1' LIMIT 1")
      .get() as { topic_id: number };
    s.db
      .prepare(
        "INSERT INTO rounds (id, name, owner, scheme, seed, size, status, created_at, purpose) VALUES (1, 'pilot', 'test:olga', 'challenges', 'p', 3, 'open', 'x', 'study')",
      )
      .run();
    const insert = s.db.prepare(
      "INSERT INTO topic_categories (topic_id, code, source, forum_category) VALUES (?, ?, 'round:1', 'Beginners')",
    );
    insert.run(beginnerC1.topic_id, 'C1'); // same pair from a second source: still one
    insert.run(999_001, 'C1'); // a new beginner topic
    insert.run(999_002, 'B1'); // a benefit: not a challenge topic
    const r = await run('/challenges level:beginner', s);
    expect(r.data.n).toBe(19);
    // 8/19 -> Wilson 23.14%..63.72% (Python stdlib, as above).
    expect(rowsOf(r)[0]).toMatchObject({ code: 'C1', count: 8, lower: 23.14, upper: 63.72 });
    // The answer names the round whose labels it counts.
    const rounds = 'hfbot study rounds "pilot" (labels all raters agreed on or resolved)';
    expect(r.provenance!.sources).toEqual(['Root_Causes.csv', rounds]);
    expect(r.text).toContain(rounds);
  });

  it('rejects bad option values with the expected values', async () => {
    const bad = await run('/challenges level:expert');
    expect(bad.error?.code).toBe('E_BAD_VALUE');
    expect(bad.text).toContain('all, beginner, intermediate');
    const top0 = await run('/challenges top:0');
    expect(top0.error?.code).toBe('E_BAD_VALUE');
    expect((await run('/challenges top:x')).error?.code).toBe('E_BAD_VALUE');
    expect((await run('/challenges top:18')).error?.code).toBe('E_BAD_VALUE');
    expect((await run('/challenges kind:x')).error?.code).toBe('E_UNKNOWN_OPTION');
  });
});

describe('commands/benefits', () => {
  it("is Table I's benefits: 514 codes, B1 262; B1/B3 rounding difference is stated", async () => {
    const r = await run('/benefits');
    expect(r.data.total).toBe(514);
    const rows = rowsOf(r);
    expect(rows.map((x) => x.count)).toEqual([262, 141, 76, 15, 12, 8]);
    // 262/514 = 50.9728 -> 50.97 by our rule; Table I prints 50.98 (and 14.78 for 76/514 = 14.786).
    expect(rows[0]).toMatchObject({ code: 'B1', percent: 50.97, paperPercent: 50.98 });
    expect(rows[2]).toMatchObject({ code: 'B3', percent: 14.79, paperPercent: 14.78 });
    expect(rows[1]).toMatchObject({ code: 'B2', percent: 27.43, paperPercent: 27.43 });
    expect(r.text).toContain('50.98');
    expect(r.provenance!.n).toBe(514);
    expect(() => compile(r.chart as never)).not.toThrow();
  });

  it('top:2 and bad values', async () => {
    expect(rowsOf(await run('/benefits top:2')).map((x) => x.code)).toEqual(['B1', 'B2']);
    expect((await run('/benefits top:7')).error?.code).toBe('E_BAD_VALUE');
    expect((await run('/benefits level:beginner')).error?.code).toBe('E_NOT_FOUND');
    expect((await run('/benefits kind:x')).error?.code).toBe('E_UNKNOWN_OPTION');
  });
});
