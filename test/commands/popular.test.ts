import { beforeAll, describe, expect, it } from 'vitest';
import { runCommandText } from '../../src/commands/run.js';
import { commands } from '../../src/commands/index.js';
import { testServices, testUser } from '../helpers/dataset.js';
import type { Services } from '../../src/commands/types.js';
import { headSize, rankByCount } from '../../src/analysis/popular.js';

let services: Services;
const ask = (text: string) => runCommandText(text, { user: testUser(), services }, commands);
type Row = { model: string; forumMentions: number; forumShare: number; hubModels: number; hubShare: number };

beforeAll(async () => {
  services = await testServices();
});

describe('commands/popular', () => {
  it('defaults to the 31 types that make up 90% of forum mentions (Fig. 3)', async () => {
    const r = await ask('/popular');
    expect(r.error).toBeUndefined();
    expect(r.data.top).toBe(31);
    const rows = r.data.rows as Row[];
    expect(rows).toHaveLength(31);
    expect(num(r.data.coverage)).toBeGreaterThanOrEqual(0.9);
    // BERT leads both (paper: "most discussed and most uploaded"); the top four by forum
    // mentions are bert, t5, roberta, gpt2.
    expect(rows.slice(0, 4).map((x) => x.model)).toEqual(['bert', 't5', 'roberta', 'gpt2']);
    expect(rows[0]!.forumMentions).toBe(1881);
    expect(rows[0]!.forumShare).toBeCloseTo(1881 / 7620, 12);
    expect(rows[0]!.hubShare).toBeCloseTo(23651 / 103047, 12);
  });

  it("reproduces the paper's rho 0.702 over all 171 Hub model types", async () => {
    const r = await ask('/popular');
    // /usr/bin/python3, scipy 1.10.1: spearmanr over the 171 Hub model types of
    // (total forum mentions, 0 if never mentioned) vs (total Hub models), every month:
    // rho 0.7019382143830561, p 1.076739866303602e-26. Over the top 31 only: 0.695774935472412.
    expect(num(r.data.rho)).toBeCloseTo(0.7019382143830561, 12);
    expect(num(r.data.p) / 1.076739866303602e-26).toBeCloseTo(1, 6);
    expect(r.data.n).toBe(171);
    expect(num(r.data.rhoTop)).toBeCloseTo(0.695774935472412, 12);
    // Printed as every rho is (three decimals, src/format/numbers.ts), and p below 0.001 as "< 0.001".
    expect(r.text).toContain('rho = 0.702, p < 0.001 (paper: 0.702)');
    expect(r.text).toContain('all 171 Hub model types');
  });

  it('takes top:N', async () => {
    const r = await ask('/popular top:5');
    expect((r.data.rows as Row[]).map((x) => x.model)).toEqual(['bert', 't5', 'roberta', 'gpt2', 'bart']);
    expect((await ask('/popular top:0')).error?.code).toBe('E_BAD_VALUE');
  });

  it('headSize finds the smallest head reaching a share', () => {
    const ranked = rankByCount(
      new Map([
        ['a', 50],
        ['b', 30],
        ['c', 15],
        ['d', 5],
      ]),
    );
    expect(headSize(ranked, 0.8)).toBe(2);
    expect(headSize(ranked, 0.81)).toBe(3);
    expect(headSize(ranked, 1)).toBe(4);
  });
});

const num = (x: unknown) => x as number;
