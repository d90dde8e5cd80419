import { baseConfig, CHART, COLORS, footerText, PALETTE } from './theme.js';

export type TrendsReading = 'q' | 'p' | 'none';

export interface TrendsBar {
  model: string;
  rho: number;
  reading: TrendsReading;
  /** The rho as the answer prints it (src/format), drawn at the bar's end. */
  label: string;
}

export interface TrendsSpecInput {
  /** Types with enough data: filled bars. */
  main: TrendsBar[];
  /** Low-count types: hollow bars in their own panel below, so they never dominate. */
  low: TrendsBar[];
  title: string;
  subtitle: string;
  mainTitle: string;
  lowTitle: string;
  /** Legend text per reading. */
  labels: Record<TrendsReading, string>;
  datasetVersion: string;
  source: string;
}

const ORDER: TrendsReading[] = ['q', 'p', 'none'];
const FILL: Record<TrendsReading, string> = { q: COLORS.primary, p: PALETTE[5], none: COLORS.muted };

/**
 * Diverging bars of rho per model type, most negative at the top as in Table III. The legend
 * lists only the readings that are drawn (no "not significant" entry when no bar is grey).
 */
export function trendsSpec(i: TrendsSpecInput): Record<string, unknown> {
  const drawn = ORDER.filter((r) => [...i.main, ...i.low].some((b) => b.reading === r));
  const color = {
    field: 'readingLabel',
    type: 'nominal',
    title: null,
    scale: { domain: drawn.map((r) => i.labels[r]), range: drawn.map((r) => FILL[r]) },
  };
  const both = i.main.length > 0 && i.low.length > 0;
  const panel = (bars: TrendsBar[], title: string, hollow: boolean) => ({
    title: { text: title, fontSize: 12, fontWeight: 'normal', anchor: 'start', frame: 'group', color: '#444444' },
    // Narrower than the theme: long model-type labels sit left of the plot and the PNG stays under 1600 px.
    width: CHART.width - 100,
    // One readable row per model type rather than a fixed height that would squeeze labels.
    height: { step: 14 },
    data: { values: bars.map((b) => ({ ...b, readingLabel: i.labels[b.reading] })) },
    encoding: {
      y: {
        field: 'model',
        type: 'nominal',
        // An explicit order: vega-lite drops a field sort over layers.
        sort: [...bars].sort((a, b) => a.rho - b.rho || a.model.localeCompare(b.model, 'en')).map((b) => b.model),
        title: null,
        axis: { labelFontSize: 10 },
      },
    },
    layer: [
      {
        mark: hollow ? { type: 'bar', filled: false, strokeWidth: 1.5 } : { type: 'bar' },
        encoding: {
          x: {
            field: 'rho',
            type: 'quantitative',
            scale: { domain: [-1, 1] },
            // Said once, under the bottom panel.
            title: both && !hollow ? null : 'Spearman rho (forum mentions vs Hub uploads per month)',
          },
          color,
        },
      },
      {
        // The value sits just past the bar's end, on the side the bar points to.
        mark: {
          type: 'text',
          fontSize: 9,
          color: '#333333',
          align: { expr: "datum.rho < 0 ? 'right' : 'left'" },
          dx: { expr: 'datum.rho < 0 ? -3 : 3' },
        },
        encoding: { x: { field: 'rho', type: 'quantitative' }, text: { field: 'label' } },
      },
      { mark: { type: 'rule', color: '#444444' }, encoding: { x: { datum: 0 } } },
    ],
  });
  const views = [
    ...(i.main.length ? [panel(i.main, i.mainTitle, false)] : []),
    ...(i.low.length ? [panel(i.low, i.lowTitle, true)] : []),
  ];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: i.title, subtitle: [i.subtitle, footerText(i.datasetVersion, i.source)] },
    vconcat: views,
    spacing: 18,
    resolve: { scale: { color: 'shared', x: 'shared' }, legend: { color: 'shared' } },
    config: baseConfig,
  };
}
