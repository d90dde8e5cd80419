/** Test helpers: a small themed spec, PNG header checks and pixel access. */
import { Resvg } from '@resvg/resvg-js';
import { baseConfig, CHART, footerText } from '../../src/render/specs/theme.js';
import { resvgOptions } from '../../src/render/to-png.js';

export function barSpec(title: string | null, opts: { labels?: boolean } = {}): Record<string, unknown> {
  const labels = opts.labels ?? true;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    ...(title === null ? {} : { title: { text: title, subtitle: footerText('test-v1', 'unit test') } }),
    width: CHART.width,
    height: CHART.height,
    data: {
      values: [
        { k: 'alpha', v: 3 },
        { k: 'beta', v: 5 },
        { k: 'gamma', v: 2 },
      ],
    },
    mark: 'bar',
    encoding: {
      x: { field: 'k', type: 'nominal', title: labels ? 'category' : null, axis: labels ? {} : { labels: false } },
      y: { field: 'v', type: 'quantitative', title: labels ? 'count' : null, axis: labels ? {} : { labels: false } },
    },
    config: baseConfig,
  };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the IHDR chunk; throws when the bytes are not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  PNG_SIGNATURE.forEach((b, i) => {
    if (png[i] !== b) throw new Error('not a PNG signature');
  });
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (String.fromCharCode(...png.subarray(12, 16)) !== 'IHDR') throw new Error('first chunk is not IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** RGBA pixels of an SVG drawn exactly as the pipeline draws it. */
export function rasterise(svg: string): { width: number; height: number; pixels: Buffer } {
  const img = new Resvg(svg, resvgOptions({}, svg)).render();
  return { width: img.width, height: img.height, pixels: img.pixels };
}

/** Count of pixels that differ between two same-sized images inside rows [y0, y1). */
export function diffPixels(a: Buffer, b: Buffer, width: number, y0: number, y1: number): number {
  let n = 0;
  for (let i = y0 * width * 4; i < y1 * width * 4; i += 4) if (a.readUInt32BE(i) !== b.readUInt32BE(i)) n++;
  return n;
}

/** Count of non-white pixels in rows [y0, y1). */
export function inkPixels(img: { width: number; pixels: Buffer }, y0: number, y1: number): number {
  let n = 0;
  for (let i = y0 * img.width * 4; i < y1 * img.width * 4; i += 4)
    if (img.pixels[i]! < 200 || img.pixels[i + 1]! < 200 || img.pixels[i + 2]! < 200) n++;
  return n;
}
