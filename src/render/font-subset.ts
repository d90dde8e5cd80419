/**
 * A smaller copy of a TTF holding only the glyphs charts use. resvg re-reads the font file
 * for glyph lookups, so text cost grows with file size: DejaVu Sans is 757 KB and ~4x
 * slower to draw than a ~150 KB file. Glyph ids, metrics, kerning, GSUB/GPOS and names stay
 * as they are; only outlines of code points outside CHART_RANGES and glyph names are dropped,
 * so text in those ranges draws to the same pixels as with the full font.
 */
import { HfbotError } from '../errors.js';

/** Latin, Latin-1, Latin Extended-A, Greek, punctuation, arrows, maths, shapes, ligatures. */
export const CHART_RANGES: readonly [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0x17f],
  [0x370, 0x3ff],
  [0x2000, 0x206f],
  [0x20ac, 0x20ac],
  [0x2190, 0x21ff],
  [0x2200, 0x22ff],
  [0x25a0, 0x25ff],
  [0x2713, 0x2717],
  // The Latin ligatures GSUB substitutes in ("signiﬁcant"); without them the text has holes.
  [0xfb00, 0xfb06],
];

export function inChartRanges(cp: number): boolean {
  return CHART_RANGES.some(([a, b]) => cp >= a && cp <= b);
}

interface Table {
  tag: string;
  data: Buffer;
}

function readTables(font: Buffer): Map<string, Buffer> {
  const tables = new Map<string, Buffer>();
  const n = font.readUInt16BE(4);
  for (let i = 0; i < n; i++) {
    const rec = 12 + 16 * i;
    const off = font.readUInt32BE(rec + 8);
    tables.set(font.toString('latin1', rec, rec + 4), font.subarray(off, off + font.readUInt32BE(rec + 12)));
  }
  return tables;
}

/** Component glyph ids of a composite glyph (numberOfContours < 0), per the glyf spec. */
function components(glyph: Buffer): number[] {
  if (glyph.length < 10 || glyph.readInt16BE(0) >= 0) return [];
  const out: number[] = [];
  let p = 10;
  for (;;) {
    const flags = glyph.readUInt16BE(p);
    out.push(glyph.readUInt16BE(p + 2));
    p += 4 + (flags & 0x0001 ? 4 : 2) + (flags & 0x0008 ? 2 : flags & 0x0040 ? 4 : flags & 0x0080 ? 8 : 0);
    if (!(flags & 0x0020)) return out;
  }
}

/** `glyphOf` maps a code point to a glyph id (the cmap the metrics module already reads). */
export function subsetFont(font: Buffer, glyphOf: (cp: number) => number): Buffer {
  const t = readTables(font);
  const head = t.get('head'),
    loca = t.get('loca'),
    glyf = t.get('glyf'),
    maxp = t.get('maxp');
  if (!head || !loca || !glyf || !maxp)
    throw new HfbotError('E_INTERNAL', 'Chart font is not a glyf-outline TrueType font; cannot subset it.');
  const longLoca = head.readInt16BE(50) === 1;
  const numGlyphs = maxp.readUInt16BE(4);
  const offset = (g: number) => (longLoca ? loca.readUInt32BE(4 * g) : 2 * loca.readUInt16BE(2 * g));
  const glyph = (g: number) => glyf.subarray(offset(g), offset(g + 1));

  const keep = new Set<number>([0]);
  for (const [a, b] of CHART_RANGES) for (let cp = a; cp <= b; cp++) keep.add(glyphOf(cp));
  for (const g of [...keep]) for (const c of components(glyph(g))) keep.add(c);

  const parts: Buffer[] = [];
  const newLoca = Buffer.alloc(longLoca ? 4 * (numGlyphs + 1) : 2 * (numGlyphs + 1));
  let at = 0;
  for (let g = 0; g <= numGlyphs; g++) {
    if (longLoca) newLoca.writeUInt32BE(at, 4 * g);
    else newLoca.writeUInt16BE(at / 2, 2 * g);
    if (g === numGlyphs || !keep.has(g)) continue;
    const data = glyph(g);
    const padded = Buffer.alloc((data.length + 3) & ~3);
    data.copy(padded);
    parts.push(padded);
    at += padded.length;
  }
  // post 3.0 carries no glyph names (62 KB of them in DejaVu).
  const post = Buffer.from(t.get('post')!.subarray(0, 32));
  post.writeUInt32BE(0x00030000, 0);
  const out: Table[] = [];
  for (const [tag, data] of t) {
    if (tag === 'DSIG') continue;
    out.push({
      tag,
      data: tag === 'glyf' ? Buffer.concat(parts) : tag === 'loca' ? newLoca : tag === 'post' ? post : data,
    });
  }
  return writeFont(font.readUInt32BE(0), out);
}

function writeFont(version: number, tables: Table[]): Buffer {
  tables.sort((a, b) => (a.tag < b.tag ? -1 : 1));
  const n = tables.length;
  const header = Buffer.alloc(12 + 16 * n);
  const pow = 2 ** Math.floor(Math.log2(n));
  header.writeUInt32BE(version, 0);
  header.writeUInt16BE(n, 4);
  header.writeUInt16BE(pow * 16, 6);
  header.writeUInt16BE(Math.log2(pow), 8);
  header.writeUInt16BE(n * 16 - pow * 16, 10);
  const bodies: Buffer[] = [];
  let off = header.length;
  tables.forEach(({ tag, data }, i) => {
    const padded = Buffer.alloc((data.length + 3) & ~3);
    data.copy(padded);
    const rec = 12 + 16 * i;
    header.write(tag, rec, 'latin1');
    header.writeUInt32BE(checksum(padded), rec + 4);
    header.writeUInt32BE(off, rec + 8);
    header.writeUInt32BE(data.length, rec + 12);
    bodies.push(padded);
    off += padded.length;
  });
  return Buffer.concat([header, ...bodies]);
}

function checksum(b: Buffer): number {
  let sum = 0;
  for (let i = 0; i < b.length; i += 4) sum = (sum + b.readUInt32BE(i)) >>> 0;
  return sum;
}
