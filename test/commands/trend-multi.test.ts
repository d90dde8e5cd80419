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
type Entry = {
  model: string;
  rho: number | null;
  p: number | null;
  n: number;
  from: string;
  to: string;
  series: { month: string; forum: number; hub: number }[];
};

/**
 * The package's two series read straight from its CSVs, without the ingest code: neither file
 * quotes a field, so a split on commas is exact. Months are columns; the forum file writes
 * counts as floats (20.0), the Hub file leaves zero months blank and ends with sum columns.
 */
function packageSeries(file: string): Map<string, Map<string, number>> {
  const [head, ...lines] = readFileSync(path.join(REPLICATION, file), 'utf8').trim().split(/\r?\n/);
  expect(head).not.toContain('"');
  const months = head!.split(',').map((h) => h.slice(0, 7));
  const out = new Map<string, Map<string, number>>();
  for (const line of lines) {
    const cells = line.split(',');
    const byMonth = new Map<string, number>();
    cells.forEach((c, i) => {
      if (i > 0 && /^\d{4}-\d{2}$/.test(months[i]!)) byMonth.set(months[i]!, c === '' ? 0 : Number(c));
    });
    out.set(cells[0]!, byMonth);
  }
  return out;
}

beforeAll(async () => {
  services = await testServices();
});

describe('commands/trend (several model types)', () => {
  it("overlays the package's top five exactly as its CSVs hold them (mentions_time.pdf, hub_types_time_created.pdf)", async () => {
    const r = await ask('/trend bert roberta t5 gpt2 bart');
    expect(r.error).toBeUndefined();
    const models = r.data.models as Entry[];
    expect(models.map((m) => m.model)).toEqual(['bert', 'roberta', 't5', 'gpt2', 'bart']);
    const forum = packageSeries('Forums_Model_Mentions_Over_Time.csv');
    const hub = packageSeries('Hub_Model_Types_Over_Time_Created.csv');
    for (const m of models) {
      // All five appear by 2020-07, so each runs over the paper's full 35 months.
      expect(m).toMatchObject({ from: '2020-07', to: '2023-05', n: 35 });
      expect(m.series).toHaveLength(35);
      for (const s of m.series) {
        expect(s.forum, `${m.model} forum ${s.month}`).toBe(forum.get(m.model)!.get(s.month) ?? 0);
        expect(s.hub, `${m.model} hub ${s.month}`).toBe(hub.get(m.model)!.get(s.month) ?? 0);
      }
    }
    // Spot values read off the CSVs by eye: bert 2021-06 (the 91 peak of mentions_time.pdf), t5 2020-07.
    expect(models[0]!.series.find((s) => s.month === '2021-06')!.forum).toBe(91);
    expect(models[2]!.series[0]).toEqual({ month: '2020-07', forum: 20, hub: 42 });
    // Table III for the three of them that it lists.
    expect(models.map((m) => (m.rho === null ? null : +m.rho.toFixed(4)))).toEqual([
      -0.4663,
      -0.4234,
      expect.any(Number),
      expect.any(Number),
      -0.6874,
    ]);
    expect(r.table!.columns).toEqual(['model', 'month', 'forum mentions', 'Hub uploads']);
    expect(r.table!.rows).toHaveLength(5 * 35);
    expect(r.provenance).toMatchObject({ window: { from: '2020-07', to: '2023-05' }, n: 35 });
    expect(r.provenance!.sources.join(' ')).toContain('Hub_Model_Types_Over_Time_Created.csv');
    expect(r.text.split('\n')).toHaveLength(6);
  });

  it('gives each model its own window rule and the same numbers as asking for it alone', async () => {
    const r = await ask('/trend llama, bert,whisper');
    const models = r.data.models as Entry[];
    expect(models.map((m) => [m.model, m.from, m.n])).toEqual([
      ['llama', '2022-10', 8],
      ['bert', '2020-07', 35],
      ['whisper', '2021-02', 28],
    ]);
    for (const m of models) {
      const alone = await ask(`/trend ${m.model}`);
      expect(alone.data.rho).toBe(m.rho);
      expect(alone.data.p).toBe(m.p);
      expect(alone.data.series).toEqual(m.series);
    }
    expect(r.provenance!.note).toContain('llama 2022-10..2023-05 (8)');
    const given = (await ask('/trend llama bert from:2021-01')).data.models as Entry[];
    expect(given.map((m) => m.from)).toEqual(['2021-01', '2021-01']);
  });

  it('keeps every field of a one-model answer and adds data.models', async () => {
    const r = await ask('/trend xlm roberta');
    expect(r.data).toMatchObject({ model: 'xlm-roberta', windowRule: 'paper', source: 'paper' });
    const models = r.data.models as Entry[];
    expect(models).toHaveLength(1);
    expect(models[0]).toMatchObject({ model: 'xlm-roberta', rho: r.data.rho, n: r.data.n, from: r.data.from });
  });

  it('draws two panels (forum, Hub) over one time axis, a colour and a shape per model', async () => {
    const r = await ask('/trend bert lxmert');
    const chart = r.chart as {
      vconcat: {
        encoding: { y: { field: string; scale?: { type: string } }; color: { scale: { domain: string[] } } };
      }[];
      resolve: unknown;
    };
    expect(chart.vconcat.map((p) => p.encoding.y.field)).toEqual(['forum', 'hub']);
    expect(chart.vconcat[0]!.encoding.color.scale.domain).toEqual(['bert', 'lxmert']);
    // Hub: bert peaks at 1,922 models a month, lxmert at 3 (the package CSV): lines 600-fold apart. On the
    // forum bert peaks at 98 mentions and lxmert at more than 1, so that panel stays linear.
    expect(chart.vconcat[1]!.encoding.y.scale?.type).toBe('symlog');
    expect(chart.vconcat[0]!.encoding.y.scale).toBeUndefined();
    expect(chart.resolve).toEqual({ scale: { x: 'shared', color: 'shared', shape: 'shared' } });
  });

  it('suggests a name for the one it does not know, and refuses more than six', async () => {
    const unknown = await ask('/trend bert robrta t5');
    expect(unknown.error?.code).toBe('E_UNKNOWN_MODEL');
    expect(unknown.text).toContain('"robrta"');
    expect(unknown.text).toContain('"roberta"');
    const many = await ask('/trend bert roberta t5 gpt2 bart vit whisper');
    expect(many.error?.code).toBe('E_BAD_VALUE');
    expect(many.text).toContain('at most 6');
    expect(many.text).toContain('got 7');
    expect((await ask('/trend ,')).error?.code).toBe('E_MISSING_OPTION');
  });
});
