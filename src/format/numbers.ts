/**
 * The one place numbers become text: chat text, tables and chart labels all call these, so a
 * p-value reads the same in the answer, in its table and on its chart. Pure, no imports.
 *
 * p-values follow R's `format.pval(p, digits = 3, eps = 0.001)`: three significant digits with
 * trailing zeros dropped (0.05, 0.0499, 0.00102, 1), and "< 0.001" for anything below 0.001, so
 * 0.00000508 and 1.33e-7 no longer sit side by side in one column.
 */

/** Below this a p-value is printed as "< 0.001" (R's eps). */
export const P_FLOOR = 0.001;

const bad = (x: number | null | undefined): x is null | undefined => x === null || x === undefined || Number.isNaN(x);

/** "0.0499", "0.05", "1", "< 0.001"; "n/a" when there is no p-value. */
export function fmtP(p: number | null | undefined): string {
  if (bad(p)) return 'n/a';
  if (p < P_FLOOR) return `< ${P_FLOOR}`;
  // Number(...) drops the trailing zeros toPrecision keeps; p >= 0.001 never prints as 1e-x.
  return String(Number(p.toPrecision(3)));
}

/** "p = 0.0499" or "p < 0.001" (the symbol can be q): never "p = < 0.001". */
export function fmtPIs(p: number | null | undefined, symbol = 'p'): string {
  const s = fmtP(p);
  return s.startsWith('<') ? `${symbol} ${s}` : `${symbol} = ${s}`;
}

/** Three decimals with an ASCII minus; -0.0001 is "0.000", not "-0.000". */
export function fmtCoef(x: number | null | undefined, missing = 'undefined'): string {
  if (bad(x)) return missing;
  const s = x.toFixed(3);
  return /^-0\.0+$/.test(s) ? s.slice(1) : s;
}

/** Spearman rho (and kappa, alpha): three decimals. */
export const fmtRho = fmtCoef;

/** Whole counts with thousands separators: 26,095. Locale fixed so every machine prints the same. */
export function fmtCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A share (0..1) as a percentage: 0.5265 -> "52.7%". */
export function fmtShare(x: number | null | undefined, digits = 1): string {
  if (bad(x)) return 'n/a';
  return `${(x * 100).toFixed(digits)}%`;
}

/**
 * A share that may be tiny, to at least `digits` decimals and at least two significant digits:
 * 0.2469 -> "24.69%", 0.00004 -> "0.0040%" (toFixed(2) would say "0.00%").
 */
export function fmtShareSig(x: number | null | undefined, digits = 2): string {
  if (bad(x)) return 'n/a';
  if (x === 0) return fmtShare(0, digits);
  return fmtShare(x, Math.max(digits, 1 - Math.floor(Math.log10(Math.abs(x) * 100))));
}

/** A value already in percent: 50.97 -> "50.97%". */
export function fmtPercent(x: number, digits = 2): string {
  return `${x.toFixed(digits)}%`;
}

/** Three decimals (kappa, alpha), "n/a" when undefined. */
export const fmt3 = (x: number | null | undefined): string => fmtCoef(x, 'n/a');

/** Signed coefficients in announcements: the same text as everywhere else (ASCII minus). */
export const fmtSigned3 = (x: number | null | undefined): string => fmtCoef(x);

/** A table cell for a p- or q-value: the same text as in the answer. */
export const pCell = (p: number | null | undefined): string => fmtP(p);

/**
 * A table cell for rho and other coefficients: the answer's text ("0.900", trailing zeros kept), which
 * a CSV reader still parses as a number; null (an empty cell) when undefined.
 */
export const coefCell = (x: number | null | undefined): string | null => (bad(x) ? null : fmtCoef(x));

/** Cells the text table right-aligns as numbers: 0.900, -0.687, 26,095, < 0.001, 52.7%. */
export const NUMERIC_CELL = /^(< )?-?\d[\d,]*(\.\d+)?%?$/;
