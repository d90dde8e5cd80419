import { baseConfig, CHART, COLORS, footerText } from './theme.js';
import { logShareScale } from './scales.js';

export interface PopularSpecInput {
  rows: { model: string; forumShare: number; hubShare: number }[];
  /** Shares on a log axis (a dot per share, the default when they span orders of magnitude) or linear bars. */
  scale?: 'log' | 'linear';
  /** One line each. */
  subtitle: string | string[];
  datasetVersion: string;
  source: string;
}

const FORUM = 'share of forum mentions';
const HUB = 'share of Hub models';

/**
 * Fig. 3: per model type, ordered by forum mentions, its share of forum mentions and of Hub
 * models. Linear: paired bars as in the paper. Log: a dot per share joined by a thin rule (bars
 * have no zero to stand on on a log axis), so a 0.02% Hub share is as readable as a 25% one.
 */
export function popularSpec(i: PopularSpecInput): Record<string, unknown> {
  const order = i.rows.map((r) => r.model);
  const log = i.scale === 'log';
  // A zero share has no place on a log axis; it is left out of the dots (the table keeps it).
  const values = i.rows.flatMap((r) => [
    { model: r.model, series: FORUM, share: log && r.forumShare <= 0 ? null : r.forumShare },
    { model: r.model, series: HUB, share: log && r.hubShare <= 0 ? null : r.hubShare },
  ]);
  const color = {
    field: 'series',
    type: 'nominal',
    scale: { domain: [FORUM, HUB], range: [COLORS.primary, COLORS.secondary] },
    legend: { title: null },
  };
  const y = { field: 'model', type: 'nominal', sort: order, title: 'model type' };
  const xTitle = 'share of all forum mentions / of all Hub models';
  const head = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `Top ${i.rows.length} model types: forum mentions and Hub models`,
      subtitle: [...[i.subtitle].flat(), footerText(i.datasetVersion, i.source)],
    },
    width: CHART.width,
  };
  if (log) {
    const s = logShareScale(i.rows.flatMap((r) => [r.forumShare, r.hubShare]));
    const x = { type: 'quantitative', title: `${xTitle} (log scale)`, scale: s.scale, axis: s.axis };
    return {
      ...head,
      height: { step: 18 },
      data: { values },
      encoding: { y },
      layer: [
        {
          // The gap between a type's two shares, drawn faintly behind the dots.
          transform: [
            { filter: 'datum.share != null' },
            {
              aggregate: [
                { op: 'min', field: 'share', as: 'lo' },
                { op: 'max', field: 'share', as: 'hi' },
              ],
              groupby: ['model'],
            },
          ],
          mark: { type: 'rule', color: '#BBBBBB', strokeWidth: 1.5 },
          encoding: { x: { field: 'lo', ...x }, x2: { field: 'hi' } },
        },
        {
          mark: { type: 'point', filled: true, size: 60, opacity: 1 },
          encoding: {
            x: { field: 'share', ...x },
            color,
            // Shape as well as colour, for readers who cannot tell the two apart. No legend of its
            // own: vega-lite merges it into the colour legend (same field).
            shape: { field: 'series', type: 'nominal', scale: { domain: [FORUM, HUB], range: ['circle', 'square'] } },
          },
        },
      ],
      config: baseConfig,
    };
  }
  return {
    ...head,
    // The step is per bar (yOffset), so a model's pair is 2 steps: 11 keeps the default top 31 near 1000 px.
    height: { step: 11 },
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      y,
      yOffset: { field: 'series', sort: [FORUM, HUB] },
      x: { field: 'share', type: 'quantitative', title: xTitle, axis: { format: '.0%' } },
      color,
      tooltip: [{ field: 'model' }, { field: 'series' }, { field: 'share', format: '.2%' }],
    },
    config: baseConfig,
  };
}
