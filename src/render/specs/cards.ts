import { baseConfig, CHART, COLORS, footerText } from './theme.js';
import { logCountScale } from './scales.js';

export interface CardsSpecInput {
  months: { month: string; models: number; withCard: number; ratio: number | null }[];
  /** Counts on a log axis (the default when months span orders of magnitude) or a linear one. */
  scale?: 'log' | 'linear';
  /** One line each. */
  subtitle: string | string[];
  datasetVersion: string;
  source: string;
}

const ALL = 'models created';
const CARD = 'with a model card';
const RATIO = 'ratio with card';

/** Fig. 4: models created and models with a card per month (bars, left), card ratio (line, right). */
export function cardsSpec(i: CardsSpecInput): Record<string, unknown> {
  const log = i.scale === 'log' ? logCountScale(i.months.flatMap((m) => [m.models, m.withCard])) : null;
  const countsY = {
    field: 'models',
    type: 'quantitative',
    title: log ? 'models created (log scale)' : 'models created',
    ...(log ? { scale: log.scale, axis: log.axis } : {}),
  };
  // A log axis has no zero: bars stand on its lowest tick instead.
  const base = log ? { y2: { datum: (log.scale.domain as number[])[0] } } : {};
  const color = (label: string) => ({
    datum: label,
    type: 'nominal',
    scale: { domain: [ALL, CARD, RATIO], range: [COLORS.muted, COLORS.primary, COLORS.negative] },
    legend: { title: null },
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'Models created on the Hub per month, and the share with a model card',
      subtitle: [...[i.subtitle].flat(), footerText(i.datasetVersion, i.source)],
    },
    width: CHART.width,
    height: CHART.height,
    data: { values: i.months.map((m) => ({ ...m, date: `${m.month}-01` })) },
    encoding: {
      x: {
        field: 'date',
        type: 'temporal',
        timeUnit: 'utcyearmonth',
        title: 'creation month',
        axis: { format: '%b %Y', labelAngle: -40, labelOverlap: true, tickCount: 12 },
      },
    },
    layer: [
      {
        // Cards are a subset of all models, so the two bars overlay rather than stack.
        layer: [
          {
            mark: { type: 'bar', opacity: 0.9 },
            encoding: { y: countsY, ...base, color: color(ALL) },
          },
          {
            mark: { type: 'bar' },
            encoding: { y: { field: 'withCard', type: 'quantitative' }, ...base, color: color(CARD) },
          },
        ],
      },
      {
        mark: { type: 'line', point: { size: 20 }, strokeWidth: 2 },
        encoding: {
          y: {
            field: 'ratio',
            type: 'quantitative',
            title: 'ratio with a card',
            scale: { domain: [0, 1] },
            axis: { orient: 'right', format: '.0%' },
          },
          color: color(RATIO),
        },
      },
    ],
    resolve: { scale: { y: 'independent' } },
    config: baseConfig,
  };
}
