import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { runCommandText } from '../../src/commands/run.js';
import { commands } from '../../src/commands/index.js';
import { testServices, testUser } from '../helpers/dataset.js';
import type { Reply, Services } from '../../src/commands/types.js';

let services: Services;
let reply: Reply;
const run = (text: string) => runCommandText(text, { user: testUser(), services }, commands);
type Row = {
  group: string;
  category: string;
  published: number;
  publishedPercent: number;
  recomputed: number;
  recomputedPercent: number;
  difference: number;
};
type Assignment = { topic: number; rootCause: string; category: string; rule: string };

beforeAll(async () => {
  services = await testServices();
  reply = await run('/rootcauses');
});

describe('commands/rootcauses', () => {
  it('shows the published Table II: 15, 12, 8, 7, 12, 9, 3, 2, 4 = 72 with the printed percentages', () => {
    expect(reply.error).toBeUndefined();
    const rows = reply.data.rows as Row[];
    expect(rows.map((r) => r.category)).toEqual([
      'Lack of familiarity with HF and its libraries',
      'Lack of practical and programming knowledge',
      'Lack of API usage knowledge',
      'Lack of theoretical knowledge',
      'Lacking feature by HF',
      'Lacking documentation',
      'HF bugs',
      'External platforms and libraries',
      'Other/Unknown',
    ]);
    expect(rows.map((r) => r.published)).toEqual([15, 12, 8, 7, 12, 9, 3, 2, 4]);
    expect(rows.map((r) => r.publishedPercent)).toEqual([20.8, 16.7, 11.1, 9.7, 16.7, 12.5, 4.2, 2.8, 5.5]);
    expect(reply.data.publishedTotal).toBe(72);
  });

  it('recounts all 72 causes with the rules: 7 of 9 categories match, two causes move', () => {
    const rows = reply.data.rows as Row[];
    expect(rows.map((r) => r.recomputed)).toEqual([14, 12, 8, 7, 12, 9, 3, 2, 5]);
    expect(rows.reduce((s, r) => s + r.recomputed, 0)).toBe(72);
    expect(rows.map((r) => r.difference)).toEqual([-1, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(rows[0]!.recomputedPercent).toBe(19.4); // 14/72
    expect(rows[8]!.recomputedPercent).toBe(6.9); // 5/72
    expect(reply.text).toContain('7 of 9');
    expect(reply.text).toContain('Other/Unknown 5 vs 4');
  });

  it('lists every assignment with its rule, so a reviewer can audit', () => {
    const a = reply.data.assignments as Assignment[];
    expect(a).toHaveLength(72);
    // The paper names these two as the External platforms and libraries causes (T31171, T19446).
    const external = a
      .filter((x) => x.category === 'External platforms and libraries')
      .map((x) => x.topic)
      .sort();
    expect(external).toEqual([19446, 31171]);
    expect(a.find((x) => x.topic === 4503)).toMatchObject({
      category: 'Lack of theoretical knowledge',
      rule: 'user-theory',
    });
    const rules = reply.data.rules as { id: string; pattern: string; why: string }[];
    expect(new Set(a.map((x) => x.rule)).size).toBe(rules.length); // every rule is used on the real data
  });

  it('cites Root_Causes.csv with the dataset version, and its chart compiles', () => {
    expect(reply.provenance).toMatchObject({ sources: ['Root_Causes.csv', 'paper Table II'], window: null, n: 72 });
    expect(reply.provenance!.datasetVersion).toMatch(/^saner2024-/);
    expect(reply.table!.columns).toContain('published');
    expect(reply.text.length).toBeLessThan(1000);
    expect(() => compile(reply.chart as never)).not.toThrow();
  });

  it('takes no options', async () => {
    expect((await run('/rootcauses level:beginner')).error?.code).toBe('E_UNKNOWN_OPTION');
    expect((await run('/rootcauses extra')).error?.code).toBe('E_USAGE');
  });
});
