import { baseConfig, CHART, footerText } from './theme.js';

export interface OverTimeSpecInput {
  cells: { label: string; period: string; count: number; share: number }[];
  /** Category labels top to bottom, and period labels left to right (with their n). */
  rows: string[];
  periods: string[];
  title: string;
  subtitle: string[];
  datasetVersion: string;
  source: string;
}

/**
 * Category x period as a heatmap: colour is the category's share of the period's codes (so
 * periods of different sizes compare), the number is the count behind it. One hue (blues)
 * reads the same for every colour vision and in grey print, and empty cells stay near white
 * instead of shouting; labels switch to white on the dark end.
 */
export function overTimeSpec(i: OverTimeSpecInput): Record<string, unknown> {
  const x = { field: 'period', type: 'ordinal', sort: i.periods, title: null, axis: { labelAngle: -40 } };
  const y = { field: 'label', type: 'ordinal', sort: i.rows, title: 'category' };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: i.title, subtitle: [...i.subtitle, footerText(i.datasetVersion, i.source)] },
    // Long category names on the left and the legend on the right: the plot gets what stays under 1600 px.
    width: Math.min(CHART.width - 240, Math.max(200, i.periods.length * 46)),
    height: { step: 22 },
    data: { values: i.cells },
    encoding: { x, y },
    layer: [
      {
        mark: { type: 'rect' },
        encoding: {
          color: {
            field: 'share',
            type: 'quantitative',
            title: ['share of the', "period's codes"],
            scale: { scheme: 'blues', domain: [0, Math.max(0.01, ...i.cells.map((c) => c.share))] },
            legend: { format: '.0%', orient: 'right', gradientLength: 160 },
          },
          tooltip: [{ field: 'label' }, { field: 'period' }, { field: 'count' }, { field: 'share', format: '.1%' }],
        },
      },
      {
        mark: { type: 'text', fontSize: 10 },
        // Zero cells stay blank: the numbers that matter stand out.
        transform: [{ filter: 'datum.count > 0' }],
        encoding: {
          text: { field: 'count', type: 'quantitative' },
          color: {
            condition: {
              test: `datum.share > ${Math.max(0.01, ...i.cells.map((c) => c.share)) * 0.55}`,
              value: '#FFFFFF',
            },
            value: '#000000',
          },
        },
      },
    ],
    config: { ...baseConfig, axisY: { labelLimit: 260 } },
  };
}
