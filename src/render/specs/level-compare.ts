import { baseConfig, CHART, footerText, PALETTE } from './theme.js';
import { fmtPercent } from '../../format/numbers.js';

/** Room right of the plot for the value column ("38.9% (20.3-61.4)"), as in taxonomy-shares. */
const LABELS = 130;

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
  const width = CHART.width - 160 - LABELS;
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
    // Narrower than the theme: the long category names sit left of it, the value column right of
    // it, and the PNG stays under 1600 px.
    width,
    height: { step: 13 },
    data: {
      values: i.bars.map((b) => ({
        ...b,
        text: `${fmtPercent(b.percent, 1)} (${b.lower.toFixed(1)}-${b.upper.toFixed(1)})`,
      })),
    },
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
      // Caps at both ends, so the interval reads as an interval and not as a longer bar.
      ...(['lower', 'upper'] as const).map((f) => ({
        mark: { type: 'tick', color: '#333333', thickness: 1.5, size: 8 },
        encoding: { x: { field: f, type: 'quantitative' } },
      })),
      {
        // The values in a column right of the plot: at the whisker's end they read as the upper bound.
        mark: { type: 'text', align: 'left', fontSize: 10, x: width + 10 },
        encoding: { text: { field: 'text' } },
      },
    ],
    config: { ...baseConfig, axisY: { labelLimit: 260 } },
  };
}
