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
