/** What a Hub run is asked to do and what it reports, and the first request it makes. */
import type { Db } from '../../db.js';
import type { Logger } from '../../../logger.js';
import type { PoliteHttp } from '../http.js';
import type { ProgressSink } from '../progress.js';

export interface HubMineOptions {
  db: Db;
  http: PoliteHttp;
  baseUrl: string;
  logger: Logger;
  now: () => Date;
  full?: boolean;
  pageSize?: number;
  /** Models per transaction at most (default 50,000). */
  batchRows?: number;
  /** Commit once the pages since the last commit would take this long to redo at the rate (2,000 ms). */
  commitEveryMs?: number;
  maxPages?: number;
  maxConsecutiveFailures?: number;
  onProgress?: ProgressSink;
  /** Called before a run that reads the whole list (a first or full run). */
  onPlan?: (plan: { pageSize: number; requestsPerMinute: number }) => void;
}

export interface HubMineResult {
  full: boolean;
  resumed: boolean;
  pages: number;
  models: number;
  newModels: number;
  /** Models a full run did not list (deleted or made private), moved to hub_gone. */
  goneModels: number;
  renamed: number;
  badEntries: number;
  warnings: number;
  warningSamples: string[];
  skipped: { url: string; error: string }[];
  partial: boolean;
  requests: number;
  reachedCheckpoint: boolean;
}

/** Only what hub_models stores: every extra field is bytes the Hub sends and we parse for nothing. */
export const EXPAND = ['author', 'createdAt', 'config', 'cardData', 'pipeline_tag', 'library_name'];
/** Models older than the 2022 migration all carry its date; progress is measured from there. */
export const HUB_FLOOR = '2022-03-01T00:00:00Z';

export function firstPageUrl(base: string, pageSize: number): string {
  return `${base}/api/models?limit=${pageSize}&sort=createdAt&direction=-1&${EXPAND.map((e) => `expand[]=${e}`).join('&')}`;
}
