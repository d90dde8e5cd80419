/**
 * SVG -> PNG with resvg, loading only the bundled DejaVu files (never system fonts), so the
 * same SVG gives the same PNG bytes on every machine. Zoomed by CHART.scale for sharp
 * previews in Slack and Discord.
 */
import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import { HfbotError } from '../errors.js';
import { CHART } from './specs/theme.js';
import { assertFontFiles, chartFontFiles, FONT_FAMILY, resolveFontFiles, type FontFiles } from './fonts.js';
import { inChartRanges } from './font-subset.js';

export interface PngOptions {
  scale?: number;
  /** Defaults to the glyph subsets of the dejavu-fonts-ttf files (full files when text needs them). */
  fonts?: FontFiles;
}

/** True when every character of the SVG is drawn by the subset font. */
export function subsetCovers(svg: string): boolean {
  for (let i = 0; i < svg.length; i++) {
    const c = svg.charCodeAt(i);
    if (c >= 0x7f && !inChartRanges(svg.codePointAt(i)!)) return false;
  }
  return true;
}

export function resvgOptions(opts: PngOptions = {}, svg = ''): ResvgRenderOptions {
  const fonts = opts.fonts ? assertFontFiles(opts.fonts) : subsetCovers(svg) ? chartFontFiles() : resolveFontFiles();
  return {
    font: {
      loadSystemFonts: false,
      fontFiles: [fonts.regular, fonts.bold],
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
    fitTo: { mode: 'zoom', value: opts.scale ?? CHART.scale },
    background: '#FFFFFF',
    logLevel: 'off',
  };
}

export interface Png {
  png: Uint8Array;
  width: number;
  height: number;
}

/** Rasterises on libuv's thread pool, so a chart does not stall the bot's event loop. */
export async function svgToPng(svg: string, opts: PngOptions = {}): Promise<Png> {
  const options = resvgOptions(opts, svg);
  try {
    const img = await renderAsync(svg, options);
    return { png: new Uint8Array(img.asPng()), width: img.width, height: img.height };
  } catch (cause) {
    throw new HfbotError('E_INTERNAL', `The chart SVG could not be rasterised: ${(cause as Error).message}`, { cause });
  }
}
