import { ingestError, type Location } from './errors.js';
import { msg } from '../../messages/index.js';

/** Counts are published as "12", "12.0" or blank (= 0); anything else is an error. */
export function parseCount(raw: string, loc: Location, blankIsZero = true): number {
  const t = raw.trim();
  if (t === '' && blankIsZero) return 0;
  const n = Number(t);
  if (t === '' || !Number.isFinite(n) || n < 0 || !Number.isInteger(n)) throw ingestError(loc, msg.ingest.badCount(raw));
  return n;
}

export function parseTopicId(raw: string, loc: Location): number {
  const t = raw.trim().replace(/^T/i, '');
  if (!/^\d+$/.test(t)) throw ingestError(loc, msg.ingest.badTopic(raw));
  return Number(t);
}

/** Accepts YYYY-MM and YYYY-MM-01 (the forum file's headers); returns YYYY-MM. */
export function parseMonth(raw: string, loc: Location): string {
  const m = /^(\d{4})-(0[1-9]|1[0-2])(?:-01)?$/.exec(raw.trim());
  if (!m) throw ingestError(loc, msg.ingest.badMonth(raw));
  return `${m[1]}-${m[2]}`;
}
