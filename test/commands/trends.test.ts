import { beforeAll, describe, expect, it } from 'vitest';
import { runCommandText } from '../../src/commands/run.js';
import { commands } from '../../src/commands/index.js';
import { testServices, testUser } from '../helpers/dataset.js';
import type { Services } from '../../src/commands/types.js';

let services: Services;
const ask = (text: string) => runCommandText(text, { user: testUser(), services }, commands);
type Row = { model: string; rho: number; p: number; q: number; forumMentions: number; hubUploads: number };

beforeAll(async () => {
  services = await testServices();
});

describe('commands/trends', () => {
  it('tests every model type in both series and holds all of Table III', async () => {
    const r = await ask('/trends');
    expect(r.error).toBeUndefined();
    // 145 types are in both series; one (constant in its window) cannot be tested.
    expect(r.data).toMatchObject({ types: 145, tested: 144, from: '2020-07', to: '2023-05' });
    const rows = r.data.rows as Row[];
    expect(rows).toHaveLength(144);
    const table3 = {
      bart: -0.6874,
      pegasus: -0.5315,
      bert: -0.4663,
      roberta: -0.4234,
      albert: -0.362,
      vit: 0.7655,
      whisper: 0.8831,
      llama: 0.9001,
    };
    for (const [model, rho] of Object.entries(table3)) {
      const row = rows.find((x) => x.model === model)!;
      expect(Number(row.rho.toFixed(4)), model).toBe(rho);
      expect(row.p, model).toBeLessThan(0.05);
      expect(row.q).toBeGreaterThanOrEqual(row.p);
    }
    // Default order is by rho, most negative first (as Table III lists them).
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.rho).toBeGreaterThanOrEqual(rows[i - 1]!.rho);
    expect(r.text).toMatch(/144 tested/);
    expect(r.text).toMatch(/\d+ significant at q<0.05/);
    expect(r.provenance).toMatchObject({ n: 144, window: { from: '2020-07', to: '2023-05' } });
  });

  it('filters to q < 0.05 and sorts by p', async () => {
    const all = (await ask('/trends')).data.rows as Row[];
    const r = await ask('/trends significant:true sort:p');
    const rows = r.data.rows as Row[];
    expect(rows.length).toBe(all.filter((x) => x.q < 0.05).length);
    expect(rows.length).toBe(r.data.significant);
    expect(rows.every((x) => x.q < 0.05)).toBe(true);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.p).toBeGreaterThanOrEqual(rows[i - 1]!.p);
    expect(rows.map((x) => x.model)).toEqual(expect.arrayContaining(['bart', 'pegasus', 'vit', 'whisper']));
  });

  it('names the missing source', async () => {
    const r = await ask('/trends source:mined');
    expect(r.text).toContain('No mined data yet; run hfbot mine');
    expect((await ask('/trends sort:q')).error?.code).toBe('E_BAD_VALUE');
  });
});

describe('commands/trends (cache)', () => {
  it('recomputes when the series version changes, as every recount does', async () => {
    const services = await testServices();
    const ask = async () =>
      (await runCommandText('/trends', { user: testUser(), services }, commands)).data.rows as {
        model: string;
        rho: number;
      }[];
    const bart = (rows: { model: string; rho: number }[]) => rows.find((r) => r.model === 'bart')!.rho;
    const before = await ask();
    expect(bart(before)).toBeCloseTo(-0.6874, 4);
    expect(bart(await ask())).toBe(bart(before));
    // A changed series always comes with a new content-derived version.
    services.db
      .prepare(
        "UPDATE hub_uploads SET uploads = uploads + 500 WHERE source = 'paper' AND model_type = 'bart' AND month < '2021-01'",
      )
      .run();
    services.db.prepare("UPDATE series_sources SET dataset_version = 'saner2024-edited' WHERE source = 'paper'").run();
    expect(bart(await ask())).not.toBeCloseTo(-0.6874, 2);
  });
});
