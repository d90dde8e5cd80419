/**
 * Golden specs: each builder's output for a fixed input, stored as readable JSON next to this
 * file. A diff here is a visible chart change: look at the PNG, then update with `-u`.
 */
import { describe, expect, it } from 'vitest';
import { trendSpec } from '../../../src/render/specs/trend.js';
import { trendOverlaySpec } from '../../../src/render/specs/trend-overlay.js';
import { trendsSpec } from '../../../src/render/specs/trends.js';
import { popularSpec } from '../../../src/render/specs/popular.js';
import { cardsSpec } from '../../../src/render/specs/cards.js';
import { sharesSpec } from '../../../src/render/specs/taxonomy-shares.js';
import { rootCausesSpec } from '../../../src/render/specs/root-causes.js';
import { confusionMatrixSpec } from '../../../src/render/specs/confusion-matrix.js';
import { saturationSpec } from '../../../src/render/specs/saturation.js';

const v = { datasetVersion: 'saner2024-golden', source: 'golden input' };
const golden = (name: string, spec: Record<string, unknown>) =>
  expect(`${JSON.stringify(spec, null, 2)}\n`).toMatchFileSnapshot(`./__golden__/${name}.json`);

describe('render/specs (golden)', () => {
  it('trend', () =>
    golden(
      'trend',
      trendSpec({
        ...v,
        model: 'bart',
        stats: 'Spearman rho = -0.6874, p = 5.1e-6, 2020-07..2020-09 (3 months)',
        series: [
          { month: '2020-07', forum: 28, hub: 26 },
          { month: '2020-08', forum: 25, hub: 12 },
          { month: '2020-09', forum: 18, hub: 8 },
        ],
      }),
    ));

  it('trend on a log axis, with a zero month (symlog)', () =>
    golden(
      'trend-log',
      trendSpec({
        ...v,
        model: 'whisper',
        scale: 'log',
        stats: ['Spearman rho = 0.883, p < 0.001', 'Counts on a log scale (4 to 889 a month); scale:linear to change'],
        series: [
          { month: '2022-09', forum: 0, hub: 11 },
          { month: '2022-10', forum: 6, hub: 4 },
          { month: '2022-11', forum: 17, hub: 889 },
        ],
      }),
    ));

  it('trend-overlay', () =>
    golden(
      'trend-overlay',
      trendOverlaySpec({
        ...v,
        title: 'Forum mentions and Hub uploads per month: bert, llama',
        stats: ['bert paper: rho -0.4663 (p 0.005, 35 mo)'],
        lines: [
          { model: 'bert', variant: 'paper', points: [{ month: '2023-01', forum: 30, hub: 1708 }] },
          { model: 'bert', variant: 'mined', points: [{ month: '2023-01', forum: 28, hub: 1650 }] },
          { model: 'llama', variant: 'paper', points: [{ month: '2023-01', forum: 0, hub: 3 }] },
        ],
      }),
    ));

  it('trends', () =>
    golden(
      'trends',
      trendsSpec({
        ...v,
        title: 'Forum mentions vs Hub uploads: Spearman rho per model type',
        subtitle: '2020-07..2023-05; 3 model types',
        mainTitle: 'Enough data: 2 of 2 types',
        lowTitle: 'Low count, hollow: 1 of 1 types',
        labels: { q: 'q < 0.05 (BH) and p < 0.05', p: 'p < 0.05 only', none: 'not significant' },
        main: [
          { model: 'bart', rho: -0.6874, reading: 'q', label: '-0.687' },
          { model: 'bert', rho: -0.4663, reading: 'p', label: '-0.466' },
        ],
        low: [{ model: 'llama', rho: 0.9001, reading: 'q', label: '0.900' }],
      }),
    ));

  it('popular', () =>
    golden(
      'popular',
      popularSpec({
        ...v,
        subtitle: 'rho = 0.7019',
        rows: [
          { model: 'bert', forumShare: 0.247, hubShare: 0.229 },
          { model: 't5', forumShare: 0.102, hubShare: 0.081 },
        ],
      }),
    ));

  it('cards', () =>
    golden(
      'cards',
      cardsSpec({
        ...v,
        subtitle: '2 months',
        months: [
          { month: '2023-04', models: 24000, withCard: 12000, ratio: 0.5 },
          { month: '2023-05', models: 26000, withCard: 12800, ratio: null },
        ],
      }),
    ));

  it('cards on a log axis (42 to 26,095 models a month)', () =>
    golden(
      'cards-log',
      cardsSpec({
        ...v,
        scale: 'log',
        subtitle: ['2 months', 'Counts on a log scale (42 to 26,095 models a month); scale:linear to change'],
        months: [
          { month: '2019-12', models: 42, withCard: 32, ratio: 32 / 42 },
          { month: '2023-05', models: 26095, withCard: 12800, ratio: 12800 / 26095 },
        ],
      }),
    ));

  it('popular on a log axis (a dot per share)', () =>
    golden(
      'popular-log',
      popularSpec({
        ...v,
        scale: 'log',
        subtitle: ['rho = 0.702', 'Shares on a log scale'],
        rows: [
          { model: 'bert', forumShare: 0.247, hubShare: 0.229 },
          { model: 'reformer', forumShare: 0.0043, hubShare: 0.000194 },
        ],
      }),
    ));

  it('taxonomy shares (Table I and a level sample with Wilson intervals)', async () => {
    await golden(
      'shares',
      sharesSpec({
        ...v,
        title: 'Challenges',
        xTitle: 'share of codes (%)',
        bars: [
          { label: 'C2 Training Pipeline', percent: 11.9 },
          { label: 'C1 Model Usage', percent: 14.4 },
        ],
      }),
    );
    await golden(
      'shares-level',
      sharesSpec({
        ...v,
        title: 'Beginner',
        subtitle: 'n = 18 topics',
        xTitle: 'share of topics (%)',
        yTitle: 'challenge',
        bars: [{ label: 'C1', percent: 38.9, lower: 20.3, upper: 61.4 }],
      }),
    );
  });

  it('root causes', () =>
    golden(
      'root-causes',
      rootCausesSpec({
        ...v,
        title: 'Root causes',
        rows: [
          { category: 'Lack of familiarity', published: 15, recomputed: 14 },
          { category: 'HF bugs', published: 3, recomputed: 3 },
        ],
      }),
    ));

  it('confusion matrix', () =>
    golden(
      'confusion-matrix',
      confusionMatrixSpec({
        ...v,
        title: 'alice vs bob',
        subtitle: 'outlined: the diagonal',
        xTitle: 'alice',
        yTitle: 'bob',
        categories: ['C1', 'C2'],
        cells: [
          { x: 'C1', y: 'C1', count: 3 },
          { x: 'C2', y: 'C1', count: 1 },
        ],
      }),
    ));

  it('saturation', () =>
    golden(
      'saturation',
      saturationSpec({
        ...v,
        title: 'Saturation',
        batches: [
          { batch: 1, fromPosition: 1, toPosition: 10, newCodes: 5, cumulative: 5 },
          { batch: 2, fromPosition: 11, toPosition: 20, newCodes: 1, cumulative: 6 },
        ],
      }),
    ));
});
