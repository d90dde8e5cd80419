import { describe, expect, it } from 'vitest';
import { runCommandText } from '../../src/commands/run.js';
import { commands } from '../../src/commands/index.js';
import { testServices, testUser } from '../helpers/dataset.js';
import type { Services } from '../../src/commands/types.js';

const ask = (text: string, s: Services) => runCommandText(text, { user: testUser(), services: s }, commands);

/** Mined series rows as src/data/derive/series.ts writes them, for months 2023-01..2023-06. */
function insertMined(
  s: Services,
  rows: { forum: [string, string, number][]; hub: [string, string, number][]; cards?: [string, number, number][] },
): void {
  const db = s.db;
  db.transaction(() => {
    db.prepare("INSERT INTO series_sources VALUES ('mined', 'mined-test', 'test rows', '2026-01-01')").run();
    for (const series of ['forum', 'hub'])
      db.prepare("INSERT INTO series_windows VALUES ('mined', ?, '2023-01', '2023-06', 0)").run(series);
    const cardMonths = (rows.cards ?? []).map((r) => r[0]).sort();
    db.prepare("INSERT INTO series_windows VALUES ('mined', 'cards', ?, ?, 0)").run(
      cardMonths[0] ?? '2023-01',
      cardMonths.at(-1) ?? '2023-06',
    );
    const types = new Set([...rows.forum, ...rows.hub].map((r) => r[0]));
    for (const t of types)
      db.prepare("INSERT INTO model_types VALUES ('mined', ?, ?, ?)").run(
        t,
        rows.forum.some((r) => r[0] === t) ? 1 : 0,
        rows.hub.some((r) => r[0] === t) ? 1 : 0,
      );
    for (const r of rows.forum) db.prepare("INSERT INTO forum_mentions VALUES ('mined', ?, ?, ?)").run(...r);
    for (const r of rows.hub) db.prepare("INSERT INTO hub_uploads VALUES ('mined', ?, ?, ?)").run(...r);
    for (const r of rows.cards ?? []) db.prepare("INSERT INTO card_stats VALUES ('mined', ?, ?, ?)").run(...r);
  })();
}
const MONTHS = ['2023-01', '2023-02', '2023-03', '2023-04', '2023-05', '2023-06'];
const series = (model: string, values: number[]) =>
  MONTHS.map((m, i) => [model, m, values[i]!] as [string, string, number]);

describe('commands source:both', () => {
  it('/trends, /popular and /cards say how to mine when there is no mined data', async () => {
    const s = await testServices();
    for (const cmd of ['/trends source:both', '/popular source:both', '/cards source:both']) {
      const r = await ask(cmd, s);
      expect(r.error?.code, cmd).toBe('E_NOT_FOUND');
      expect(r.text).toContain('run hfbot mine');
    }
  });

  it("/trends: Table III's tests over the paper's window beside the same tests over the mined months", async () => {
    const s = await testServices();
    // llama: Hub ranks 1, 2, 3, 6, 5, 4 against forum 1..6 -> sum d^2 = 8, rho = 1 - 48/210 = 27/35.
    // bert: forum falls while the Hub rises -> rho = -1 exactly (paper: -0.4663, also negative).
    // t5: forum rises with the Hub -> rho = +1 (paper: t5 is positive too).
    insertMined(s, {
      forum: [
        ...series('llama', [1, 2, 3, 4, 5, 6]),
        ...series('bert', [6, 5, 4, 3, 2, 1]),
        ...series('t5', [1, 2, 3, 4, 5, 6]),
      ],
      hub: [
        ...series('llama', [10, 20, 30, 60, 50, 40]),
        ...series('bert', [1, 2, 3, 4, 5, 6]),
        ...series('t5', [1, 2, 3, 4, 5, 6]),
      ],
    });
    const r = await ask('/trends source:both', s);
    expect(r.error).toBeUndefined();
    const paper = await ask('/trends', s);
    const paperRows = new Map(
      (paper.data.rows as { model: string; rho: number; q: number }[]).map((x) => [x.model, x]),
    );
    type Side = { rho: number; q: number; from: string } | null;
    const rows = new Map((r.data.rows as { model: string; paper: Side; mined: Side }[]).map((x) => [x.model, x]));
    // The paper side is /trends source:paper, row for row.
    for (const [model, p] of paperRows) {
      expect(rows.get(model)!.paper!.rho).toBe(p.rho);
      expect(rows.get(model)!.paper!.q).toBe(p.q);
    }
    expect(rows.get('llama')!.mined!.rho).toBeCloseTo(27 / 35, 12);
    expect(rows.get('bert')!.mined!.rho).toBeCloseTo(-1, 12);
    expect(rows.get('t5')!.mined!.rho).toBeCloseTo(1, 12);
    expect(rows.get('bart')!.mined).toBeNull();
    expect(r.data).toMatchObject({
      source: 'both',
      paper: { from: '2020-07', to: '2023-05', tested: paperRows.size },
      mined: { from: '2023-01', to: '2023-06', tested: 3 },
      testedBoth: 3,
      sameSign: 3,
      flipped: [],
    });
    // Printed as every rho is (three decimals, src/format/numbers.ts).
    expect(r.text).toContain('llama 0.900 -> 0.771');
    expect(r.text).toContain('bart -0.687 -> not tested');
    expect(r.provenance!.datasetVersion).toMatch(/^saner2024-\w+ \+ mined-test$/);
    expect(r.table!.columns).toEqual([
      'model',
      'paper rho',
      'paper q',
      'paper from',
      'mined rho',
      'mined q',
      'mined from',
    ]);
  });

  it('/popular: both rho values over all Hub types and both top lists', async () => {
    const s = await testServices();
    // Totals (one month each). Forum ranks: bert 4, blip-2 3, t5 2, gpt2 1; Hub ranks: blip-2 4, bert 3,
    // gpt2 2, t5 1. d = 1, -1, 1, -1: rho = 1 - 6 * 4 / (4 * 15) = 0.6. blip-2 is not in the paper's top 31.
    insertMined(s, {
      forum: [
        ['bert', '2023-01', 50],
        ['blip-2', '2023-01', 40],
        ['t5', '2023-01', 10],
        ['gpt2', '2023-01', 5],
      ],
      hub: [
        ['bert', '2023-01', 100],
        ['blip-2', '2023-01', 300],
        ['t5', '2023-01', 20],
        ['gpt2', '2023-01', 30],
      ],
    });
    const r = await ask('/popular source:both', s);
    expect(r.error).toBeUndefined();
    const d = r.data as {
      paper: { rho: number; top: number };
      mined: { rho: number; top: number; hubTypes: number };
      entered: string[];
    };
    expect(+d.paper.rho.toFixed(4)).toBe(0.7019);
    expect(d.paper.top).toBe(31);
    expect(d.mined.rho).toBeCloseTo(0.6, 12);
    expect(d.mined.hubTypes).toBe(4);
    // 90% of the 105 mined mentions: bert 50 + blip-2 40 = 85.7%, + t5 = 95.2% -> top 3.
    expect(d.mined.top).toBe(3);
    expect(d.entered).toEqual(['blip-2']);
    const blip = (
      r.data.rows as { model: string; mined: { rank: number; forumShare: number; hubShare: number } }[]
    ).find((x) => x.model === 'blip-2')!;
    expect(blip.mined).toMatchObject({ rank: 2, forumShare: 40 / 105, hubShare: 300 / 450 });
    expect(r.text).toContain('Into the top list since: blip-2');
    expect(r.text).toContain('paper 0.702');
    expect(r.text).toContain('mined 0.600');
    // The drawn shares run from types the mined data never mentions (0) to bert's 24.7%: a symlog
    // axis, so the zeros stay on it, as /popular goes log; scale:linear turns it off.
    const x = (reply: { chart?: unknown }) =>
      (reply.chart as { spec: { layer: { encoding: { x: Record<string, unknown> } }[] } }).spec.layer[1]!.encoding.x;
    expect(r.data).toMatchObject({ scale: 'log' });
    expect(x(r)).toMatchObject({ title: 'share (log scale)', scale: { type: 'symlog', domain: [0, 1] } });
    const linear = await ask('/popular source:both scale:linear', s);
    expect(linear.data).toMatchObject({ scale: 'linear' });
    expect(x(linear)).toEqual({ field: 'share', type: 'quantitative', title: 'share', axis: { format: '.0%' } });
    expect(linear.chartName?.file).toBe('popular-source-both-scale-linear.png');
  });

  it('/cards: both overall ratios and windows; one window given applies to both', async () => {
    const s = await testServices();
    insertMined(s, {
      forum: [['bert', '2023-01', 1]],
      hub: [['bert', '2023-01', 1]],
      cards: [
        ['2023-01', 100, 40],
        ['2023-02', 300, 150],
      ],
    });
    const r = await ask('/cards source:both', s);
    expect(r.error).toBeUndefined();
    const paper = await ask('/cards', s);
    const d = r.data as {
      paper: { overallRatio: number; models: number; from: string };
      mined: Record<string, unknown>;
    };
    expect(d.paper.overallRatio).toBe(paper.data.overallRatio);
    expect(d.paper.models).toBe(paper.data.models);
    // Pooled: (40 + 150) / (100 + 300) = 0.475; monthly 0.4 and 0.5.
    expect(d.mined).toMatchObject({
      from: '2023-01',
      to: '2023-02',
      models: 400,
      withCard: 190,
      minRatio: 0.4,
      maxRatio: 0.5,
    });
    expect(d.mined.overallRatio).toBeCloseTo(0.475, 12);
    expect(r.text).toContain('190 of 400');
    expect(r.text).not.toContain('2022-03');
    const window = await ask('/cards source:both 2023-01 2023-02', s);
    expect((window.data as { paper: { from: string; to: string } }).paper).toMatchObject({
      from: '2023-01',
      to: '2023-02',
    });
    const outside = await ask('/cards source:both 2019-01', s);
    expect(outside.error?.code).toBe('E_BAD_VALUE');
    expect(outside.text).toContain('/cards source:paper: from 2019-01');
  });

  it('/cards: the count axis goes log as /cards does (the paper months alone span 42 to 26,095); scale:linear keeps it linear', async () => {
    const s = await testServices();
    insertMined(s, {
      forum: [['bert', '2023-01', 1]],
      hub: [['bert', '2023-01', 1]],
      cards: [
        ['2023-01', 100, 40],
        ['2023-02', 300, 150],
      ],
    });
    const countsY = (r: { chart?: unknown }) =>
      (r.chart as { vconcat: { encoding: { y: { title: string; scale?: { type: string; domain: number[] } } } }[] })
        .vconcat[0]!.encoding.y;
    const auto = await ask('/cards source:both', s);
    expect(auto.data).toMatchObject({ scale: 'log' });
    // 42 (2019-12) is the smallest month and 26,095 (2023-05) the largest: ticks 10 .. 100,000.
    expect(countsY(auto)).toMatchObject({
      title: 'models created (log scale)',
      scale: { type: 'log', domain: [10, 100000] },
    });
    expect(JSON.stringify((auto.chart as { title: unknown }).title)).toContain(
      'log scale (42 to 26,095 models a month); scale:linear to change',
    );
    expect(auto.chartName?.file).toBe('cards-source-both.png');
    const linear = await ask('/cards source:both scale:linear', s);
    expect(linear.data).toMatchObject({ scale: 'linear' });
    expect(countsY(linear)).toEqual({ field: 'models', type: 'quantitative', title: 'models created' });
    expect(linear.chartName?.file).toBe('cards-source-both-scale-linear.png');
  });
});
