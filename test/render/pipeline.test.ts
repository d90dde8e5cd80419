import { describe, expect, it, vi } from 'vitest';
import path from 'node:path';
import { specToSvg } from '../../src/render/to-svg.js';
import { svgToPng } from '../../src/render/to-png.js';
import { resolveFontFiles } from '../../src/render/fonts.js';
import { loadFontMetrics } from '../../src/render/font-metrics.js';
import { HfbotError } from '../../src/errors.js';
import { CHART } from '../../src/render/specs/theme.js';
import { barSpec, diffPixels, inkPixels, pngSize, rasterise } from './png-helpers.js';

describe('render/pipeline', () => {
  it('renders the same spec to identical bytes twice (no timestamps, def ids restart)', async () => {
    const a = (await svgToPng(await specToSvg(barSpec('Same bytes')))).png;
    const b = (await svgToPng(await specToSvg(barSpec('Same bytes')))).png;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('writes a PNG that decodes at CHART.scale, 1000-1600 px wide for the themed size', async () => {
    const svg = await specToSvg(barSpec('Size check'));
    const out = await svgToPng(svg);
    const size = pngSize(out.png);
    expect(size).toEqual({ width: out.width, height: out.height });
    const svgWidth = Number(/<svg[^>]* width="(\d+(?:\.\d+)?)"/.exec(svg)?.[1]);
    expect(size.width).toBe(Math.ceil(svgWidth * CHART.scale));
    expect(size.width).toBeGreaterThanOrEqual(1000);
    expect(size.width).toBeLessThanOrEqual(1600);
  });

  it('draws the title: with and without it, the title region differs and carries ink', async () => {
    const withTitle = rasterise(await specToSvg(barSpec('A title that must be drawn')));
    const without = rasterise(await specToSvg(barSpec('')));
    expect(withTitle.width).toBe(without.width);
    // Title (16 px) sits at the top after 16 px padding: the first 40 logical px, 80 at 2x.
    const region = [0, 40 * CHART.scale] as const;
    expect(inkPixels(withTitle, ...region)).toBeGreaterThan(500);
    expect(diffPixels(withTitle.pixels, without.pixels, withTitle.width, ...region)).toBeGreaterThan(500);
  });

  it('draws axis labels: hiding them changes the picture', async () => {
    const a = rasterise(await specToSvg(barSpec('T', { labels: true })));
    const b = rasterise(await specToSvg(barSpec('T', { labels: false })));
    expect(a.width === b.width && a.height === b.height && a.pixels.equals(b.pixels)).toBe(false);
  });

  it('measures text as resvg draws it: a run of M ends where vega thinks it does', async () => {
    // The ink of "MMMMMMMMMM" ends one right side bearing before its advance width.
    const metrics = loadFontMetrics(resolveFontFiles().regular);
    const expected = metrics.width('MMMMMMMMMM', 40);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="60"><rect width="600" height="60" fill="#fff"/><text x="0" y="45" font-family="DejaVu Sans" font-size="40">MMMMMMMMMM</text></svg>`;
    const img = rasterise(svg);
    let right = 0;
    for (let y = 0; y < img.height; y++)
      for (let x = 0; x < img.width; x++) if (img.pixels[(y * img.width + x) * 4]! < 128) right = Math.max(right, x);
    expect(right / CHART.scale).toBeGreaterThan(expected - 8);
    expect(right / CHART.scale).toBeLessThanOrEqual(expected);
    // vega's own guess (0.8 em per character) would be 320 px: far off.
    expect(Math.abs(expected - 320)).toBeGreaterThan(20);
  });

  it('refuses to render without its font, saying which file and what to do', async () => {
    const dir = path.join(import.meta.dirname, 'no-such-font-dir');
    expect(() => resolveFontFiles(dir)).toThrow(HfbotError);
    expect(() => resolveFontFiles(dir)).toThrow(/DejaVu Sans not found: .*DejaVuSans\.ttf does not exist/);
    const svg = await specToSvg(barSpec('x'));
    const err = await svgToPng(svg, {
      fonts: { regular: path.join(dir, 'a.ttf'), bold: path.join(dir, 'b.ttf') },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HfbotError);
    expect((err as HfbotError).hint).toMatch(/npm install/);
  });

  it('hands vega-lite warnings to the caller instead of the console', async () => {
    const consoleWarn = vi.spyOn(console, 'warn');
    const warnings: string[] = [];
    const spec = {
      ...barSpec('Warned'),
      encoding: { ...(barSpec('x').encoding as object), shape: { field: 'k', type: 'nominal' } },
    };
    await specToSvg(spec, (m) => warnings.push(m));
    expect(warnings.join('\n')).toMatch(/shape/);
    expect(consoleWarn).not.toHaveBeenCalled();
    consoleWarn.mockRestore();
  });

  it('reports a spec that does not compile as an HfbotError', async () => {
    await expect(specToSvg({ mark: 'no-such-mark', data: { values: [] } })).rejects.toThrow(/does not compile/);
  });
});
