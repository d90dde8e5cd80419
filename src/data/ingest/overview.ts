import readXlsxFile from 'read-excel-file/node';
import { ingestError } from './errors.js';
import { msg } from '../../messages/index.js';
import type { OverviewEntry } from './codebook.js';
import { checkPin, PINS } from './expected.js';
import type { PackageFile } from './files.js';

/**
 * Codebook.xlsx, sheet Overview: the published Table I counts. Layout: challenge rows
 * (name, count), a total row (blank name), a "Category | #" header, benefit rows, a total row.
 * Each total row must equal its block's sum, and the blocks must be Table I's: 17 challenge
 * categories totalling 737, 6 benefit categories totalling 514.
 */
export async function readOverview(file: PackageFile): Promise<OverviewEntry[]> {
  const name = file.name;
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    sheets = (await readXlsxFile(file.bytes)) as never;
  } catch (err) {
    throw ingestError({ file: name }, msg.ingest.badXlsx((err as Error).message));
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
  const where = `${name} [Overview]`;
  const out: OverviewEntry[] = [];
  let kind: 'challenge' | 'benefit' = 'challenge';
  let sum = 0;
  let totals = 0;
  sheet.data.forEach((row, i) => {
    const loc = { file: where, line: i + 1 };
    const label = row[0] == null ? '' : String(row[0]).trim();
    const value = row[1];
    if (!label && value == null) return;
    if (label.toLowerCase() === 'category') return;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      const raw = String(value ?? '');
      throw ingestError(
        { ...loc, column: 'B' },
        msg.ingest.badCount(raw, msg.ingest.countInt, msg.ingest.countOther('12')),
      );
    }
    if (!label) {
      if (sum !== value) throw ingestError({ ...loc, column: 'B' }, msg.ingest.totalMismatch(kind, sum, value));
      const categories = out.filter((o) => o.kind === kind).length;
      const pins =
        kind === 'challenge'
          ? [PINS.challengeCategories, PINS.challengeCodes]
          : [PINS.benefitCategories, PINS.benefitCodes];
      checkPin(pins[0]!, categories, `${kind} categories`, { ...loc, column: 'A' });
      checkPin(pins[1]!, value, `${kind} codes`, { ...loc, column: 'B' });
      totals++;
      kind = 'benefit';
      sum = 0;
      return;
    }
    out.push({ kind, position: out.filter((o) => o.kind === kind).length + 1, category: label, count: value });
    sum += value;
  });
  if (totals !== 2)
    throw ingestError({ file: where, line: sheet.data.length + 1, column: 'A' }, msg.ingest.overviewBlocks);
  return out;
}
