import { beforeAll, describe, expect, it } from 'vitest';
import { runCommandText } from '../../src/commands/run.js';
import { commands } from '../../src/commands/index.js';
import { testServices, testUser } from '../helpers/dataset.js';
import type { Services } from '../../src/commands/types.js';

let services: Services;
const ask = (text: string) => runCommandText(text, { user: testUser(), services }, commands);
type Month = { month: string; models: number; withCard: number; ratio: number };

beforeAll(async () => {
  services = await testServices();
});

describe('commands/cards', () => {
  it('gives the pooled card ratio over the whole file (Fig. 4)', async () => {
    const r = await ask('/cards');
    expect(r.error).toBeUndefined();
    // card_data_stats_months_created.csv: 42 months 2019-12..2023-05, 213,793 models of which
    // 112,568 with a card (sums of its two columns, checked with sqlite3 on the built dataset).
    expect(r.data).toMatchObject({ from: '2019-12', to: '2023-05', models: 213793, withCard: 112568 });
    expect(r.data.overallRatio).toBeCloseTo(112568 / 213793, 12);
    const months = r.data.months as Month[];
    expect(months).toHaveLength(42);
    // Paper: "26k models created in May 2023"; the ratio stays below 0.6 then.
    const may = months.find((m) => m.month === '2023-05')!;
    expect(may.models).toBe(26095);
    expect(may.ratio).toBeCloseTo(12803 / 26095, 12);
    expect(may.ratio).toBeLessThan(0.6);
    expect(r.provenance).toMatchObject({ n: 213793, window: { from: '2019-12', to: '2023-05' } });
    expect(r.text).toContain('0.5265');
  });

  it('takes a window, positional or named, and checks it', async () => {
    const r = await ask('/cards 2023-05 2023-05');
    expect(r.data).toMatchObject({ models: 26095, withCard: 12803 });
    expect((await ask('/cards from:2022-01 to:2023-05')).data.months).toHaveLength(17);
    const bad = await ask('/cards from:2019-01');
    expect(bad.error?.code).toBe('E_BAD_VALUE');
    expect(bad.text).toContain('2019-12 to 2023-05');
    expect((await ask('/cards 2023-01 2022-01')).text).toContain('must not be after');
  });
});
