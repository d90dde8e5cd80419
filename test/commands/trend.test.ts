import { beforeAll, describe, expect, it } from 'vitest';
import { runCommandText } from '../../src/commands/run.js';
import { commands } from '../../src/commands/index.js';
import { testServices, testUser } from '../helpers/dataset.js';
import type { Services } from '../../src/commands/types.js';

let services: Services;
const ask = (text: string) => runCommandText(text, { user: testUser(), services }, commands);
const num = (x: unknown) => x as number;

beforeAll(async () => {
  services = await testServices();
});

describe('commands/trend', () => {
  // Table III of the paper, to 4 decimals. The first five reproduce over the full
  // 2020-07..2023-05 window; ViT, Whisper and LLaMa only when the window starts at the
  // model's first month in either series, which is the command's default.
  it.each([
    ['bart', -0.6874, 35],
    ['pegasus', -0.5315, 35],
    ['bert', -0.4663, 35],
    ['roberta', -0.4234, 35],
    ['albert', -0.362, 35],
    ['vit', 0.7655, 34],
    ['whisper', 0.8831, 28],
    ['LLaMa', 0.9001, 8],
  ])('reproduces Table III for %s (rho %s over %s months)', async (model, rho, n) => {
    const r = await ask(`/trend ${model}`);
    expect(r.error).toBeUndefined();
    expect(Number(num(r.data.rho).toFixed(4))).toBe(rho);
    expect(r.data.n).toBe(n);
    expect(r.data.paperRho).toBe(rho);
    expect(num(r.data.p)).toBeLessThan(0.05);
    expect(r.data.to).toBe('2023-05');
    expect((r.data.series as unknown[]).length).toBe(n);
    expect(r.provenance).toMatchObject({
      datasetVersion: expect.stringMatching(/^saner2024-/),
      window: { from: r.data.from, to: '2023-05' },
      n,
    });
    expect(r.provenance!.sources.join(' ')).toContain('Forums_Model_Mentions_Over_Time.csv');
    expect(r.text).toContain('Matches Table III');
  });

  it('gives scipy p-values (t approximation) for the paper window', async () => {
    // /usr/bin/python3: spearmanr(forum, hub) over the 35 monthly counts (missing = 0) of
    // bart and of bert, 2020-07..2023-05, read from Forums_Model_Mentions_Over_Time.csv and
    // Hub_Model_Types_Over_Time_Created.csv: p = 5.076534095941732e-06 and 0.004747684554123952.
    expect(num((await ask('/trend bart')).data.p) / 5.076534095941732e-6).toBeCloseTo(1, 8);
    expect(num((await ask('/trend bert')).data.p) / 0.004747684554123952).toBeCloseTo(1, 8);
  });

  it('uses an explicit window as given and says how it differs from Table III', async () => {
    const r = await ask('/trend vit from:2020-07');
    // scipy over 2020-07..2023-05: rho 0.780283768759248
    expect(num(r.data.rho)).toBeCloseTo(0.780283768759248, 10);
    expect(r.data.n).toBe(35);
    expect(r.text).toContain('Table III prints 0.7655');
    const dflt = await ask('/trend vit');
    expect(dflt.data.fullWindow).toMatchObject({ from: '2020-07', n: 35 });
    expect(dflt.text).toContain('first month in either series (2020-08)');
  });

  it('accepts common spellings', async () => {
    for (const [typed, name] of [
      ['llama-2', 'llama'],
      ['gpt-2', 'gpt2'],
      ['xlm roberta', 'xlm-roberta'],
      ['ViT', 'vit'],
    ]) {
      const r = await ask(`/trend ${typed}`);
      expect(r.error, typed).toBeUndefined();
      expect(r.data.model).toBe(name);
    }
  });

  it('suggests the closest model types for an unknown name', async () => {
    const r = await ask('/trend lama');
    expect(r.error?.code).toBe('E_UNKNOWN_MODEL');
    expect(r.ephemeral).toBe(true);
    expect(r.text).toContain('"llama"');
  });

  it('rejects windows outside the data or in the wrong order, naming the available months', async () => {
    const before = await ask('/trend bert from:2019-01');
    expect(before.error?.code).toBe('E_BAD_VALUE');
    expect(before.text).toContain('from 2019-01');
    expect(before.text).toContain('2020-07 to 2023-06');
    const after = await ask('/trend bert to:2024-01');
    expect(after.text).toContain('to 2024-01');
    const order = await ask('/trend bert from:2022-01 to:2021-01');
    expect(order.error?.code).toBe('E_BAD_VALUE');
    expect(order.text).toContain('must not be after');
    expect((await ask('/trend bert from:2021-13')).error?.code).toBe('E_BAD_VALUE');
  });

  it('says rho is undefined when a series is constant in the window', async () => {
    // llama has no forum mention and no upload before 2022-10.
    const r = await ask('/trend llama from:2021-01 to:2021-12');
    expect(r.data.rho).toBeNull();
    expect(r.data.undefinedReason).toBe('constant');
    expect(r.text).toContain('undefined');
  });

  it('reads rows by source: no mined data yet is a clear error, mined rows are used when present', async () => {
    const none = await ask('/trend bert source:mined');
    expect(none.error?.code).toBe('E_NOT_FOUND');
    expect(none.text).toContain('No mined data yet; run hfbot mine');
    const db = services.db;
    db.transaction(() => {
      db.prepare(
        "INSERT INTO series_sources VALUES ('mined', 'mined-test', 'hfbot miners (test rows)', '2026-01-01')",
      ).run();
      db.prepare(
        "INSERT INTO series_windows VALUES ('mined', 'forum', '2024-01', '2024-04', 0), ('mined', 'hub', '2024-01', '2024-04', 0)",
      ).run();
      db.prepare("INSERT INTO model_types VALUES ('mined', 'bert', 1, 1)").run();
      db.prepare(
        "INSERT INTO forum_mentions VALUES ('mined', 'bert', '2024-01', 1), ('mined', 'bert', '2024-02', 2), ('mined', 'bert', '2024-03', 3), ('mined', 'bert', '2024-04', 4)",
      ).run();
      db.prepare(
        "INSERT INTO hub_uploads VALUES ('mined', 'bert', '2024-01', 40), ('mined', 'bert', '2024-02', 30), ('mined', 'bert', '2024-04', 10)",
      ).run();
    })();
    const r = await ask('/trend bert source:mined');
    expect(r.error).toBeUndefined();
    // hub 40, 30, 0 (missing), 10 against forum 1..4: ranks 4,3,1,2 vs 1,2,3,4 -> rho = -0.8
    expect(num(r.data.rho)).toBeCloseTo(-0.8, 12);
    expect(r.data).toMatchObject({ from: '2024-01', to: '2024-04', n: 4, paperRho: null });
    expect(r.provenance?.datasetVersion).toBe('mined-test');
    db.prepare("DELETE FROM series_sources WHERE source = 'mined'").run();
  });
});
