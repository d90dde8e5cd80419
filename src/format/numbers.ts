/**
 * How numbers are written in answers, one place for all of them, so a p-value or a share looks
 * the same in every command, announcement and chart subtitle.
 */

/** A p-value: three decimals, scientific below 0.001, "n/a" when undefined. */
export const fmtP = (p: number | null): string =>
  p === null ? 'n/a' : p === 0 ? '0' : p < 0.001 ? p.toExponential(1) : p.toFixed(3);

/** Spearman's rho: four decimals (as Table III prints it), "undefined" when it is not defined. */
export const fmtRho = (x: number | null): string => (x === null ? 'undefined' : x.toFixed(4));

/** A share of 0..1 as a percentage with one decimal: 0.5238 -> "52.4%"; "n/a" when undefined. */
export const fmtShare = (x: number | null): string => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);

/** A value already in percent: 50.97 -> "50.97%". */
export const fmtPercent = (x: number, decimals = 2): string => `${x.toFixed(decimals)}%`;

/** A count with thousands separators: 239422 -> "239,422". */
export const fmtCount = (n: number): string => n.toLocaleString('en-US');

/** Three decimals (kappa, alpha), "n/a" when undefined. */
export const fmt3 = (x: number | null): string => (x === null ? 'n/a' : x.toFixed(3));

/** Three decimals with a typographic minus (announcements), "undefined" when not defined. */
export const fmtSigned3 = (x: number | null): string =>
  x === null ? 'undefined' : (x < 0 ? '−' : '') + Math.abs(x).toFixed(3);
