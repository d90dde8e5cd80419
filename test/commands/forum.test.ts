import { beforeAll, describe, expect, it } from 'vitest';
import { runCommandText } from '../../src/commands/run.js';
import { commands } from '../../src/commands/index.js';
import { testServices, testUser } from '../helpers/dataset.js';
import { generateTopics } from '../helpers/fake-discourse.js';
import { FAKE_CATEGORY_NAMES, mineFakeForum } from '../helpers/mined-forum.js';
import type { Reply, Services } from '../../src/commands/types.js';

let services: Services;
const ask = (text: string, s: Services = services) => runCommandText(text, { user: testUser(), services: s }, commands);
type Cat = {
  category: string;
  total: number;
  inWindow: number;
  series: { month: string; topics: number; cumulative: number }[];
};
const cats = (r: Reply) => r.data.categories as Cat[];

/** 300 topics from 2020-07 to 2023-06, mined from the fake Discourse by the real miner. */
const TOPICS = generateTopics(300, 11);
/** What the forum holds, counted straight from the generated topics (not through the database). */
function expected(upTo: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of TOPICS) {
    if (t.created_at.slice(0, 7) > upTo) continue;
    const name = FAKE_CATEGORY_NAMES.get(t.category_id)!;
    out.set(name, (out.get(name) ?? 0) + 1);
  }
  return out;
}

beforeAll(async () => {
  services = await testServices();
  await mineFakeForum(services.db, TOPICS);
});

describe('commands/forum', () => {
  it('says there is nothing mined yet and how to mine', async () => {
    const empty = await testServices();
    const r = await ask('/forum', empty);
    expect(r.error?.code).toBe('E_NOT_FOUND');
    expect(r.text).toContain('No mined forum topics yet');
    expect(r.text).toContain('hfbot mine forum');
  });

  it('counts mined topics per category and month, cumulative by default', async () => {
    const r = await ask('/forum');
    expect(r.error).toBeUndefined();
    expect(r.data).toMatchObject({ cumulative: true, from: '2020-07', to: '2023-06', topics: 300, inWindow: 300 });
    const got = new Map(cats(r).map((c) => [c.category, c.total]));
    expect(got).toEqual(expected('2023-06'));
    for (const c of cats(r)) {
      const upTo = expected('2021-12').get(c.category) ?? 0;
      expect(c.series.find((p) => p.month === '2021-12')!.cumulative, c.category).toBe(upTo);
      expect(c.series.at(-1)!.cumulative).toBe(c.total);
      // Monthly counts add up to the running total.
      expect(c.series.reduce((s, p) => s + p.topics, 0)).toBe(c.total);
    }
    // Largest first, as the package's legend lists them.
    const totals = cats(r).map((c) => c.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    expect(r.table!.columns).toEqual(['month', 'category', 'topics created', 'cumulative topics']);
    expect(r.table!.rows).toHaveLength(4 * 36);
    expect(r.provenance).toMatchObject({ window: { from: '2020-07', to: '2023-06' }, n: 300 });
    expect(r.provenance!.datasetVersion).toMatch(/^mined-forum-2026-11-22-[0-9a-f]{8}$/);
    // The paper's mining month is covered: its counts are put beside ours.
    expect(r.text).toContain(`Beginners ${expected('2023-06').get('Beginners')}`);
    expect(r.text).toContain('3.7K, 0.5K and 11,175');
    // Discourse's emoji names are the data; the chart draws only what DejaVu Sans has glyphs for.
    expect(cats(r).map((c) => c.category)).toContain('🤗Transformers');
    const chart = r.chart as { encoding: { color: { scale: { domain: string[] } } } };
    expect(chart.encoding.color.scale.domain).toContain('Transformers');
    expect(JSON.stringify(chart)).not.toContain('🤗');
  });

  it('starts a later window where each category stood, and can show monthly counts instead', async () => {
    const r = await ask('/forum 2022-01 2022-12');
    for (const c of cats(r)) {
      expect(c.series[0]!.cumulative - c.series[0]!.topics).toBe(expected('2021-12').get(c.category) ?? 0);
      expect(c.total).toBe(expected('2022-12').get(c.category) ?? 0);
    }
    expect(r.text).not.toContain('when the paper mined');
    const monthly = await ask('/forum 2022-01 2022-12 cumulative:false');
    expect(monthly.chartName?.file).toBe('forum-2022-01-2022-12-cumulative-false.png');
    expect(monthly.data.cumulative).toBe(false);
    const chart = monthly.chart as { data: { values: { value: number; month: string; category: string }[] } };
    const b = cats(monthly).find((c) => c.category === 'Beginners')!;
    expect(chart.data.values.filter((v) => v.category === 'Beginners').map((v) => v.value)).toEqual(
      b.series.map((p) => p.topics),
    );
    expect(monthly.provenance!.n).toBe(cats(monthly).reduce((s, c) => s + c.inWindow, 0));
  });

  it('picks categories by name as people type them (case, emoji, prefix), commas for several', async () => {
    const r = await ask('/forum category:beginners,Intermed');
    expect(
      cats(r)
        .map((c) => c.category)
        .sort(),
    ).toEqual(['Beginners', 'Intermediate']);
    expect(r.text).not.toContain('when the paper mined');
    const t = await ask('/forum category:transformers');
    expect(cats(t).map((c) => c.category)).toEqual(['🤗Transformers']);
    const bad = await ask('/forum category:begginers');
    expect(bad.error?.code).toBe('E_BAD_VALUE');
    expect(bad.text).toContain('"Beginners"');
    const ambiguous = await ask('/forum category:trans');
    expect(ambiguous.error?.code).toBe('E_BAD_VALUE');
    expect(ambiguous.text).toContain('fits several categories');
    expect((await ask('/forum 2019-01')).text).toContain('months available: 2020-07 to 2023-06');
    expect((await ask('/forum cumulative:maybe')).error?.code).toBe('E_BAD_VALUE');
  });
});
