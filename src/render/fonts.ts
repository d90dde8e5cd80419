/**
 * The one font every chart is measured and drawn with: DejaVu Sans from the
 * dejavu-fonts-ttf npm package. resvg draws no text at all when it finds no font, and
 * system fonts differ per machine, so we load only these files and fail loudly without them.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { HfbotError } from '../errors.js';

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
  return assertFontFiles({ regular: path.join(ttfDir, 'DejaVuSans.ttf'), bold: path.join(ttfDir, 'DejaVuSans-Bold.ttf') });
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
