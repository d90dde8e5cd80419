import { baseConfig, CHART, COLORS, footerText, PALETTE } from './theme.js';
import { drawableLabel, symlogWhenSpread } from './scales.js';

export interface ForumCategoriesSpecInput {
  lines: { category: string; points: { month: string; value: number }[] }[];
  /** The summed rest, drawn grey, if any. */
  otherLabel: string | null;
  cumulative: boolean;
  title: string;
  subtitle: string;
  datasetVersion: string;
  source: string;
}

/**
 * The package's All_Categories_Over_Time.pdf / Categories_Expertise_Final.pdf: a line per forum
 * category over the months, largest first in the legend. At most eight lines: seven Okabe-Ito
 * colours (yellow left out, too faint on white) and the rest summed in grey.
 */
export function forumCategoriesSpec(i: ForumCategoriesSpecInput): Record<string, unknown> {
  const named = i.lines.map((l) => drawableLabel(l.category)).filter((c) => c !== i.otherLabel);
  const colours = PALETTE.filter((c) => c !== '#F0E442').slice(0, named.length);
  const domain = i.otherLabel ? [...named, i.otherLabel] : named;
  const range = i.otherLabel ? [...colours, COLORS.muted] : colours;
  const values = i.lines.flatMap((l) =>
    l.points.map((p) => ({ ...p, category: drawableLabel(l.category), date: `${p.month}-01` })),
  );
  const base = i.cumulative ? 'topics in the category (cumulative)' : 'topics created in the month';
  const log = symlogWhenSpread(i.lines.map((l) => l.points.map((p) => p.value)));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: i.title, subtitle: [i.subtitle, footerText(i.datasetVersion, i.source)] },
    width: CHART.width - 120,
    height: CHART.height,
    data: { values },
    // Monthly counts are drawn point to point; running totals only rise, and monotone keeps them so.
    mark: { type: 'line', strokeWidth: 2, ...(i.cumulative ? { interpolate: 'monotone' } : {}) },
    encoding: {
      x: {
        field: 'date',
        type: 'temporal',
        timeUnit: 'utcyearmonth',
        title: 'month created',
        axis: { format: '%b %Y', labelAngle: -40, labelOverlap: true, tickCount: 12 },
      },
      y: {
        field: 'value',
        type: 'quantitative',
        title: `${base}${log?.note ?? ''}`,
        ...(log ? { scale: log.scale, axis: log.axis } : {}),
      },
      color: {
        field: 'category',
        type: 'nominal',
        title: 'forum category',
        scale: { domain, range },
        legend: { orient: 'right', labelLimit: 200 },
      },
      tooltip: [{ field: 'category' }, { field: 'month' }, { field: 'value', type: 'quantitative', title: base }],
    },
    config: baseConfig,
  };
}
