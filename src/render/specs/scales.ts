/**
 * Count axes on a log scale, readable: ticks at powers of ten only (1, 10, 100, 1,000, ...),
 * whole numbers with thousands separators, and a domain from the power of ten below the
 * smallest value to the one above the largest. With zeros in the data (months without a mention)
 * the scale is symlog, so a zero month sits on the axis instead of vanishing.
 */
export interface AxisScale {
  scale: Record<string, unknown>;
  axis: Record<string, unknown>;
}

// From the decimal literal, so 1e-4 is 0.0001 and not 0.00009999999999999999 (10 ** -4).
const pow10 = (e: number) => Number(`1e${e}`);

export function logCountScale(values: readonly number[]): AxisScale {
  const pos = values.filter((v) => v > 0);
  const zeros = values.some((v) => v === 0);
  const lo = pos.length ? Math.floor(Math.log10(Math.min(...pos))) : 0;
  const hi = pos.length ? Math.max(lo + 1, Math.ceil(Math.log10(Math.max(...pos)))) : 1;
  const ticks: number[] = [];
  for (let e = zeros ? 0 : lo; e <= hi; e++) ticks.push(pow10(e));
  if (zeros) {
    return {
      scale: { type: 'symlog', constant: 1, domain: [0, pow10(hi)] },
      axis: { values: [0, ...ticks], format: ',d' },
    };
  }
  // Bars stand on the domain's low end: a smallest count that is itself a power of ten (a month of
  // 1 model) would get no bar at all, so the axis starts half a step below it.
  const low = pos.length && Math.min(...pos) === pow10(lo) ? pow10(lo) / 2 : pow10(lo);
  return { scale: { type: 'log', domain: [low, pow10(hi)], nice: false }, axis: { values: ticks, format: ',d' } };
}

/** Shares (0..1) on a log axis: ticks at 0.01%, 0.1%, 1%, 10%, 100% within the data's range. */
export function logShareScale(values: readonly number[]): AxisScale {
  const pos = values.filter((v) => v > 0);
  const lo = pos.length ? Math.floor(Math.log10(Math.min(...pos))) : -2;
  const hi = pos.length ? Math.min(0, Math.ceil(Math.log10(Math.max(...pos)))) : 0;
  const ticks: number[] = [];
  for (let e = lo; e <= Math.max(hi, lo + 1); e++) ticks.push(pow10(e));
  return {
    scale: { type: 'log', domain: [ticks[0]!, ticks.at(-1)!] },
    axis: { values: ticks, format: '~%' },
  };
}

/**
 * Shares (0..1) that span orders of magnitude and may be 0 (a type the other source never
 * mentions): symlog with its linear zone at the smallest power of ten below the smallest share,
 * so 0 sits on the axis and everything from that power up is spaced as on a log axis.
 */
export function symlogShareScale(values: readonly number[]): AxisScale {
  const pos = values.filter((v) => v > 0);
  const lo = pos.length ? Math.floor(Math.log10(Math.min(...pos))) : -2;
  const hi = pos.length ? Math.min(0, Math.ceil(Math.log10(Math.max(...pos)))) : 0;
  const ticks: number[] = [0];
  for (let e = lo; e <= Math.max(hi, lo + 1); e++) ticks.push(pow10(e));
  return {
    scale: { type: 'symlog', constant: pow10(lo), domain: [0, ticks.at(-1)!], nice: false },
    // Vega formats symlog ticks as linear ones, to the precision of the whole domain ("0%" for
    // 0.01%): the precision is spelled out, enough decimals for the smallest tick, then trimmed.
    axis: { values: ticks, format: `.${Math.max(0, -lo - 2)}~%` },
  };
}

/**
 * When the lines on one axis differ by orders of magnitude (bert's ~1,900 Hub models a month vs
 * vit's tens; Beginners' thousands of topics vs a category of ten) a linear axis flattens the
 * small ones to zero. A symlog scale keeps them readable and still shows zero; its ticks are 0
 * and powers of ten. Decided on each line's peak, not on single points: a cumulative line that
 * starts at 1 is not "spread". Returns the y-encoding additions and the axis-title suffix, or null.
 */
export function symlogWhenSpread(
  lines: readonly (readonly number[])[],
): { scale: Record<string, unknown>; axis: Record<string, unknown>; note: string } | null {
  const peaks = lines.map((l) => Math.max(0, ...l)).filter((p) => p > 0);
  if (!peaks.length) return null;
  const max = Math.max(...peaks);
  if (max / Math.min(...peaks) < 100) return null;
  const ticks = [0];
  for (let t = 1; t <= max * 1.5; t *= 10) ticks.push(t);
  return { scale: { type: 'symlog', constant: 1 }, axis: { values: ticks, format: ',d' }, note: ' (symlog scale)' };
}

/**
 * Text the bundled DejaVu Sans can draw: Discourse category names carry emoji ("🤗Transformers")
 * that would render as empty boxes, so charts drop pictographs, their variation selectors and
 * joiners. Replies' text and data keep the real name.
 */
export function drawableLabel(s: string): string {
  return s.replace(/\p{Extended_Pictographic}|\u{FE0F}|\u{200D}|[\u{1F3FB}-\u{1F3FF}]/gu, '').trim() || s;
}
