import { baseConfig, CHART, footerText } from './theme.js';

export interface ConfusionMatrixInput {
  cells: { x: string; y: string; count: number }[];
  /** Category order for both axes (Table I order). */
  categories: string[];
  xTitle: string;
  yTitle: string;
  title: string;
  /** Under the title, e.g. what the outlined diagonal means. */
  subtitle?: string;
  datasetVersion: string;
  source: string;
}

/** ColorBrewer Blues, light to dark (the near-white first class left out so a 1 shows on white). */
const BLUES = ['#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'] as const;
const ZERO = '#F3F3F3';
const MAX_CLASSES = 7;
/** From this index of BLUES on, a count is printed in white. */
const DARK_FROM = 5;

export interface CountClass {
  label: string;
  lo: number;
  hi: number;
  color: string;
  dark: boolean;
}

/**
 * Whole counts get whole-number classes, never a continuous 0-1 ramp: one class per count up to
 * 7, else equal integer bins ("1-3", "4-6", ...), spread evenly over the ramp.
 */
export function countClasses(max: number): CountClass[] {
  const width = Math.max(1, Math.ceil(max / MAX_CLASSES));
  const n = Math.max(1, Math.ceil(max / width));
  return Array.from({ length: n }, (_, k) => {
    const lo = k * width + 1;
    const hi = Math.min(max, (k + 1) * width);
    const idx = n === 1 ? 4 : Math.round(1 + (k * (BLUES.length - 2)) / (n - 1));
    return { label: lo === hi ? String(lo) : `${lo}-${hi}`, lo, hi, color: BLUES[idx]!, dark: idx >= DARK_FROM };
  });
}

/**
 * Heatmap of label pairs with every cell of the grid drawn (0 in light grey), counts in discrete
 * colours, the count printed in each non-empty cell, and the diagonal (agreement) outlined.
 */
export function confusionMatrixSpec(i: ConfusionMatrixInput): Record<string, unknown> {
  const counts = new Map(i.cells.map((c) => [`${c.x}\u0000${c.y}`, c.count]));
  const max = Math.max(1, ...i.cells.map((c) => c.count));
  const classes = countClasses(max);
  const dark = new Set(classes.filter((c) => c.dark).map((c) => c.label));
  const values = i.categories.flatMap((y) =>
    i.categories.map((x) => {
      const count = counts.get(`${x}\u0000${y}`) ?? 0;
      const cls = count === 0 ? '0' : classes.find((c) => count >= c.lo && count <= c.hi)!.label;
      return { x, y, count, cls, diagonal: x === y, dark: dark.has(cls) };
    }),
  );
  // A fixed cell size: a 3-category round is a small square, not a stretched one, and long
  // titles do not leave half the picture blank (the legend sits beside the grid).
  const cell = Math.max(28, Math.min(80, Math.floor(CHART.height / Math.max(1, i.categories.length))));
  const axis = { field: '', type: 'nominal', sort: i.categories, scale: { domain: i.categories } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: i.title,
      subtitle: [...(i.subtitle ? [i.subtitle] : []), footerText(i.datasetVersion, i.source)],
    },
    width: { step: cell },
    height: { step: cell },
    data: { values },
    encoding: {
      x: { ...axis, field: 'x', title: i.xTitle, axis: { labelAngle: 0 } },
      y: { ...axis, field: 'y', title: i.yTitle },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: '#FFFFFF', strokeWidth: 1 },
        encoding: {
          color: {
            field: 'cls',
            type: 'ordinal',
            title: 'topics',
            scale: { domain: ['0', ...classes.map((c) => c.label)], range: [ZERO, ...classes.map((c) => c.color)] },
            legend: { orient: 'right', direction: 'vertical', symbolType: 'square', symbolSize: 160 },
          },
        },
      },
      {
        // The diagonal: both raters chose the same category.
        transform: [{ filter: 'datum.diagonal' }],
        mark: { type: 'rect', fillOpacity: 0, stroke: '#222222', strokeWidth: 2 },
      },
      {
        transform: [{ filter: 'datum.count > 0' }],
        mark: { type: 'text', fontSize: 11 },
        encoding: {
          text: { field: 'count', type: 'quantitative', format: 'd' },
          color: { condition: { test: 'datum.dark', value: '#FFFFFF' }, value: '#000000' },
        },
      },
    ],
    config: baseConfig,
  };
}
