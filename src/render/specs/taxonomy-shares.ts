import { baseConfig, CHART, COLORS, footerText } from './theme.js';

export interface ShareBar {
  label: string;
  percent: number;
  /** Wilson bounds, in percent, for level samples. */
  lower?: number;
  upper?: number;
}

export interface SharesInput {
  bars: ShareBar[];
  title: string;
  subtitle?: string;
  xTitle: string;
  /** Defaults to 'category'; every chart names both axes. */
  yTitle?: string;
  datasetVersion: string;
  source: string;
}

/**
 * Horizontal bars sorted by share with the percentage at the bar end; when bounds are given
 * (level samples), a rule per bar shows the 95% interval so small-n shares are not over-read.
 */
export function sharesSpec(i: SharesInput): Record<string, unknown> {
  const withCi = i.bars.some((b) => b.lower !== undefined && b.upper !== undefined);
  // An explicit order: a field sort over layers with different x fields makes vega-lite drop it.
  const order = [...i.bars].sort((a, b) => b.percent - a.percent).map((b) => b.label);
  const y = { field: 'label', type: 'nominal', title: i.yTitle ?? 'category', sort: order };
  const x = { field: 'percent', type: 'quantitative', title: i.xTitle };
  const layer: Record<string, unknown>[] = [
    { mark: { type: 'bar', color: COLORS.primary, opacity: withCi ? 0.75 : 1 }, encoding: { x } },
    {
      mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 },
      encoding: {
        x: withCi ? { field: 'upper', type: 'quantitative' } : x,
        text: { field: 'percent', type: 'quantitative', format: '.1f' },
      },
    },
  ];
  if (withCi) {
    layer.push({
      mark: { type: 'rule', color: COLORS.negative, strokeWidth: 2 },
      encoding: { x: { field: 'lower', type: 'quantitative' }, x2: { field: 'upper' } },
    });
  }
  const height = Math.max(CHART.height, i.bars.length * 22);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: i.title, subtitle: [...(i.subtitle ? [i.subtitle] : []), footerText(i.datasetVersion, i.source)] },
    // Narrower than the theme: the long category names sit left of it and the PNG stays under 1600 px.
    width: CHART.width - 160,
    height,
    data: { values: i.bars },
    encoding: { y },
    layer,
    config: baseConfig,
  };
}
