import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCommandText } from '../../src/commands/run.js';
import { commands } from '../../src/commands/index.js';
import { testServices, testUser } from '../helpers/dataset.js';
import { REPLICATION } from '../helpers/paths.js';
import type { Services } from '../../src/commands/types.js';

let services: Services;
const ask = (text: string) => runCommandText(text, { user: testUser(), services }, commands);
type Row = {
  model: string;
  rho: number;
  p: number;
  q: number;
  n: number;
  reading: 'q' | 'p' | 'none';
  lowCount: boolean;
  forumMentions: number;
  hubUploads: number;
};

beforeAll(async () => {
  services = await testServices();
});

/** The paper's Table III, as printed. */
const TABLE_III: Record<string, number> = {
  bart: -0.6874,
  pegasus: -0.5315,
  bert: -0.4663,
  roberta: -0.4234,
  albert: -0.362,
  vit: 0.7655,
  whisper: 0.8831,
  llama: 0.9001,
};

/**
 * Benjamini & Hochberg (1995), written out from the paper rather than through adjusted q-values:
 * sort the m p-values, find the largest k with p(k) <= k/m * alpha, reject p(1)..p(k).
 */
function bhRejected(ps: { model: string; p: number }[], alpha: number): Set<string> {
  const sorted = [...ps].sort((a, b) => a.p - b.p);
  const m = sorted.length;
  let k = 0;
  for (let i = 1; i <= m; i++) if (sorted[i - 1]!.p <= (i / m) * alpha) k = i;
  return new Set(sorted.slice(0, k).map((x) => x.model));
}

/** Wide CSV of the package: a header of months, then one row per model type. */
function readWide(file: string): Map<string, Map<string, number>> {
  const [head, ...lines] = readFileSync(path.join(REPLICATION, file), 'utf8').trim().split(/\r?\n/);
  const months = head!
    .split(',')
    .slice(1)
    .map((m) => m.slice(0, 7));
  const out = new Map<string, Map<string, number>>();
  for (const line of lines) {
    const [name, ...cells] = line.split(',');
    out.set(name!, new Map(cells.map((c, i) => [months[i]!, Number(c)])));
  }
  return out;
}

/**
 * Low-count types straight from the package CSVs: each type's window starts at its first
 * non-zero month in either file (or 2020-07) and ends 2023-05; fewer than 10 forum mentions or
 * fewer than 6 non-zero months in either series is low.
 */
function lowCountFromCsv(tested: Set<string>): Set<string> {
  const forum = readWide('Forums_Model_Mentions_Over_Time.csv');
  const hub = readWide('Hub_Model_Types_Over_Time_Created.csv');
  const low = new Set<string>();
  for (const model of tested) {
    const f = forum.get(model)!;
    const h = hub.get(model)!;
    const nonZero = [...f, ...h].filter(([, n]) => n > 0).map(([m]) => m);
    const first = nonZero.sort()[0]!;
    const from = first > '2020-07' && first <= '2023-05' ? first : '2020-07';
    const inWin = (m: string) => m >= from && m <= '2023-05';
    const mentions = [...f].filter(([m]) => inWin(m)).reduce((s, [, n]) => s + n, 0);
    const months = (s: Map<string, number>) => [...s].filter(([m, n]) => inWin(m) && n > 0).length;
    if (mentions < 10 || Math.min(months(f), months(h)) < 6) low.add(model);
  }
  return low;
}

describe('commands/trends', () => {
  it('tests every model type in both series and holds all of Table III', async () => {
    const r = await ask('/trends');
    expect(r.error).toBeUndefined();
    // 145 types are in both series; one (constant in its window) cannot be tested.
    expect(r.data).toMatchObject({ types: 145, tested: 144, from: '2020-07', to: '2023-05', sort: 'significance' });
    const rows = r.data.rows as Row[];
    expect(rows).toHaveLength(144);
    for (const [model, rho] of Object.entries(TABLE_III)) {
      const row = rows.find((x) => x.model === model)!;
      expect(Number(row.rho.toFixed(4)), model).toBe(rho);
      expect(row.p, model).toBeLessThan(0.05);
      expect(row.q).toBeGreaterThanOrEqual(row.p);
    }
    expect(r.text).toMatch(/144 tested/);
    expect(r.provenance).toMatchObject({ n: 144, window: { from: '2020-07', to: '2023-05' } });
  });

  it('puts the headline first: llama, whisper and vit lead the table', async () => {
    const r = await ask('/trends');
    const rows = r.data.rows as Row[];
    expect(rows.slice(0, 3).map((x) => x.model)).toEqual(['llama', 'whisper', 'vit']);
    expect(r.table!.rows.slice(0, 3).map((x) => x[0])).toEqual(['llama', 'whisper', 'vit']);
    // Significance tiers in order (q < 0.05, then p < 0.05 only, then the rest), |rho| falling in each.
    const tier = { q: 0, p: 1, none: 2 };
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1]!, rows[i]!];
      expect(tier[a.reading] <= tier[b.reading], `${a.model} before ${b.model}`).toBe(true);
      if (a.reading === b.reading) expect(Math.abs(a.rho)).toBeGreaterThanOrEqual(Math.abs(b.rho));
    }
    expect(r.text).toContain('Sorted by significance');
  });

  it.each([
    ['rho', (a: Row, b: Row) => a.rho <= b.rho],
    ['p', (a: Row, b: Row) => a.p <= b.p],
    ['q', (a: Row, b: Row) => a.q <= b.q],
    ['name', (a: Row, b: Row) => a.model.localeCompare(b.model, 'en') < 0],
    ['n', (a: Row, b: Row) => a.n >= b.n],
  ] as const)('sort:%s orders the rows', async (sort, inOrder) => {
    const r = await ask(`/trends sort:${sort}`);
    expect(r.error).toBeUndefined();
    const rows = r.data.rows as Row[];
    expect(rows).toHaveLength(144);
    for (let i = 1; i < rows.length; i++) expect(inOrder(rows[i - 1]!, rows[i]!), rows[i]!.model).toBe(true);
    expect(r.table!.rows.map((x) => x[0])).toEqual(rows.map((x) => x.model));
  });

  it('gives both readings and says which types are in one set and not the other', async () => {
    const r = await ask('/trends');
    const rows = r.data.rows as Row[];
    const sigP = rows.filter((x) => x.p < 0.05).map((x) => x.model);
    const bh = bhRejected(rows, 0.05);
    const table3 = Object.keys(TABLE_III);
    const paperOnly = table3.filter((m) => !bh.has(m));
    const bhOnly = [...bh].filter((m) => !(m in TABLE_III));
    // The reading of each row matches the procedure written out from the 1995 paper.
    expect(new Set(rows.filter((x) => x.reading === 'q').map((x) => x.model))).toEqual(bh);
    expect(bh.size).toBe(9);
    expect(sigP).toHaveLength(21);
    expect(paperOnly.sort()).toEqual(['albert', 'bert', 'roberta']);
    expect(bhOnly.sort()).toEqual(['blip', 'clip', 'layoutlmv3', 'xlm-roberta']);
    const readings = r.data.readings as {
      paperRule: string[];
      paperOnly: { model: string }[];
      qOnly: { model: string }[];
    };
    // The paper's rule (p < 0.05 within the top 90% of both lists) gives exactly Table III's 8.
    expect([...readings.paperRule].sort()).toEqual([...table3].sort());
    expect(readings.paperOnly.map((x) => x.model).sort()).toEqual(paperOnly.sort());
    expect(readings.qOnly.map((x) => x.model).sort()).toEqual(bhOnly.sort());
    expect(r.text).toContain('21 types at p < 0.05');
    expect(r.text).toContain('9 at Benjamini-Hochberg q < 0.05');
    expect(r.text).toContain('all 144 tests');
    expect(r.text).toContain('Why Table III prints 8');
    expect(r.text).toContain('exactly its 8');
    const q = (m: string) => rows.find((x) => x.model === m)!.q;
    for (const m of paperOnly) expect(r.text).toContain(`${m} (q = ${Number(q(m).toPrecision(3))})`);
    for (const m of bhOnly) expect(r.text).toContain(m);
    expect(r.text).toMatch(/blip, layoutlmv3 \(outside both top-90% lists\)/);
    expect(r.text).toMatch(/clip \(outside the Hub top 90%\)/);
    expect(r.text).toMatch(/xlm-roberta \(outside the forum top 90%\)/);
  });

  it('flags low-count types, computed here from the package CSVs', async () => {
    const r = await ask('/trends');
    const rows = r.data.rows as Row[];
    const expected = lowCountFromCsv(new Set(rows.map((x) => x.model)));
    expect(new Set(rows.filter((x) => x.lowCount).map((x) => x.model))).toEqual(expected);
    expect(expected.has('nllb-moe')).toBe(true);
    expect(expected.has('bert')).toBe(false);
    expect(r.text).toContain('fewer than 10 forum mentions, or fewer than 6 non-zero months');
    expect(r.text).toContain(`${expected.size} of 144 types`);
    const col = r.table!.columns.indexOf('low count');
    for (const row of r.table!.rows) expect(row[col] === 'yes').toBe(expected.has(String(row[0])));
  });

  it('prints p and q by one rule in the table: three significant digits, "< 0.001" below', async () => {
    const r = await ask('/trends');
    const [p, q] = ['p', 'q'].map((c) => r.table!.columns.indexOf(c));
    const cells = r.table!.rows.flatMap((row) => [String(row[p!]), String(row[q!])]);
    for (const c of cells) expect(c).toMatch(/^(< 0\.001|0\.\d{0,2}[1-9]\d{0,2}|1)$/);
    expect(cells.some((c) => c.includes('e'))).toBe(false);
    const bart = r.table!.rows.find((row) => row[0] === 'bart')!;
    expect(bart[1]).toBe('-0.687');
    expect(bart[p!]).toBe('< 0.001');
  });

  it('filters to q < 0.05 and still explains both readings', async () => {
    const all = (await ask('/trends')).data.rows as Row[];
    const r = await ask('/trends significant:true sort:p');
    const rows = r.data.rows as Row[];
    expect(rows.length).toBe(all.filter((x) => x.q < 0.05).length);
    expect(rows.length).toBe(r.data.significant);
    expect(rows.every((x) => x.q < 0.05)).toBe(true);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.p).toBeGreaterThanOrEqual(rows[i - 1]!.p);
    expect(rows.map((x) => x.model)).toEqual(expect.arrayContaining(['bart', 'pegasus', 'vit', 'whisper']));
    expect(r.text).toContain('Why Table III prints 8');
  });

  it('names the chart after the command', async () => {
    expect((await ask('/trends')).chartName).toEqual({
      file: 'trends.png',
      title: '/trends: Spearman rho of forum mentions vs Hub uploads per model type',
    });
    expect((await ask('/trends significant:true')).chartName?.file).toBe('trends-significant-true.png');
  });

  it('names the missing source and refuses an unknown sort', async () => {
    const r = await ask('/trends source:mined');
    expect(r.text).toContain('No mined data yet; run hfbot mine');
    const bad = await ask('/trends sort:size');
    expect(bad.error?.code).toBe('E_BAD_VALUE');
    expect(bad.text).toContain('significance, rho, p, q, name, n');
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
