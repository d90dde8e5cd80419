import { readCsv } from './csv.js';
import { ingestError, type Location } from './errors.js';
import { msg } from '../../messages/index.js';
import { checkPin, PINS } from './expected.js';
import type { PackageFile } from './files.js';
import { resolveCategory } from './labels.js';
import { parseRequired, parseTopicId } from './values.js';

export interface OverviewEntry {
  kind: 'challenge' | 'benefit';
  position: number;
  category: string;
  count: number;
}

export interface CodebookSheetRow {
  kind: 'challenge' | 'benefit';
  category: string;
  categoryRaw: string;
  subcategory: string | null;
  definition: string;
  exampleTopic: number | null;
  exampleQuote: string | null;
  line: number;
}

const EXAMPLE = /^\s*T\s*(\d+)\s*:\s*(.*)$/s;

/** `T639: "quote"` -> topic 639 and the quote without its outer quotes. */
export function parseExample(raw: string, loc: Location): { topic: number | null; quote: string | null } {
  const t = raw.trim();
  if (!t) return { topic: null, quote: null };
  const m = EXAMPLE.exec(t);
  if (!m) return { topic: null, quote: t };
  const quote = m[2]!.trim().replace(/^"\s*/, '').replace(/\s*"$/, '').trim();
  return { topic: parseTopicId(m[1]!, loc), quote };
}

const HEADERS = {
  challenge: ['#', 'Category', 'Subcategory', 'Definition', 'Example'],
  benefit: ['#', 'Category', 'Subcategory', 'Definition', 'Example', '', '', ''],
};

/**
 * Challenges.csv / Benefits.csv. A category's rows are consecutive: its first row carries the
 * running number (#) and the name, the rows below leave both blank. Categories are mapped to
 * the Overview sheet's names (Table I order), and every Overview category must have rows.
 */
export function readCodebook(
  file: PackageFile,
  kind: 'challenge' | 'benefit',
  overview: readonly OverviewEntry[],
): CodebookSheetRow[] {
  const table = readCsv(file, HEADERS[kind]);
  const known = overview.filter((o) => o.kind === kind).map((o) => o.category);
  const out: CodebookSheetRow[] = [];
  const started = new Map<string, number>();
  let current: { raw: string; name: string } | null = null;
  for (const row of table.rows) {
    const rawCategory = row.get('Category').trim();
    const number = row.get('#').trim();
    if (number !== (rawCategory ? String(started.size + 1) : ''))
      throw ingestError(row.at('#'), msg.ingest.categoryNumber(number, started.size + (rawCategory ? 1 : 0)));
    if (rawCategory) {
      const name = resolveCategory(rawCategory, known);
      if (!name) throw ingestError(row.at('Category'), msg.ingest.unknownCategory(rawCategory, known));
      const first = started.get(name);
      if (first !== undefined) throw ingestError(row.at('Category'), msg.ingest.categoryRepeated(name, first));
      started.set(name, row.line);
      current = { raw: rawCategory, name };
    }
    if (!current) throw ingestError(row.at('Category'), msg.ingest.required('Category of the first row'));
    const definition = parseRequired(row.get('Definition'), row.at('Definition'), 'Definition');
    const example = parseExample(row.get('Example'), row.at('Example'));
    const sub = row.get('Subcategory').trim();
    out.push({
      kind,
      category: current.name,
      categoryRaw: current.raw,
      subcategory: sub || null,
      definition,
      exampleTopic: example.topic,
      exampleQuote: example.quote,
      line: row.line,
    });
  }
  const end = { file: table.file, line: table.endLine, column: 'Category' };
  checkPin(kind === 'challenge' ? PINS.challengeRows : PINS.benefitRows, out.length, 'codebook rows', end);
  const missing = known.filter((k) => !started.has(k));
  if (missing.length) throw ingestError(end, msg.ingest.categoryMissing(kind, missing));
  return out;
}
