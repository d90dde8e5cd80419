import { describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { chartFontFiles, resolveFontFiles } from '../../src/render/fonts.js';
import { resvgOptions, subsetCovers, svgToPng } from '../../src/render/to-png.js';

const textSvg = (lines: string[], weight = 'normal') =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="${24 * lines.length + 10}"><rect width="100%" height="100%" fill="#fff"/>` +
  lines
    .map(
      (l, i) =>
        `<text x="4" y="${24 * i + 20}" font-family="DejaVu Sans" font-weight="${weight}" font-size="14">${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</text>`,
    )
    .join('') +
  '</svg>';

const range = (a: number, b: number) => String.fromCodePoint(...Array.from({ length: b - a + 1 }, (_, i) => a + i));
// Every printable ASCII and Latin-1 character, ligature triggers, and the symbols charts use.
const SAMPLE = [
  range(0x21, 0x5f),
  `${range(0x60, 0x7e)} significant office fluffy`,
  range(0xa1, 0xff),
  'ρ = −0.69 · p ≤ 0.05 → κ α β ± × … – — “q” ‘x’ € ●',
];

describe('render/font-subset', () => {
  it('is a fraction of the full DejaVu files', () => {
    const full = resolveFontFiles();
    const sub = chartFontFiles();
    expect(statSync(sub.regular).size).toBeLessThan(statSync(full.regular).size / 2);
    expect(statSync(sub.bold).size).toBeLessThan(statSync(full.bold).size / 2);
  });

  it.each(['normal', 'bold'])(
    'draws chart text (%s) to exactly the pixels of the full font, ligatures included',
    (weight) => {
      const svg = textSvg(SAMPLE, weight);
      expect(subsetCovers(svg)).toBe(true);
      const full = new Resvg(svg, resvgOptions({ fonts: resolveFontFiles() })).render();
      const sub = new Resvg(svg, resvgOptions({ fonts: chartFontFiles() })).render();
      expect(sub.pixels.equals(full.pixels)).toBe(true);
    },
  );

  it('falls back to the full font for characters outside the subset, so they are still drawn', async () => {
    const snowman = textSvg(['weather ☃']);
    expect(subsetCovers(snowman)).toBe(false);
    const withGlyph = await svgToPng(snowman);
    const full = await svgToPng(snowman, { fonts: resolveFontFiles() });
    expect(Buffer.from(withGlyph.png).equals(Buffer.from(full.png))).toBe(true);
    const without = await svgToPng(textSvg(['weather  ']));
    expect(Buffer.from(withGlyph.png).equals(Buffer.from(without.png))).toBe(false);
  });
});
