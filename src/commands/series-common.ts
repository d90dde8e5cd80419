/** What /trend, /trends, /popular and /cards share: the source option, windows, provenance. */
import { opt } from './options.js';
import { HfbotError } from '../errors.js';
import { msg } from '../messages/index.js';
import { datasetVersion } from '../data/queries/dataset-info.js';
import {
  PAPER_FILES,
  seriesSource,
  type SeriesName,
  type SeriesSource,
  type SeriesWindow,
} from '../data/queries/series.js';
import { addMonths } from '../analysis/months.js';
import type { Db } from '../data/db.js';
import type { Provenance } from './types.js';

export const sourceOption = () =>
  opt.choice({
    description: "Which data: the paper's replication package, data mined by hfbot, or both side by side",
    choices: ['paper', 'mined', 'both'] as const,
    default: 'paper',
  });

/** scale:log|linear; left out, the chart picks log when its counts span two orders of magnitude. */
export const scaleOption = () =>
  opt.choice({
    description: 'Count axis: log or linear (default: log when the counts span 100x or more)',
    choices: ['log', 'linear'] as const,
  });

/** source:both needs both; the mined side's absence is the usual "run hfbot mine" error. */
export function requireBoth(db: Db, needs: readonly SeriesName[]): { paper: SeriesSource; mined: SeriesSource } {
  return { paper: requireSource(db, 'paper', needs), mined: requireSource(db, 'mined', needs) };
}

/** Provenance of a two-source answer: both versions, both sources' files, the union window. */
export function bothProvenance(
  db: Db,
  s: { paper: SeriesSource; mined: SeriesSource },
  names: readonly SeriesName[],
  window: { from: string; to: string } | null,
  n: number,
  note: string,
): Provenance {
  const p = seriesProvenance(db, s.paper, names, window, n);
  const m = seriesProvenance(db, s.mined, names, window, n);
  return {
    datasetVersion: `${p.datasetVersion} + ${m.datasetVersion}`,
    sources: [...p.sources, ...m.sources],
    window,
    n,
    note,
  };
}

export function requireSource(db: Db, source: string, needs: readonly SeriesName[]): SeriesSource {
  const s = seriesSource(db, source);
  if (!s)
    throw new HfbotError('E_NOT_FOUND', msg.series.noSource(source), {
      hint: source === 'paper' ? undefined : msg.series.noSourceHint,
      details: { option: 'source' },
    });
  for (const n of needs)
    if (!s.windows[n])
      throw new HfbotError('E_NOT_FOUND', msg.series.noSeries(source, n), { details: { option: 'source' } });
  return s;
}

export function sourceLabel(s: SeriesSource): string {
  return msg.series.sourceLabel(s.source, s.description);
}

/** Months every named series covers; `full` drops a last month mined mid-month. */
export function commonWindow(
  s: SeriesSource,
  names: readonly SeriesName[],
): { first: string; last: string; lastFull: string } {
  const ws = names.map((n) => s.windows[n]!) as SeriesWindow[];
  const first = ws.map((w) => w.first).reduce((a, b) => (a > b ? a : b));
  const last = ws.map((w) => w.last).reduce((a, b) => (a < b ? a : b));
  // Mined series come from separate runs (a forum crawl, a Hub listing): they can miss each
  // other entirely, and "months available: 2026-10 to 2023-06" would be no answer.
  if (first > last)
    throw new HfbotError(
      'E_NOT_FOUND',
      msg.series.noOverlap(
        sourceLabel(s),
        names.map((n, i) => ({ series: n, first: ws[i]!.first, last: ws[i]!.last })),
      ),
      { hint: s.source === 'paper' ? undefined : msg.series.noOverlapHint, details: { option: 'source' } },
    );
  const partial = ws.some((w) => w.last === last && w.partialLast);
  return { first, last, lastFull: partial ? addMonths(last, -1) : last };
}

/** A from/to pair inside [first, last], from <= to; errors name the option and the available range. */
export function checkWindow(cmd: string, from: string, to: string, first: string, last: string): void {
  for (const [option, m] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (m < first || m > last)
      throw new HfbotError('E_BAD_VALUE', msg.series.badMonth(cmd, option, m, first, last), { details: { option } });
  }
  if (from > to)
    throw new HfbotError('E_BAD_VALUE', msg.series.badOrder(cmd, from, to), { details: { option: 'from' } });
}

export function seriesProvenance(
  db: Db,
  s: SeriesSource,
  names: readonly SeriesName[],
  window: { from: string; to: string } | null,
  n: number,
  note?: string,
): Provenance {
  const version = s.source === 'paper' ? datasetVersion(db) : s.datasetVersion;
  const sources =
    s.source === 'paper'
      ? names.map((x) => `SANER 2024 replication package: ${PAPER_FILES[x]}`)
      : [`${s.description} (${names.join(', ')})`];
  return { datasetVersion: version, sources, window, n, ...(note ? { note } : {}) };
}
