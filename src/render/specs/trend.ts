import { baseConfig, CHART, COLORS, footerText } from './theme.js';
import { logCountScale } from './scales.js';

export interface TrendSpecInput {
  model: string;
  series: { month: string; forum: number; hub: number }[];
  /** Rho, p and window; a second line may say the scale. */
  stats: string | string[];
  /** Both count axes log (symlog when a month is zero) or linear. */
  scale?: 'log' | 'linear';
  datasetVersion: string;
  source: string;
}

const FORUM = 'forum mentions';
const HUB = 'Hub uploads';

/** Forum mentions (left axis) and Hub uploads (right axis) per month: two scales, one time axis. */
export function trendSpec(i: TrendSpecInput): Record<string, unknown> {
  const color = (label: string) => ({
    datum: label,
    type: 'nominal',
    scale: { domain: [FORUM, HUB], range: [COLORS.primary, COLORS.secondary] },
    legend: { title: null },
  });
  const log = i.scale === 'log';
  const line = (field: 'forum' | 'hub', label: string, title: string, orient: 'left' | 'right') => ({
    mark: { type: 'line', point: { size: 24 }, strokeWidth: 2, ...(field === 'hub' ? { strokeDash: [5, 3] } : {}) },
    encoding: {
      y: {
        field,
        type: 'quantitative',
        title: log ? `${title} (log scale)` : title,
        ...(log ? { scale: logCountScale(i.series.map((p) => p[field])).scale } : {}),
        axis: {
          orient,
          titleColor: field === 'forum' ? COLORS.primary : COLORS.secondary,
          ...(log ? logCountScale(i.series.map((p) => p[field])).axis : {}),
        },
      },
      color: color(label),
    },
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `${i.model}: forum mentions vs Hub uploads per month`,
      subtitle: [...[i.stats].flat(), footerText(i.datasetVersion, i.source)],
    },
    width: CHART.width,
    height: CHART.height,
    data: { values: i.series.map((p) => ({ ...p, date: `${p.month}-01` })) },
    encoding: {
      x: {
        field: 'date',
        type: 'temporal',
        timeUnit: 'utcyearmonth',
        title: 'month',
        axis: { format: '%b %Y', labelAngle: -40, labelOverlap: true, tickCount: 12 },
      },
    },
    layer: [
      line('forum', FORUM, 'forum topics mentioning it', 'left'),
      line('hub', HUB, 'models created on the Hub', 'right'),
    ],
    resolve: { scale: { y: 'independent' } },
    config: baseConfig,
  };
}
