import { baseConfig, CHART, COLORS, footerText } from './theme.js';

export interface PopularSpecInput {
  rows: { model: string; forumShare: number; hubShare: number }[];
  subtitle: string;
  datasetVersion: string;
  source: string;
}

const FORUM = 'share of forum mentions';
const HUB = 'share of Hub models';

/** Fig. 3: paired bars per model type, ordered by forum mentions. */
export function popularSpec(i: PopularSpecInput): Record<string, unknown> {
  const order = i.rows.map((r) => r.model);
  const values = i.rows.flatMap((r) => [
    { model: r.model, series: FORUM, share: r.forumShare },
    { model: r.model, series: HUB, share: r.hubShare },
  ]);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `Top ${i.rows.length} model types: forum mentions and Hub models`,
      subtitle: [i.subtitle, footerText(i.datasetVersion, i.source)],
    },
    width: CHART.width,
    // The step is per bar (yOffset), so a model's pair is 2 steps: 11 keeps the default top 31 near 1000 px.
    height: { step: 11 },
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'model', type: 'nominal', sort: order, title: 'model type' },
      yOffset: { field: 'series', sort: [FORUM, HUB] },
      x: {
        field: 'share',
        type: 'quantitative',
        title: 'share of all forum mentions / of all Hub models',
        axis: { format: '.0%' },
      },
      color: {
        field: 'series',
        type: 'nominal',
        scale: { domain: [FORUM, HUB], range: [COLORS.primary, COLORS.secondary] },
        legend: { title: null },
      },
      tooltip: [{ field: 'model' }, { field: 'series' }, { field: 'share', format: '.2%' }],
    },
    config: baseConfig,
  };
}
