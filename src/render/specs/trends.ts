import { baseConfig, CHART, COLORS, footerText } from './theme.js';

export interface TrendsSpecInput {
  rows: { model: string; rho: number; q: number }[];
  subtitle: string;
  datasetVersion: string;
  source: string;
}

const SIG = 'significant (q < 0.05)';
const NOT = 'not significant';

/** Diverging bars of rho per model type, most negative at the top as in Table III. */
export function trendsSpec(i: TrendsSpecInput): Record<string, unknown> {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'Forum mentions vs Hub uploads: Spearman rho per model type',
      subtitle: [i.subtitle, footerText(i.datasetVersion, i.source)],
    },
    // Narrower than the theme: long model-type labels sit left of the plot and the PNG stays under 1600 px.
    width: CHART.width - 100,
    // One readable row per model type rather than a fixed height that would squeeze labels.
    height: { step: 14 },
    data: { values: i.rows.map((r) => ({ ...r, significance: r.q < 0.05 ? SIG : NOT })) },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          y: {
            field: 'model',
            type: 'nominal',
            sort: { field: 'rho', order: 'ascending' },
            title: 'model type',
            axis: { labelFontSize: 10 },
          },
          x: {
            field: 'rho',
            type: 'quantitative',
            scale: { domain: [-1, 1] },
            title: 'Spearman rho (forum mentions vs Hub uploads per month)',
          },
          color: {
            field: 'significance',
            type: 'nominal',
            scale: { domain: [SIG, NOT], range: [COLORS.primary, COLORS.muted] },
            legend: { title: null },
          },
          tooltip: [{ field: 'model' }, { field: 'rho', format: '.4f' }, { field: 'q', format: '.3g' }],
        },
      },
      { mark: { type: 'rule', color: '#444444' }, encoding: { x: { datum: 0 } } },
    ],
    config: baseConfig,
  };
}
