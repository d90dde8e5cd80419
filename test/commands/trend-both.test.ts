import { beforeAll, describe, expect, it } from 'vitest';
import { runCommandText } from '../../src/commands/run.js';
import { commands } from '../../src/commands/index.js';
import { testServices, testUser } from '../helpers/dataset.js';
import type { Services } from '../../src/commands/types.js';

let services: Services;
const ask = (text: string) => runCommandText(text, { user: testUser(), services }, commands);
type Side = { rho: number | null; p: number | null; n: number; from: string; to: string; paperRho: number | null };

/** Mined series rows as `deriveSeries` writes them (src/data/derive.ts), for 2021-06..2023-06. */
function insertMined(s: Services): void {
  const db = s.db;
  db.transaction(() => {
    db.prepare("INSERT INTO series_sources VALUES ('mined', 'mined-test', 'test rows', '2026-01-01')").run();
    db.prepare(
      "INSERT INTO series_windows VALUES ('mined', 'forum', '2021-06', '2023-06', 0), ('mined', 'hub', '2021-06', '2023-06', 0)",
    ).run();
    db.prepare("INSERT INTO model_types VALUES ('mined', 'llama', 1, 1), ('mined', 'bert', 1, 1)").run();
    const f = db.prepare("INSERT INTO forum_mentions VALUES ('mined', ?, ?, ?)");
    const h = db.prepare("INSERT INTO hub_uploads VALUES ('mined', ?, ?, ?)");
    // llama first appears in 2023-01: forum 1..6, Hub 10, 20, 30, 60, 50, 40 over 2023-01..2023-06.
    ['2023-01', '2023-02', '2023-03', '2023-04', '2023-05', '2023-06'].forEach((m, i) => {
      f.run('llama', m, i + 1);
      h.run('llama', m, [10, 20, 30, 60, 50, 40][i]);
    });
    f.run('bert', '2021-06', 5);
    h.run('bert', '2021-07', 9);
  })();
}

beforeAll(async () => {
  services = await testServices();
});

describe('commands/trend source:both', () => {
  it('says how to mine when there is no mined data', async () => {
    const r = await ask('/trend llama source:both');
    expect(r.error?.code).toBe('E_NOT_FOUND');
    expect(r.text).toContain('run hfbot mine');
  });

  it("puts the paper's rho and window beside the mined ones", async () => {
    insertMined(services);
    const r = await ask('/trend llama source:both');
    expect(r.error).toBeUndefined();
    const m = (r.data.models as { model: string; paper: Side; mined: Side }[])[0]!;
    expect(m.model).toBe('llama');
    expect(m.paper).toMatchObject({ from: '2022-10', to: '2023-05', n: 8, paperRho: 0.9001 });
    expect(+m.paper.rho!.toFixed(4)).toBe(0.9001);
    // By hand: Hub ranks 1, 2, 3, 6, 5, 4 against forum ranks 1..6, sum d^2 = 8,
    // rho = 1 - 6 * 8 / (6 * 35) = 27/35.
    expect(m.mined).toMatchObject({ from: '2023-01', to: '2023-06', n: 6, paperRho: null });
    expect(m.mined.rho).toBeCloseTo(27 / 35, 12);
    const alone = await ask('/trend llama source:mined');
    expect(alone.data.p).toBe(m.mined.p);
    // Printed as every rho is (three decimals, src/format/numbers.ts).
    expect(r.text).toContain('paper 2022-10..2023-05 (8 months): rho = 0.900');
    expect(r.text).toContain('mined 2023-01..2023-06 (6 months): rho = 0.771');
    expect(r.text).not.toContain('2022-03');
    expect(r.chartName).toEqual({
      file: 'trend-llama-source-both.png',
      title: '/trend llama source:both: forum mentions vs Hub uploads',
    });
    expect(r.data).toMatchObject({ source: 'both', datasetVersions: { mined: 'mined-test' } });
    expect(r.provenance!.datasetVersion).toMatch(/^saner2024-\w+ \+ mined-test$/);
    expect(r.provenance!.window).toEqual({ from: '2022-10', to: '2023-06' });
    expect(r.table!.columns).toEqual(['source', 'model', 'month', 'forum mentions', 'Hub uploads']);
    expect(r.table!.rows.filter((x) => x[0] === 'mined')).toHaveLength(6);
    expect(r.table!.rows.filter((x) => x[0] === 'paper')).toHaveLength(8);
    const chart = r.chart as { vconcat: { layer: { encoding: { strokeDash?: { scale: { domain: string[] } } } }[] }[] };
    expect(chart.vconcat[0]!.layer[0]!.encoding.strokeDash!.scale.domain).toEqual(['paper', 'mined']);
  });

  it("warns that mined Hub months up to 2022-03 are not the paper's, and applies one window to both", async () => {
    const r = await ask('/trend bert llama source:both');
    expect((r.data.models as unknown[]).length).toBe(2);
    expect(r.text).toContain('up to 2022-03 are not comparable');
    expect(r.provenance!.note).toContain('2022-03-02');
    const since = await ask('/trend llama source:both from:2023-01');
    const m = (since.data.models as { paper: Side; mined: Side }[])[0]!;
    expect([m.paper.from, m.paper.to, m.paper.n]).toEqual(['2023-01', '2023-05', 5]);
    expect([m.mined.from, m.mined.to, m.mined.n]).toEqual(['2023-01', '2023-06', 6]);
    const outside = await ask('/trend llama source:both from:2020-07');
    expect(outside.error?.code).toBe('E_BAD_VALUE');
    expect(outside.text).toContain('/trend source:mined: from 2020-07 is outside the data');
  });

  it('says so plainly when the mined forum and Hub series share no month, on every command that pairs them', async () => {
    // A Hub listed months after the forum crawl stopped: forum 2021-06..2023-06, Hub 2026-10..2026-12.
    services.db
      .prepare(
        "UPDATE series_windows SET first_month = '2026-10', last_month = '2026-12' WHERE source = 'mined' AND series = 'hub'",
      )
      .run();
    try {
      for (const line of [
        '/trend llama source:both',
        '/trend llama source:mined',
        '/trends source:both',
        '/trends source:mined',
      ]) {
        const r = await ask(line);
        expect(r.error?.code, line).toBe('E_NOT_FOUND');
        expect(r.text, line).toContain('forum 2021-06 to 2023-06, hub 2026-10 to 2026-12');
        expect(r.text, line).toContain('nothing to compare month by month');
        expect(r.text, line).not.toContain('months available');
        expect(r.text, line).toContain('hfbot refresh');
      }
    } finally {
      services.db
        .prepare(
          "UPDATE series_windows SET first_month = '2021-06', last_month = '2023-06' WHERE source = 'mined' AND series = 'hub'",
        )
        .run();
    }
  });
});
