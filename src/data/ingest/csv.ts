import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { ingestError } from './errors.js';
import { msg } from '../../messages/index.js';

export interface CsvRow {
  /** 1-based line where the record starts in the file (records may span lines). */
  line: number;
  cells: string[];
  get(column: string): string;
}

export interface CsvTable {
  file: string;
  header: string[];
  rows: CsvRow[];
}

/**
 * Reads a CSV and checks that the header starts with `expected` (names compared
 * case-insensitively, blank names allowed where expected is '').
 */
export function readCsv(file: string, expected: readonly string[]): CsvTable {
  const name = path.basename(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw ingestError({ file: name }, msg.ingest.missingFile(file));
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, relax_column_count: true, info: true, skip_empty_lines: false }) as never;
  } catch (err) {
    const e = err as { lines?: number; message: string };
    throw ingestError({ file: name, line: e.lines }, msg.ingest.badCsv(e.message));
  }
  const first = records[0];
  if (!first) throw ingestError({ file: name, line: 1 }, msg.ingest.emptyFile);
  const header = first.record.map((h) => h.trim());
  for (let i = 0; i < expected.length; i++) {
    if ((header[i] ?? '').toLowerCase() !== expected[i]!.toLowerCase()) {
      throw ingestError({ file: name, line: 1, column: `#${i + 1}` }, msg.ingest.badHeader(expected, header));
    }
  }
  const index = new Map(header.map((h, i) => [h.toLowerCase(), i] as const));
  let lineStart = first.info.lines + 1;
  const rows: CsvRow[] = [];
  for (const r of records.slice(1)) {
    const line = lineStart;
    lineStart = r.info.lines + 1;
    if (r.record.every((c) => c.trim() === '')) continue;
    const cells = r.record;
    rows.push({ line, cells, get: (column: string) => cells[index.get(column.toLowerCase()) ?? -1] ?? '' });
  }
  return { file: name, header, rows };
}
