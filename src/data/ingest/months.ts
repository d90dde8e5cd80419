/**
 * Month checks shared by the series files: each month once, in calendar order, inside the
 * study's dates, and with no month missing where the file has every month.
 */
import { addMonths, monthRange } from '../../analysis/months.js';
import { msg } from '../../messages/index.js';
import { ingestError, type Location } from './errors.js';
import { LAST_MONTH, TREND_WINDOW } from './expected.js';
import { parseMonth } from './values.js';

export interface MonthRules {
  /** Earliest allowed month, and why. */
  first?: { month: string; why: string };
  /** True where the file lists every month (forum, cards); the Hub file skips empty months. */
  consecutive: boolean;
}

/** The latest month any package file may hold: the data were mined in June 2023. */
const LAST = { month: LAST_MONTH, why: 'the data were mined on 26 June 2023' };

/**
 * Parses a run of month cells in file order; `at(i)` locates the i-th one. Returns the months
 * as YYYY-MM.
 */
export function checkMonths(raw: readonly string[], at: (i: number) => Location, rules: MonthRules): string[] {
  const months: string[] = [];
  const seen = new Map<string, string>();
  raw.forEach((cell, i) => {
    const loc = at(i);
    const month = parseMonth(cell, loc);
    const first = seen.get(month);
    if (first !== undefined) throw ingestError(loc, msg.ingest.duplicateColumn(cell, first));
    const previous = months.at(-1);
    if (previous !== undefined && month < previous) throw ingestError(loc, msg.ingest.monthOrder(month, previous));
    if (previous !== undefined && rules.consecutive && month !== addMonths(previous, 1))
      throw ingestError(loc, msg.ingest.monthGap(month, addMonths(previous, 1)));
    const from = rules.first?.month ?? '0000-01';
    if (month > LAST.month || month < from)
      throw ingestError(
        loc,
        msg.ingest.monthRange(month, rules.first?.month, LAST.month, month > LAST.month ? LAST.why : rules.first!.why),
      );
    seen.set(month, loc.column ?? `#${i + 1}`);
    months.push(month);
  });
  return months;
}

/** Both series must cover every month that Table III correlates. */
export function checkTrendWindow(series: string, months: readonly string[], loc: Location): void {
  const have = new Set(months);
  const missing = monthRange(TREND_WINDOW.from, TREND_WINDOW.to).filter((m) => !have.has(m));
  if (missing.length)
    throw ingestError(loc, msg.ingest.windowMissing(series, missing, `${TREND_WINDOW.from}..${TREND_WINDOW.to}`));
}
