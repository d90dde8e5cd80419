import { baseConfig, CHART, COLORS, footerText } from './theme.js';
import { fmtPercent } from '../../format/numbers.js';

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

/** Room right of the plot for the value column of interval charts ("38.9% (20.3-61.4)"). */
const CI_LABELS = 130;

/**
 * Horizontal bars sorted by share with the percentage at the bar end. When bounds are given
 * (level samples), a capped rule per bar shows the 95% interval so small-n shares are not
 * over-read, and the values move to a column right of the plot: at the bar end they would sit on
 * the whisker, at its end they would read as the upper bound.
 */
export function sharesSpec(i: SharesInput): Record<string, unknown> {
  const withCi = i.bars.some((b) => b.lower !== undefined && b.upper !== undefined);
  // An explicit order: a field sort over layers with different x fields makes vega-lite drop it.
  const order = [...i.bars].sort((a, b) => b.percent - a.percent).map((b) => b.label);
  const y = { field: 'label', type: 'nominal', title: i.yTitle ?? 'category', sort: order };
  // Narrower than the theme: the long category names sit left of it and the PNG stays under 1600 px.
  const width = CHART.width - 160 - (withCi ? CI_LABELS : 0);
  // Intervals end inside the plot: the axis runs to the next 10% above the widest upper bound.
  const top = Math.min(100, Math.ceil(Math.max(10, ...i.bars.map((b) => b.upper ?? b.percent)) / 10) * 10);
  const x = {
    field: 'percent',
    type: 'quantitative',
    title: i.xTitle,
    ...(withCi ? { scale: { domain: [0, top] } } : {}),
  };
  const values = i.bars.map((b) => ({
    ...b,
    text:
      b.lower !== undefined && b.upper !== undefined
        ? `${fmtPercent(b.percent, 1)} (${b.lower.toFixed(1)}-${b.upper.toFixed(1)})`
        : b.percent.toFixed(1),
  }));
  const layer: Record<string, unknown>[] = [
    { mark: { type: 'bar', color: COLORS.primary, opacity: withCi ? 0.75 : 1 }, encoding: { x } },
  ];
  if (withCi) {
    const whisker = { mark: { type: 'rule', color: COLORS.negative, strokeWidth: 2 } };
    layer.push(
      { ...whisker, encoding: { x: { field: 'lower', type: 'quantitative' }, x2: { field: 'upper' } } },
      // Caps at both ends, so the interval reads as an interval and not as a longer bar.
      ...(['lower', 'upper'] as const).map((f) => ({
        mark: { type: 'tick', color: COLORS.negative, thickness: 2, size: 10 },
        encoding: { x: { field: f, type: 'quantitative' } },
      })),
      {
        mark: { type: 'text', align: 'left', fontSize: 11, x: width + 10 },
        encoding: { text: { field: 'text' } },
      },
    );
  } else {
    layer.push({
      mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 },
      encoding: { x, text: { field: 'text' } },
    });
  }
  const height = Math.max(CHART.height, i.bars.length * 22);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: i.title, subtitle: [...(i.subtitle ? [i.subtitle] : []), footerText(i.datasetVersion, i.source)] },
    width,
    height,
    data: { values },
    encoding: { y },
    layer,
    config: baseConfig,
  };
}
