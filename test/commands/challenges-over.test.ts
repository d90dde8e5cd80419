import { beforeAll, describe, expect, it } from 'vitest';
import { runCommandText } from '../../src/commands/run.js';
import { commands } from '../../src/commands/index.js';
import { testServices, testUser } from '../helpers/dataset.js';
import { mineFakeForum, topicsAt } from '../helpers/mined-forum.js';
import type { Services } from '../../src/commands/types.js';

const ask = (text: string, s: Services) => runCommandText(text, { user: testUser(), services: s }, commands);

/**
 * The fixture's dates: Discourse numbers topics in creation order, so a topic's date is taken
 * linear in its id, from id 0 on 2020-07-01 to id 45,000 on 2023-06-20 (integer milliseconds).
 * Topics whose id is a multiple of 7 are left unmined, so some coded topics have no date.
 */
const T0 = Date.parse('2020-07-01T00:00:00Z');
const T1 = Date.parse('2023-06-20T00:00:00Z');
const createdAt = (id: number) => new Date(T0 + Math.floor((id * (T1 - T0)) / 45000)).toISOString();
const fakeCategory = (c: string) => (c === 'Beginners' || c === 'Intermediate' ? c : '🤗Transformers');

/** The paper's coded topics (Root_Causes.csv via topic_categories), mined from the fake Discourse. */
async function minePaperTopics(s: Services): Promise<void> {
  const topics = s.db
    .prepare('SELECT topic_id AS id, min(forum_category) AS category FROM topic_categories GROUP BY topic_id')
    .all() as { id: number; category: string }[];
  const specs = topics
    .filter((t) => t.id % 7 !== 0)
    .map((t) => ({ id: t.id, createdAt: createdAt(t.id), category: fakeCategory(t.category) }));
  await mineFakeForum(s.db, topicsAt(specs));
}

type Data = {
  codes: number;
  datedTopics: number;
  codedTopics: number;
  periods: { period: string; n: number }[];
  rows: { code: string; counts: number[] }[];
  test: {
    statistic: number;
    df: number;
    p: number;
    cochran: { ok: boolean; below5: number; cells: number; minExpected: number };
    monteCarlo: { p: number; replicates: number; seed: string } | null;
  };
};

let services: Services;
beforeAll(async () => {
  services = await testServices();
});

describe('commands/challenges over:', () => {
  it('says where the dates come from when nothing is mined', async () => {
    const r = await ask('/challenges over:year', services);
    expect(r.error?.code).toBe('E_NOT_FOUND');
    expect(r.text).toContain('None of the 70 coded topics');
    expect(r.text).toContain('hfbot mine forum');
  });

  /*
   * Reference (python3, no scipy): the same fixture rule applied to the 71 (topic, category) pairs of
   * topic_categories, the contingency table built by hand, X^2 with fractions, p by the regularised
   * gamma series of test/analysis/chi-square.test.ts, and a Monte-Carlo p from 100,000 shuffles of the
   * period labels (python's random, seed 1): 0.972530. Our 2,000 replicates have a binomial SE of
   * sqrt(0.9725 * 0.0275 / 2000) = 0.0037, so they must land within 0.015 of it.
   */
  it('tests category x year on the paper’s coded topics once mined, with a Monte-Carlo p when expected counts are small', async () => {
    await minePaperTopics(services);
    const r = await ask('/challenges over:year', services);
    expect(r.error).toBeUndefined();
    const d = r.data as unknown as Data;
    expect(d).toMatchObject({ codes: 53, datedTopics: 52, codedTopics: 70 });
    expect(d.periods).toEqual([
      { period: '2020', n: 5 },
      { period: '2021', n: 24 },
      { period: '2022', n: 21 },
      { period: '2023', n: 3 },
    ]);
    const counts = new Map(d.rows.map((x) => [x.code, x.counts]));
    expect(counts.get('C1')).toEqual([2, 4, 1, 1]);
    expect(counts.get('C2')).toEqual([1, 4, 3, 1]);
    expect(counts.get('C9')).toEqual([1, 0, 2, 1]);
    expect(counts.has('C11')).toBe(false);
    expect(d.test.statistic).toBeCloseTo(22.094600340136054, 10);
    expect(d.test.df).toBe(36);
    expect(d.test.p / 0.96667231626718864).toBeCloseTo(1, 8);
    expect(d.test.cochran).toMatchObject({ ok: false, below5: 52, cells: 52 });
    expect(d.test.cochran.minExpected).toBeCloseTo(0.056603773584905662, 12);
    expect(d.test.monteCarlo).toMatchObject({ replicates: 2000, seed: 'hfbot-iii-c4' });
    expect(Math.abs(d.test.monteCarlo!.p - 0.97253)).toBeLessThan(0.015);
    // Seeded: the same question gives the same p.
    expect(((await ask('/challenges over:year', services)).data as unknown as Data).test.monteCarlo).toEqual(
      d.test.monteCarlo,
    );
    expect(r.text).toContain("Cochran's rule");
    expect(r.text).toContain('We observed no discernible trend');
    expect(r.text).toContain('in line with it');
    // T639 -> 2020-07-16 and T41198 -> 2023-03-20 by the fixture rule (python3 datetime).
    expect(r.provenance).toMatchObject({ n: 53, window: { from: '2020-07', to: '2023-03' } });
    expect(r.provenance!.sources).toEqual([
      'Root_Causes.csv',
      'hfbot mine forum: forum_topics.created_at (creation dates)',
    ]);
    expect(r.table!.columns).toEqual(['code', 'category', '2020', '2021', '2022', '2023', 'total']);
  });

  it('by quarter: every quarter from the first to the last, and the hand-computed statistic', async () => {
    const r = await ask('/challenges over:quarter', services);
    const d = r.data as unknown as Data;
    expect(d.periods.map((p) => p.period)).toEqual([
      '2020-Q3',
      '2020-Q4',
      '2021-Q1',
      '2021-Q2',
      '2021-Q3',
      '2021-Q4',
      '2022-Q1',
      '2022-Q2',
      '2022-Q3',
      '2022-Q4',
      '2023-Q1',
    ]);
    expect(d.test.statistic).toBeCloseTo(110.24615929705216, 9);
    expect(d.test.df).toBe(120);
    expect(d.test.p / 0.72713635446597391).toBeCloseTo(1, 8);
    expect((await ask('/challenges level:compare over:year', services)).error?.code).toBe('E_USAGE');
  });

  it('reads the chi-square p when expected counts are large enough, and says when it is at odds with the paper', async () => {
    const s = await testServices();
    s.db.prepare('DELETE FROM topic_categories').run();
    // The rows come from study round 1, which answers name.
    s.db
      .prepare(
        "INSERT INTO rounds (id, name, owner, scheme, seed, size, status, created_at, purpose) VALUES (1, 'pilot', 'test:olga', 'challenges', 'p', 100, 'closed', 'x', 'study')",
      )
      .run();
    const put = s.db.prepare(
      "INSERT INTO topic_categories (topic_id, code, source, forum_category) VALUES (?, ?, 'round:1', 'Beginners')",
    );
    const specs: { id: number; createdAt: string; category: string }[] = [];
    // 2021: 40 topics of C1 and 10 of C2; 2022: 10 of C1 and 40 of C2.
    for (let k = 0; k < 100; k++) {
      const id = 50_000 + k;
      const year = k < 50 ? 2021 : 2022;
      put.run(id, (k < 50 ? k < 40 : k >= 90) ? 'C1' : 'C2');
      specs.push({ id, createdAt: `${year}-0${1 + (k % 9)}-15T10:00:00.000Z`, category: 'Beginners' });
    }
    await mineFakeForum(s.db, topicsAt(specs));
    const r = await ask('/challenges over:year', s);
    const d = r.data as unknown as Data;
    expect(d.rows.map((x) => [x.code, x.counts])).toEqual([
      ['C1', [40, 10]],
      ['C2', [10, 40]],
    ]);
    // By hand: every expected count is 25, X^2 = 4 * 15^2 / 25 = 36, df = 1; p = erfc(sqrt(18))
    // = 1.9731752900754e-09 (python3 math.erfc; the gamma series gives 1.9731752900753941e-09).
    expect(d.test.statistic).toBeCloseTo(36, 12);
    expect(d.test.p / 1.9731752900753941e-9).toBeCloseTo(1, 8);
    expect(d.test.cochran.ok).toBe(true);
    expect(d.test.monteCarlo).toBeNull();
    expect(r.text).toContain('at odds with it');
    expect(r.provenance!.sources).toEqual([
      'hfbot study rounds "pilot" (labels all raters agreed on or resolved)',
      'hfbot mine forum: forum_topics.created_at (creation dates)',
    ]);
  });
});
