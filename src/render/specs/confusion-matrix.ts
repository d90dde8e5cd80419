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
  // White text only on the darker cells: the colour follows the value, not the diagonal,
  // or a pale diagonal cell with a count of 1 would print white on near-white.
  const max = Math.max(1, ...i.cells.map((c) => c.count));
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
      {
        mark: { type: 'rect', stroke: '#FFFFFF' },
        encoding: {
          color: {
            field: 'count',
            type: 'quantitative',
            title: 'topics',
            scale: { scheme: 'blues', domainMin: 0 },
            legend: { format: 'd', tickMinStep: 1 },
          },
        },
      },
      {
        mark: { type: 'text', fontSize: 11 },
        encoding: {
          text: { field: 'count', type: 'quantitative' },
          color: { condition: { test: `datum.count > ${max / 2}`, value: '#FFFFFF' }, value: '#000000' },
        },
      },
    ],
    config: baseConfig,
  };
}
