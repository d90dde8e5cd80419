/**
 * One chart, spec -> SVG -> PNG, inside a worker thread of the render pool: the same code as
 * renderSpecUncached, so the bytes are the same, but vega's compile and layout (tens of ms of
 * synchronous work per chart) no longer hold the bot's event loop. vega-lite's Set.prototype.toJSON
 * stays in this thread too. Warnings come back with the PNG for the main thread's logger.
 */
import { specToSvg } from './to-svg.js';
import { svgToPng } from './to-png.js';

export interface RenderTask {
  spec: Record<string, unknown>;
}

export interface RenderResult {
  png: Uint8Array;
  warnings: string[];
}

export default async function renderTask({ spec }: RenderTask): Promise<RenderResult> {
  const warnings: string[] = [];
  const svg = await specToSvg(spec, (m) => warnings.push(m));
  return { png: (await svgToPng(svg)).png, warnings };
}
