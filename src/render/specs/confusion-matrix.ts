import { baseConfig, CHART, footerText } from './theme.js';

export interface ConfusionMatrixInput {
  cells: { x: string; y: string; count: number }[];
  /** Category order for both axes (Table I order). */
  categories: string[];
  xTitle: string;
  yTitle: string;
  title: string;
  datasetVersion: string;
  source: string;
}

/** Heatmap of label pairs; the diagonal is agreement. Counts are printed in each cell. */
export function confusionMatrixSpec(i: ConfusionMatrixInput): Record<string, unknown> {
  const side = Math.min(CHART.height + 160, Math.max(200, i.categories.length * 28));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: i.title, subtitle: [footerText(i.datasetVersion, i.source)] },
    width: side,
    height: side,
    data: { values: i.cells },
    encoding: {
      x: { field: 'x', type: 'nominal', title: i.xTitle, sort: i.categories, scale: { domain: i.categories } },
      y: { field: 'y', type: 'nominal', title: i.yTitle, sort: i.categories, scale: { domain: i.categories } },
    },
    layer: [
      { mark: { type: 'rect' }, encoding: { color: { field: 'count', type: 'quantitative', title: 'topics', scale: { scheme: 'blues' } } } },
      {
        mark: { type: 'text', fontSize: 11 },
        encoding: {
          text: { field: 'count', type: 'quantitative' },
          color: { condition: { test: 'datum.x === datum.y', value: '#FFFFFF' }, value: '#000000' },
        },
      },
    ],
    config: baseConfig,
  };
}
