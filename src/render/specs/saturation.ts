import { baseConfig, CHART, COLORS, footerText } from './theme.js';
import type { SaturationBatch } from '../../analysis/saturation.js';

export interface SaturationInput {
  batches: SaturationBatch[];
  title: string;
  datasetVersion: string;
  source: string;
}

/** New free-text codes per batch (bars) with the cumulative codebook size (line). */
export function saturationSpec(i: SaturationInput): Record<string, unknown> {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: i.title, subtitle: [footerText(i.datasetVersion, i.source)] },
    width: CHART.width,
    height: CHART.height,
    data: { values: i.batches },
    encoding: {
      x: { field: 'batch', type: 'ordinal', title: 'batch of topics (coding order)', axis: { labelAngle: 0 } },
    },
    layer: [
      {
        mark: { type: 'bar', color: COLORS.primary },
        // No legend for two marks: each axis title takes its series' colour, as /trend's do.
        encoding: {
          y: {
            field: 'newCodes',
            type: 'quantitative',
            title: 'new codes in batch (bars)',
            axis: { titleColor: COLORS.primary },
          },
        },
      },
      {
        mark: { type: 'line', point: { color: COLORS.secondary }, color: COLORS.secondary },
        encoding: {
          y: {
            field: 'cumulative',
            type: 'quantitative',
            title: 'distinct codes so far (line)',
            axis: { titleColor: COLORS.secondary },
          },
        },
      },
    ],
    resolve: { scale: { y: 'independent' } },
    config: baseConfig,
  };
}
