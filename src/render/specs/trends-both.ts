import { baseConfig, CHART, COLORS, footerText, PALETTE } from './theme.js';

export interface TrendsBothSpecInput {
  /** One row per model type, top to bottom; a missing rho draws no point. */
  rows: { model: string; paper: number | null; mined: number | null }[];
  subtitle: string;
  datasetVersion: string;
  source: string;
}

/**
 * Table III then and now: per model type a dumbbell from the paper's rho (blue circle) to the
 * mined one (vermillion square) on the same -1..1 axis, so a sign flip crosses the zero line.
 */
export function trendsBothSpec(i: TrendsBothSpecInput): Record<string, unknown> {
  const order = i.rows.map((r) => r.model);
  const points = i.rows.flatMap((r) => [
    ...(r.paper === null ? [] : [{ model: r.model, source: 'paper', rho: r.paper }]),
    ...(r.mined === null ? [] : [{ model: r.model, source: 'mined', rho: r.mined }]),
  ]);
  const links = i.rows.filter((r) => r.paper !== null && r.mined !== null);
  const y = { field: 'model', type: 'nominal', sort: order, title: 'model type', axis: { labelFontSize: 10 } };
  const x = {
    type: 'quantitative',
    scale: { domain: [-1, 1] },
    title: 'Spearman rho (forum mentions vs Hub uploads per month)',
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: "Spearman rho per model type: the paper's and the mined data's",
      subtitle: [i.subtitle, footerText(i.datasetVersion, i.source)],
    },
    width: CHART.width - 100,
    height: { step: 16 },
    layer: [
      // Its own one-row data: the layers below bring their own and there is no top-level data.
      { data: { values: [{}] }, mark: { type: 'rule', color: '#444444' }, encoding: { x: { datum: 0, ...x } } },
      {
        data: { values: links },
        mark: { type: 'rule', color: COLORS.muted, strokeWidth: 2 },
        encoding: { y, x: { field: 'paper', ...x }, x2: { field: 'mined' } },
      },
      {
        data: { values: points },
        mark: { type: 'point', size: 70, filled: true, opacity: 0.9 },
        encoding: {
          y,
          x: { field: 'rho', ...x },
          color: {
            field: 'source',
            type: 'nominal',
            title: null,
            scale: { domain: ['paper', 'mined'], range: [PALETTE[0], PALETTE[3]] },
          },
          shape: {
            field: 'source',
            type: 'nominal',
            scale: { domain: ['paper', 'mined'], range: ['circle', 'square'] },
          },
          tooltip: [{ field: 'model' }, { field: 'source' }, { field: 'rho', format: '.4f' }],
        },
      },
    ],
    config: baseConfig,
  };
}
