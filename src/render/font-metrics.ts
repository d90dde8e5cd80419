/**
 * Advance widths read from the TTF itself (cmap + hmtx), so vega lays out labels, legends
 * and truncation with the widths resvg will actually draw. Without node-canvas vega guesses
 * 0.8 em per character, about 40 % wider than DejaVu Sans: legends and axes get
 * needless gaps and labels are cut long before they would overflow.
 */
import { readFileSync } from 'node:fs';
import { HfbotError } from '../errors.js';

export interface FontMetrics {
  /** Width in px of `text` at `size` px, without kerning (resvg kerns a few pairs: < 2 %). */
  width(text: string, size: number): number;
  /** Glyph id for a code point (0, .notdef, when the font lacks it). */
  glyphOf(cp: number): number;
}

export function loadFontMetrics(file: string): FontMetrics {
  return parseFontMetrics(readFileSync(file), file);
}

export function parseFontMetrics(buf: Buffer, file = 'font'): FontMetrics {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const tables = new Map<string, number>();
  const numTables = view.getUint16(4);
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + 16 * i;
    tables.set(buf.toString('latin1', rec, rec + 4), view.getUint32(rec + 8));
  }
  const at = (tag: string): number => {
    const off = tables.get(tag);
    if (off === undefined)
      throw new HfbotError('E_INTERNAL', `Font ${file} has no ${tag} table; cannot measure chart text.`);
    return off;
  };
  const unitsPerEm = view.getUint16(at('head') + 18);
  const numHMetrics = view.getUint16(at('hhea') + 34);
  const hmtx = at('hmtx');
  const advance = (glyph: number) => view.getUint16(hmtx + 4 * Math.min(glyph, numHMetrics - 1));
  const glyphOf = cmapFormat4(view, at('cmap'));
  const cache = new Map<number, number>();
  const unitsFor = (cp: number): number => {
    let w = cache.get(cp);
    if (w === undefined) {
      w = advance(glyphOf(cp));
      cache.set(cp, w);
    }
    return w;
  };
  return {
    glyphOf,
    width(text, size) {
      let units = 0;
      for (const ch of text) units += unitsFor(ch.codePointAt(0)!);
      return (units * size) / unitsPerEm;
    },
  };
}

/** The Unicode BMP subtable (platform 3, encoding 1, format 4): enough for chart text. */
function cmapFormat4(view: DataView, cmap: number): (cp: number) => number {
  const n = view.getUint16(cmap + 2);
  let sub = -1;
  for (let i = 0; i < n; i++) {
    const rec = cmap + 4 + 8 * i;
    if (view.getUint16(rec) === 3 && view.getUint16(rec + 2) === 1) sub = cmap + view.getUint32(rec + 4);
  }
  if (sub < 0 || view.getUint16(sub) !== 4)
    throw new HfbotError('E_INTERNAL', 'Chart font has no Unicode (3,1) format-4 cmap.');
  const segX2 = view.getUint16(sub + 6);
  const ends = sub + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;
  return (cp) => {
    if (cp > 0xffff) return 0;
    for (let s = 0; s < segX2; s += 2) {
      if (cp > view.getUint16(ends + s)) continue;
      const start = view.getUint16(starts + s);
      if (cp < start) return 0;
      const delta = view.getInt16(deltas + s);
      const ro = view.getUint16(rangeOffsets + s);
      if (ro === 0) return (cp + delta) & 0xffff;
      const g = view.getUint16(rangeOffsets + s + ro + 2 * (cp - start));
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
}
