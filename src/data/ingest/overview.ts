import path from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { ingestError } from './errors.js';
import { msg } from '../../messages/index.js';
import type { OverviewEntry } from './codebook.js';

/**
 * Codebook.xlsx, sheet Overview: the published Table I counts. Layout: challenge rows
 * (name, count), a total row (blank name), a "Category | #" header, benefit rows, a total row.
 */
export async function readOverview(file: string): Promise<OverviewEntry[]> {
  const name = path.basename(file);
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    sheets = (await readXlsxFile(file)) as never;
  } catch (err) {
    throw ingestError(
      { file: name },
      (err as NodeJS.ErrnoException).code === 'ENOENT'
        ? msg.ingest.missingFile(file)
        : `not a readable .xlsx file (${(err as Error).message}).`,
    );
  }
  const sheet = sheets.find((s) => s.sheet === 'Overview');
  if (!sheet)
    throw ingestError(
      { file: name },
      msg.ingest.missingSheet(
        'Overview',
        sheets.map((s) => s.sheet),
      ),
    );
  const out: OverviewEntry[] = [];
  let kind: 'challenge' | 'benefit' = 'challenge';
  let sum = 0;
  let totals = 0;
  sheet.data.forEach((row, i) => {
    const loc = { file: `${name} [Overview]`, line: i + 1 };
    const label = row[0] == null ? '' : String(row[0]).trim();
    const value = row[1];
    if (!label && value == null) return;
    if (label.toLowerCase() === 'category') return;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      throw ingestError({ ...loc, column: 'B' }, msg.ingest.badCount(String(value ?? '')));
    }
    if (!label) {
      if (sum !== value) throw ingestError({ ...loc, column: 'B' }, msg.ingest.totalMismatch(kind, sum, value));
      totals++;
      kind = 'benefit';
      sum = 0;
      return;
    }
    out.push({ kind, position: out.filter((o) => o.kind === kind).length + 1, category: label, count: value });
    sum += value;
  });
  if (totals !== 2)
    throw ingestError(
      { file: `${name} [Overview]` },
      'expected two blocks (challenges, benefits), each closed by a total row.',
    );
  return out;
}
