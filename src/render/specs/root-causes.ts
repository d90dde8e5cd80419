import { baseConfig, CHART, COLORS, footerText } from './theme.js';

export interface RootCauseBar {
  category: string;
  published: number;
  recomputed: number;
}

export interface RootCausesInput {
  rows: RootCauseBar[];
  title: string;
  datasetVersion: string;
  source: string;
}

const SERIES = ['published (Table II)', 'recomputed (rules)'] as const;

/** Grouped horizontal bars per Table II category: the paper's count beside the recount. */
export function rootCausesSpec(i: RootCausesInput): Record<string, unknown> {
  const values = i.rows.flatMap((r, order) => [
    { category: r.category, order, series: SERIES[0], count: r.published },
    { category: r.category, order, series: SERIES[1], count: r.recomputed },
  ]);
  const color = {
    field: 'series',
    type: 'nominal',
    title: null,
    scale: { domain: [...SERIES], range: [COLORS.muted, COLORS.primary] },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: i.title, subtitle: [footerText(i.datasetVersion, i.source)] },
    // Narrower than the theme: the long category names sit left of it and the PNG stays under 1600 px.
    width: CHART.width - 160,
    height: Math.max(CHART.height, i.rows.length * 36),
    data: { values },
    encoding: {
      // An explicit order: vega-lite drops a field sort over layers (it fell back to alphabetical).
      y: { field: 'category', type: 'nominal', title: 'Table II category', sort: i.rows.map((r) => r.category) },
      yOffset: { field: 'series', type: 'nominal', sort: [...SERIES] },
    },
    layer: [
      { mark: { type: 'bar' }, encoding: { x: { field: 'count', type: 'quantitative', title: 'root causes' }, color } },
      {
        mark: { type: 'text', align: 'left', dx: 3, fontSize: 10 },
        encoding: { x: { field: 'count', type: 'quantitative' }, text: { field: 'count', type: 'quantitative' } },
      },
    ],
    config: baseConfig,
  };
}
