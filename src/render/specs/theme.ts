/**
 * One look for every chart: sizes that fit Slack/Discord inline previews at 2x scale,
 * a colour-blind-safe palette (Okabe-Ito), and a footer naming the dataset version.
 */
export const CHART = {
  width: 640,
  height: 320,
  /** Rendered at this scale: 640 px logical -> about 1300 px wide PNG. */
  scale: 2,
  font: 'DejaVu Sans',
} as const;

/** Okabe & Ito (2008), safe for the common colour-vision deficiencies. */
export const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#D55E00',
  '#CC79A7',
  '#56B4E9',
  '#F0E442',
  '#000000',
] as const;
export const COLORS = {
  primary: PALETTE[0],
  secondary: PALETTE[1],
  positive: PALETTE[2],
  negative: PALETTE[3],
  muted: '#9E9E9E',
} as const;

/** Vega-Lite config shared by every spec: fonts, sizes, no chart border. */
export const baseConfig = {
  font: CHART.font,
  view: { stroke: null },
  // limit: a long title or subtitle line (a mined source's description, two sources side by side)
  // ends in "…" instead of widening the picture past what a chat preview shows (1600 px at 2x).
  title: { fontSize: 16, subtitleFontSize: 12, anchor: 'start', subtitleColor: '#444444', offset: 12, limit: 740 },
  axis: { labelFontSize: 11, titleFontSize: 12, gridColor: '#E6E6E6', labelLimit: 260 },
  legend: { labelFontSize: 11, titleFontSize: 12, orient: 'top' },
  range: { category: [...PALETTE] },
  background: '#FFFFFF',
  padding: 16,
  // Axis numbers use the ASCII minus the answer's text and tables use (src/format/numbers.ts);
  // d3-format's default is U+2212, so "-0.687" beside a "−0.8" tick would read as two styles.
  locale: { number: { decimal: '.', thousands: ',', grouping: [3], currency: ['$', ''], minus: '-' } },
} as const;

/** The small footer line every chart carries (shown as the title's subtitle's last line is not enough). */
export function footerText(datasetVersion: string, source: string): string {
  return `hfbot · dataset ${datasetVersion} · ${source}`;
}
