import { baseConfig, CHART, footerText, PALETTE } from './theme.js';

export interface LevelCompareBar {
  label: string;
  level: string;
  percent: number;
  lower: number;
  upper: number;
}

export interface LevelCompareSpecInput {
  bars: LevelCompareBar[];
  /** Category labels, top to bottom. */
  order: string[];
  levels: [string, string];
  title: string;
  subtitle: string[];
  datasetVersion: string;
  source: string;
}

/**
 * The paper's Fig. 2 shape: per category, the Beginner and Intermediate shares side by side
 * (grouped horizontal bars), each with its 95% Wilson interval so a 1-of-2 share is not read as 50%.
 */
export function levelCompareSpec(i: LevelCompareSpecInput): Record<string, unknown> {
  const y = { field: 'label', type: 'nominal', title: 'category', sort: i.order };
  const yOffset = { field: 'level', type: 'nominal', sort: i.levels };
  const colour = {
    field: 'level',
    type: 'nominal',
    title: null,
    scale: { domain: i.levels, range: [PALETTE[0], PALETTE[1]] },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: i.title, subtitle: [...i.subtitle, footerText(i.datasetVersion, i.source)] },
    // Narrower than the theme: the long category names sit left of it and the PNG stays under 1600 px.
    width: CHART.width - 160,
    height: { step: 13 },
    data: { values: i.bars },
    encoding: { y, yOffset },
    layer: [
      {
        mark: { type: 'bar', opacity: 0.8 },
        encoding: {
          x: {
            field: 'percent',
            type: 'quantitative',
            title: 'share of topics (%) with 95% Wilson interval',
            scale: { domain: [0, 100] },
          },
          color: colour,
        },
      },
      {
        mark: { type: 'rule', strokeWidth: 1.5, color: '#333333' },
        encoding: { x: { field: 'lower', type: 'quantitative' }, x2: { field: 'upper' } },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 10 },
        encoding: {
          x: { field: 'upper', type: 'quantitative' },
          text: { field: 'percent', type: 'quantitative', format: '.1f' },
        },
      },
    ],
    config: { ...baseConfig, axisY: { labelLimit: 260 } },
  };
}
