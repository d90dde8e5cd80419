import { readCsv } from './csv.js';
import { ingestError } from './errors.js';
import { msg } from '../../messages/index.js';
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
export function parseExample(
  raw: string,
  loc: { file: string; line: number; column: string },
): { topic: number | null; quote: string | null } {
  const t = raw.trim();
  if (!t) return { topic: null, quote: null };
  const m = EXAMPLE.exec(t);
  if (!m) return { topic: null, quote: t };
  const quote = m[2]!.trim().replace(/^"\s*/, '').replace(/\s*"$/, '').trim();
  return { topic: parseTopicId(m[1]!, loc), quote };
}

/**
 * Challenges.csv / Benefits.csv. A blank Category cell continues the category above;
 * categories are mapped to the Overview sheet's names (Table I order).
 */
export function readCodebook(
  file: string,
  kind: 'challenge' | 'benefit',
  overview: readonly OverviewEntry[],
): CodebookSheetRow[] {
  const table = readCsv(file, ['#', 'Category', 'Subcategory', 'Definition', 'Example']);
  const known = overview.filter((o) => o.kind === kind).map((o) => o.category);
  const out: CodebookSheetRow[] = [];
  let current: { raw: string; name: string } | null = null;
  for (const row of table.rows) {
    const rawCategory = row.get('Category').trim();
    if (rawCategory) {
      const name = resolveCategory(rawCategory, known);
      if (!name)
        throw ingestError(
          { file: table.file, line: row.line, column: 'Category' },
          msg.ingest.unknownCategory(rawCategory, known),
        );
      current = { raw: rawCategory, name };
    }
    if (!current)
      throw ingestError(
        { file: table.file, line: row.line, column: 'Category' },
        msg.ingest.required('Category of the first row'),
      );
    const definition = parseRequired(
      row.get('Definition'),
      { file: table.file, line: row.line, column: 'Definition' },
      'Definition',
    );
    const example = parseExample(row.get('Example'), { file: table.file, line: row.line, column: 'Example' });
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
  return out;
}
