import { baseConfig, CHART, footerText, PALETTE } from './theme.js';
import { logCountScale } from './scales.js';

export interface CardsBothSpecInput {
  months: { source: string; month: string; models: number; ratio: number | null }[];
  /** One line each. */
  subtitle: string[];
  /** Counts on a log axis (the default when the months span 100-fold, as the paper's 42 to 26,095 do) or a linear one. */
  scale: 'log' | 'linear';
  datasetVersion: string;
  source: string;
}

/**
 * Fig. 4 then and now, in two panels over one time axis: models created per month, and the
 * share of them with a model card, the paper's line and the mined one (dashed) in each.
 */
export function cardsBothSpec(i: CardsBothSpecInput): Record<string, unknown> {
  const domain = ['paper', 'mined'];
  const values = i.months.map((m) => ({ ...m, date: `${m.month}-01` }));
  const log = i.scale === 'log' ? logCountScale(values.map((v) => v.models)) : null;
  const x = (showX: boolean) => ({
    field: 'date',
    type: 'temporal',
    timeUnit: 'utcyearmonth',
    title: showX ? 'creation month' : null,
    axis: { format: '%b %Y', labelAngle: -40, labelOverlap: true, tickCount: 12, labels: showX },
  });
  const encoding = {
    color: { field: 'source', type: 'nominal', title: null, scale: { domain, range: [PALETTE[0], PALETTE[3]] } },
    // Same field as colour: one legend, solid paper and dashed mined. (Without a legend object
    // vega-lite 6 drops the merged legend from this vconcat altogether.)
    strokeDash: {
      field: 'source',
      type: 'nominal',
      title: null,
      scale: {
        domain,
        range: [
          [1, 0],
          [6, 3],
        ],
      },
      legend: { symbolType: 'stroke', symbolStrokeWidth: 2, symbolSize: 300 },
    },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'Hub models per month and the share with a card: paper vs mined',
      subtitle: [...i.subtitle, footerText(i.datasetVersion, i.source)],
    },
    data: { values },
    vconcat: [
      {
        width: CHART.width,
        height: 150,
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          x: x(false),
          y: {
            field: 'models',
            type: 'quantitative',
            title: log ? 'models created (log scale)' : 'models created',
            ...(log ? { scale: log.scale, axis: log.axis } : {}),
          },
          ...encoding,
        },
      },
      {
        width: CHART.width,
        height: 150,
        mark: { type: 'line', strokeWidth: 2, point: { size: 16 } },
        encoding: {
          x: x(true),
          y: {
            field: 'ratio',
            type: 'quantitative',
            title: 'share with a card',
            scale: { domain: [0, 1] },
            axis: { format: '.0%' },
          },
          ...encoding,
        },
      },
    ],
    spacing: 12,
    resolve: { scale: { x: 'shared', color: 'shared', strokeDash: 'shared' } },
    config: baseConfig,
  };
}
