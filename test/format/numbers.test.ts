import { describe, expect, it } from 'vitest';
import { coefCell, fmtCoef, fmtCount, fmtP, fmtPIs, fmtRho, fmtShare, fmtShareSig } from '../../src/format/numbers.js';

// Expected strings are written by hand from the rule (three significant digits, trailing zeros
// dropped, "< 0.001" below 0.001; the rule of R's format.pval(p, digits = 3, eps = 0.001)).
describe('format/numbers', () => {
  it.each([
    [0.05, '0.05'],
    [0.0499, '0.0499'],
    [0.04996, '0.05'],
    [0.001, '0.001'],
    [0.00102, '0.00102'],
    [0.000999, '< 0.001'],
    [0.00099999, '< 0.001'],
    [1.33e-7, '< 0.001'],
    [0.00000508, '< 0.001'],
    [0, '< 0.001'],
    [1, '1'],
    [0.99999, '1'],
    [0.135, '0.135'],
    [0.1354, '0.135'],
    [0.0574, '0.0574'],
  ])('p %s -> %s', (p, text) => {
    expect(fmtP(p)).toBe(text);
  });

  it('never prints an exponent or more than three significant digits for a p-value', () => {
    for (let e = -3; e <= 0; e += 0.01) {
      const s = fmtP(10 ** e);
      expect(s).not.toMatch(/e/i);
      expect(s.replace(/^0\.0*/, '').replace('.', '').length).toBeLessThanOrEqual(3);
    }
  });

  it('says "p < 0.001", never "p = < 0.001"', () => {
    expect(fmtPIs(1.33e-7)).toBe('p < 0.001');
    expect(fmtPIs(0.0499)).toBe('p = 0.0499');
    expect(fmtPIs(0.037, 'q')).toBe('q = 0.037');
    expect(fmtPIs(null)).toBe('p = n/a');
  });

  it('prints rho to three decimals with an ASCII minus and no negative zero', () => {
    expect(fmtRho(0.9001)).toBe('0.900');
    expect(fmtRho(-0.6874)).toBe('-0.687');
    expect(fmtRho(0.88305)).toBe('0.883');
    expect(fmtRho(-0.0004)).toBe('0.000');
    expect(fmtRho(1)).toBe('1.000');
    expect(fmtRho(null)).toBe('undefined');
    expect(fmtCoef(Number.NaN, 'n/a')).toBe('n/a');
    expect(coefCell(-0.68744)).toBe('-0.687');
    expect(coefCell(0.9001)).toBe('0.900');
    expect(coefCell(null)).toBeNull();
  });

  it('prints counts and shares the same on every machine', () => {
    expect(fmtCount(26095)).toBe('26,095');
    expect(fmtCount(42)).toBe('42');
    expect(fmtShare(112568 / 213793)).toBe('52.7%');
    expect(fmtShare(null)).toBe('n/a');
    // Small shares keep two significant digits instead of rounding to "0.00%".
    expect(fmtShareSig(0.2469)).toBe('24.69%');
    expect(fmtShareSig(0.00004)).toBe('0.0040%');
    expect(fmtShareSig(0.000123)).toBe('0.012%');
    expect(fmtShareSig(0)).toBe('0.00%');
  });
});

describe('format/numbers NUMERIC_CELL', () => {
  it('recognises the formatter output as numbers and words as not', async () => {
    const { NUMERIC_CELL, fmtP: p, fmtRho: r, fmtCount: c } = await import('../../src/format/numbers.js');
    for (const s of [p(0.0499), p(1e-9), r(-0.6874), r(0.9), c(26095), '52.7%', '3'])
      expect(NUMERIC_CELL.test(s), s).toBe(true);
    for (const s of ['p and q', 'yes', '2020-07', '', '-', 'n/a']) expect(NUMERIC_CELL.test(s), s).toBe(false);
  });
});

describe('format/numbers in the web chat', () => {
  it('the page right-aligns the same cells as the text tables do', async () => {
    const { readFileSync } = await import('node:fs');
    const { NUMERIC_CELL } = await import('../../src/format/numbers.js');
    const page = readFileSync(new URL('../../src/bot/web/public/table.js', import.meta.url), 'utf8');
    expect(page).toContain(`const NUMERIC_CELL = /${NUMERIC_CELL.source}/;`);
  });
});
