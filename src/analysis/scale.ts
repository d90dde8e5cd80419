/**
 * Log or linear: a count axis goes logarithmic when its non-zero values span at least two orders
 * of magnitude (Fig. 4's months run from 42 to 26,095 models; on a linear axis 2019-2020 vanish).
 * Pure; the chart builders turn the choice into a Vega-Lite scale.
 */
export type ScaleType = 'log' | 'linear';

/** max / min of the non-zero values at or above which the default is a log scale. */
export const LOG_SPAN = 100;

export interface ScaleChoice {
  type: ScaleType;
  /** True when chosen from the data rather than asked for with scale:. */
  auto: boolean;
  /** The smallest and largest non-zero values (null when there are none). */
  min: number | null;
  max: number | null;
}

export function chooseScale(values: readonly number[], requested?: ScaleType): ScaleChoice {
  const pos = values.filter((v) => Number.isFinite(v) && v > 0);
  const min = pos.length ? Math.min(...pos) : null;
  const max = pos.length ? Math.max(...pos) : null;
  if (requested) return { type: requested, auto: false, min, max };
  const wide = min !== null && max !== null && max / min >= LOG_SPAN;
  return { type: wide ? 'log' : 'linear', auto: true, min, max };
}

/** For charts with one axis per series (/trend): log when any series spans 100x, all axes alike. */
export function chooseScaleAny(series: readonly (readonly number[])[], requested?: ScaleType): ScaleChoice {
  const choices = series.map((s) => chooseScale(s, requested));
  const wide = choices.find((c) => c.type === 'log');
  return wide ?? choices[0] ?? chooseScale([], requested);
}
