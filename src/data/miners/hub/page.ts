/** One page of /api/models: a JSON array of entries, each a row, a row with warnings, or left out. */
import type { Logger } from '../../../logger.js';
import { MalformedResponseError, type HttpResponse } from '../response.js';
import { toHubRow, type HubRow } from './parse.js';

/** What a run did not read cleanly; kept in the checkpoint so a resumed run still reports it. */
export interface PartialState {
  skipped: { url: string; error: string }[];
  badEntries: number;
  warnings: number;
  warningSamples: string[];
}

const SAMPLES = 5;

export function parsePage(res: HttpResponse): unknown[] {
  if (res.status !== 200) throw new MalformedResponseError(res.url, `HTTP ${res.status}`, res.status);
  let list: unknown;
  try {
    list = JSON.parse(res.body);
  } catch (err) {
    throw new MalformedResponseError(res.url, `not JSON (${(err as Error).message}; ${res.body.length} bytes)`, 200);
  }
  if (!Array.isArray(list)) throw new MalformedResponseError(res.url, 'expected a JSON array of models', 200);
  return list;
}

/** The page's rows; unusable entries are counted and left out, malformed optional fields counted. */
export function readModels(list: unknown[], url: string, state: PartialState, logger: Logger): HubRow[] {
  const rows: HubRow[] = [];
  for (const raw of list) {
    const got = toHubRow(raw);
    if (typeof got === 'string') {
      state.badEntries++;
      if (state.badEntries <= SAMPLES) logger.warn('left out a Hub entry', { url, error: got });
      continue;
    }
    if (got.warnings.length) {
      state.warnings++;
      if (state.warningSamples.length < SAMPLES) state.warningSamples.push(`${got.row.id}: ${got.warnings.join('; ')}`);
    }
    rows.push(got.row);
  }
  return rows;
}
