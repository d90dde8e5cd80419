import { baseConfig, CHART, footerText, PALETTE } from './theme.js';
import { logCountScale, symlogWhenSpread } from './scales.js';

export interface OverlayLine {
  /** The model type: it picks the colour and the point shape. */
  model: string;
  /** 'paper' or 'mined' when both sources are drawn (dashed for mined); omitted otherwise. */
  variant?: string;
  points: { month: string; forum: number; hub: number }[];
}

export interface TrendOverlayInput {
  lines: OverlayLine[];
  title: string;
  /** Short lines under the title (rho per model); the footer is added. */
  stats: string[];
  /** Count axes: log or linear as asked; left out, symlog when the lines differ 100-fold. */
  scale?: 'log' | 'linear';
  datasetVersion: string;
  source: string;
}

/**
 * Okabe-Ito without its yellow (too faint on white) and black (kept for text): six colours,
 * one per model type, each with its own point shape so the lines stay apart in grey print and
 * for the colour-vision deficiencies Okabe-Ito was not designed around.
 */
const LINE_COLOURS = PALETTE.filter((c) => c !== '#F0E442' && c !== '#000000');
const SHAPES = ['circle', 'triangle-up', 'square', 'cross', 'diamond', 'triangle-down'];

/**
 * The package's mentions_time.pdf and hub_types_time_created.pdf as two panels over one time
 * axis: forum topics mentioning each model type per month, then Hub models created per month,
 * a line per model (and per source when both are drawn).
 */
export function trendOverlaySpec(i: TrendOverlayInput): Record<string, unknown> {
  const models = [...new Set(i.lines.map((l) => l.model))];
  const variants = [...new Set(i.lines.map((l) => l.variant).filter((v): v is string => v !== undefined))];
  const values = i.lines.flatMap((l) =>
    l.points.map((p) => ({ ...p, model: l.model, variant: l.variant ?? '', date: `${p.month}-01` })),
  );
  const panel = (field: 'forum' | 'hub', title: string, showX: boolean) => {
    const counts = i.lines.map((l) => l.points.map((p) => p[field]));
    // scale: from the command wins; left out, the axis goes symlog when the lines' peaks differ 100-fold.
    const log =
      i.scale === 'linear'
        ? null
        : (symlogWhenSpread(counts) ??
          (i.scale === 'log' ? { ...logCountScale(counts.flat()), note: ' (log scale)' } : null));
    const color = {
      field: 'model',
      type: 'nominal',
      title: 'model type',
      scale: { domain: models, range: LINE_COLOURS.slice(0, models.length) },
    };
    const dash = variants.length > 1;
    return {
      width: CHART.width,
      height: 170,
      encoding: {
        x: {
          field: 'date',
          type: 'temporal',
          timeUnit: 'utcyearmonth',
          title: showX ? 'month' : null,
          axis: { format: '%b %Y', labelAngle: -40, labelOverlap: true, tickCount: 12, labels: showX },
        },
        y: {
          field,
          type: 'quantitative',
          title: `${title}${log?.note ?? ''}`,
          ...(log ? { scale: log.scale, axis: log.axis } : {}),
        },
        color,
      },
      // Lines and points in separate layers: the source legend then shows solid vs dashed
      // strokes, and the model legend a coloured shape.
      layer: [
        {
          mark: { type: 'line', strokeWidth: 1.8 },
          encoding: {
            detail: { field: 'variant', type: 'nominal' },
            ...(dash
              ? {
                  strokeDash: {
                    field: 'variant',
                    type: 'nominal',
                    title: 'source',
                    scale: {
                      domain: variants,
                      range: [
                        [1, 0],
                        [6, 3],
                      ],
                    },
                    legend: { symbolStrokeColor: '#444444', symbolStrokeWidth: 2, symbolSize: 400 },
                  },
                }
              : {}),
          },
        },
        {
          mark: { type: 'point', size: 28, filled: true, opacity: 1 },
          encoding: {
            shape: {
              field: 'model',
              type: 'nominal',
              title: 'model type',
              scale: { domain: models, range: SHAPES.slice(0, models.length) },
            },
            tooltip: [
              { field: 'model' },
              { field: 'month' },
              { field, type: 'quantitative' },
              ...(variants.length ? [{ field: 'variant', title: 'source' }] : []),
            ],
          },
        },
      ],
    };
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: i.title, subtitle: [...i.stats, footerText(i.datasetVersion, i.source)] },
    data: { values },
    vconcat: [panel('forum', 'forum topics mentioning it', false), panel('hub', 'models created on the Hub', true)],
    spacing: 14,
    resolve: { scale: { x: 'shared', color: 'shared', shape: 'shared' } },
    config: baseConfig,
  };
}
