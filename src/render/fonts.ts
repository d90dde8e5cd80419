/**
 * The one font every chart is measured and drawn with: DejaVu Sans from the
 * dejavu-fonts-ttf npm package. resvg draws no text at all when it finds no font, and
 * system fonts differ per machine, so we load only these files and fail loudly without them.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { HfbotError } from '../errors.js';
import { parseFontMetrics } from './font-metrics.js';
import { subsetFont } from './font-subset.js';

export const FONT_FAMILY = 'DejaVu Sans';

export interface FontFiles {
  regular: string;
  bold: string;
}

const require = createRequire(import.meta.url);

/** Directory of the package's TTFs; `dir` overrides it (tests point it at a missing folder). */
export function resolveFontFiles(dir?: string): FontFiles {
  let ttfDir = dir;
  if (!ttfDir) {
    try {
      ttfDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    } catch (cause) {
      throw missing('the npm package dejavu-fonts-ttf is not installed', cause);
    }
  }
  return assertFontFiles({
    regular: path.join(ttfDir, 'DejaVuSans.ttf'),
    bold: path.join(ttfDir, 'DejaVuSans-Bold.ttf'),
  });
}

/** resvg would silently draw a chart without any text; a missing file is an error instead. */
export function assertFontFiles(files: FontFiles): FontFiles {
  for (const f of [files.regular, files.bold]) if (!existsSync(f)) throw missing(`${f} does not exist`);
  return files;
}

function missing(why: string, cause?: unknown): HfbotError {
  return new HfbotError('E_INTERNAL', `Chart font ${FONT_FAMILY} not found: ${why}.`, {
    hint: 'Run `npm install` so dejavu-fonts-ttf is present; charts are never drawn without their font.',
    ...(cause === undefined ? {} : { cause }),
  });
}

let subsetFiles: FontFiles | undefined;

/**
 * The files resvg loads: glyph subsets of the DejaVu files (see font-subset.ts), written
 * once per machine under the temp dir, named by a hash of their content so concurrent
 * processes and package upgrades never see a half-written or stale file.
 */
export function chartFontFiles(): FontFiles {
  if (subsetFiles) return subsetFiles;
  const full = resolveFontFiles();
  const write = (file: string): string => {
    const subset = subsetFont(readFileSync(file), parseFontMetrics(readFileSync(file), file).glyphOf);
    const hash = createHash('sha256').update(subset).digest('hex').slice(0, 16);
    const target = path.join(os.tmpdir(), 'hfbot-fonts', `${path.basename(file, '.ttf')}-${hash}.ttf`);
    if (!existsSync(target)) {
      mkdirSync(path.dirname(target), { recursive: true });
      const tmp = `${target}.${process.pid}.tmp`;
      writeFileSync(tmp, subset);
      renameSync(tmp, target);
    }
    return target;
  };
  try {
    subsetFiles = { regular: write(full.regular), bold: write(full.bold) };
  } catch {
    // A read-only temp dir costs speed, never text: draw with the full files.
    subsetFiles = full;
  }
  return subsetFiles;
}
