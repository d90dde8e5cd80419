/**
 * card_data_stats_months_created.csv: per creation month, models and models with a card. Every
 * month from the first to the last is listed; card_ratio must be has_card / count, so a damaged
 * count is caught by its own row. The leading pandas index column is not data.
 */
import { readCsv } from './csv.js';
import { ingestError } from './errors.js';
import { msg } from '../../messages/index.js';
import { checkPin, PINS } from './expected.js';
import type { PackageFile } from './files.js';
import { checkMonths } from './months.js';
import { parseCount, parseRatio } from './values.js';
import type { CardMonth } from '../queries/series.js';

export type { CardMonth };

export function readCardStats(file: PackageFile): CardMonth[] {
  const table = readCsv(file, ['', 'month_year', 'has_card', 'count', 'card_ratio']);
  const months = checkMonths(
    table.rows.map((r) => r.get('month_year')),
    (i) => table.rows[i]!.at('month_year'),
    { consecutive: true },
  );
  const out = table.rows.map((row, i) => {
    const withCard = parseCount(row.get('has_card'), row.at('has_card'), 'int');
    const models = parseCount(row.get('count'), row.at('count'), 'int');
    if (withCard > models) throw ingestError(row.at('has_card'), msg.ingest.withCardExceeds(withCard, models));
    const raw = row.get('card_ratio');
    // pandas writes 0/0 as a blank ratio; otherwise 10 significant digits, within 5e-11 of the exact ratio.
    if (!(models === 0 && raw === '')) {
      const ratio = parseRatio(raw, row.at('card_ratio'));
      if (Math.abs(ratio - withCard / models) > 1e-9)
        throw ingestError(row.at('card_ratio'), msg.ingest.ratioMismatch('card_ratio', raw, withCard / models));
    }
    return { month: months[i]!, models, withCard };
  });
  checkPin(PINS.cardMonths, out.length, 'months', { file: table.file, line: table.endLine, column: 'month_year' });
  return out;
}
