/**
 * Streams the Hub's model list newest first, one page (`limit` models) at a time, following
 * the Link rel="next" cursor. Each page is written in one transaction together with the
 * cursor of the next page, so memory stays at one page and an interrupted run resumes at the
 * page after the last one stored. An incremental run stops at models older than the last
 * complete run's newest model; `full` re-reads everything.
 */
import type { Db } from '../../db.js';
import type { Logger } from '../../../logger.js';
import { MalformedResponseError, type HttpResponse, type PoliteHttp } from '../http.js';
import { timeFraction, type ProgressSink } from '../progress.js';
import { mining } from '../../../messages/mining.js';
import { nextLink, toHubRow, type HubRow } from './parse.js';

export interface HubMineOptions {
  db: Db;
  http: PoliteHttp;
  baseUrl: string;
  logger: Logger;
  now: () => Date;
  full?: boolean;
  pageSize?: number;
  /** Models per transaction (default 50,000). */
  batchRows?: number;
  maxPages?: number;
  onProgress?: ProgressSink;
}

export interface HubMineResult {
  resumed: boolean;
  pages: number;
  models: number;
  newModels: number;
  badEntries: number;
  skipped: { url: string; error: string }[];
  requests: number;
  reachedCheckpoint: boolean;
}

/** Only what hub_models stores: every extra field is bytes the Hub sends and we parse for nothing. */
const EXPAND = ['author', 'createdAt', 'config', 'cardData', 'pipeline_tag', 'library_name'];
const UPSERT_ROWS = 50;
/** Models older than the 2022 migration all carry its date; progress is measured from there. */
const HUB_FLOOR = '2022-03-01T00:00:00Z';

export function firstPageUrl(base: string, pageSize: number): string {
  return `${base}/api/models?limit=${pageSize}&sort=createdAt&direction=-1&${EXPAND.map((e) => `expand[]=${e}`).join('&')}`;
}

interface HubCheckpoint {
  newest_created_at: string | null;
  run_next_url: string | null;
  run_newest: string | null;
  run_started_at: string | null;
  run_models: number;
}

export async function mineHub(o: HubMineOptions): Promise<HubMineResult> {
  const { db } = o;
  const base = o.baseUrl.replace(/\/+$/, '');
  const requestsBefore = o.http.stats.requests;
  const cp = db.prepare('SELECT * FROM hub_checkpoint WHERE base_url = ?').get(base) as HubCheckpoint | undefined;
  const resumed = Boolean(cp?.run_next_url);
  const floor = o.full ? null : (cp?.newest_created_at ?? null);
  let runNewest = resumed ? cp!.run_newest : null;
  let url: string | null = resumed ? cp!.run_next_url : firstPageUrl(base, o.pageSize ?? 1000);
  const startedAt = resumed ? cp!.run_started_at : o.now().toISOString();
  const countBefore = db.prepare('SELECT count(*) FROM hub_models').pluck().get() as number;
  const r: HubMineResult = {
    resumed,
    pages: 0,
    models: 0,
    newModels: 0,
    badEntries: 0,
    skipped: [],
    requests: 0,
    reachedCheckpoint: false,
  };
  if (resumed) o.logger.info('resuming an interrupted Hub run', { url });

  const upsertSql = (
    rows: number,
  ) => `INSERT INTO hub_models (id, author, created_month, model_type, has_card, pipeline_tag, library)
    VALUES ${Array<string>(rows).fill('(?, ?, ?, ?, ?, ?, ?)').join(', ')}
    ON CONFLICT(id) DO UPDATE SET author = excluded.author, created_month = excluded.created_month, model_type = excluded.model_type,
      has_card = excluded.has_card, pipeline_tag = excluded.pipeline_tag, library = excluded.library`;
  // Rows go in UPSERT_ROWS at a time: one statement step per 50 rows instead of per row took a
  // fifth off the SQLite time in a 400,000-row test. Rows of one statement are applied in order,
  // so a model listed twice in a batch ends with its later values, as with one row per statement.
  const upsert = db.prepare(upsertSql(1));
  const upsertMany = db.prepare(upsertSql(UPSERT_ROWS));
  const params: unknown[] = new Array<unknown>(UPSERT_ROWS * 7);
  const saveCp =
    db.prepare(`INSERT INTO hub_checkpoint (base_url, newest_created_at, run_next_url, run_newest, run_started_at, run_models, last_finished_at)
    VALUES (@base, @newest, @next, @runNewest, @startedAt, @runModels, @finished)
    ON CONFLICT(base_url) DO UPDATE SET newest_created_at = excluded.newest_created_at, run_next_url = excluded.run_next_url, run_newest = excluded.run_newest,
      run_started_at = excluded.run_started_at, run_models = excluded.run_models, last_finished_at = excluded.last_finished_at`);
  let runModels = resumed ? cp!.run_models : 0;
  const savePage = db.transaction((rows: HubRow[], next: string | null) => {
    // In key order, each B-tree page is touched (and copied to the rollback journal) once per batch.
    rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    let i = 0;
    for (; i + UPSERT_ROWS <= rows.length; i += UPSERT_ROWS) {
      for (let j = 0, p = 0; j < UPSERT_ROWS; j++) {
        const m = rows[i + j]!;
        params[p++] = m.id;
        params[p++] = m.author;
        params[p++] = m.created_month;
        params[p++] = m.model_type;
        params[p++] = m.has_card;
        params[p++] = m.pipeline_tag;
        params[p++] = m.library;
      }
      upsertMany.run(params);
    }
    for (const m of rows.slice(i))
      upsert.run(m.id, m.author, m.created_month, m.model_type, m.has_card, m.pipeline_tag, m.library);
    runModels += rows.length;
    saveCp.run({
      base,
      newest: cp?.newest_created_at ?? null,
      next,
      runNewest,
      startedAt,
      runModels,
      finished: cp === undefined ? null : ((cp as { last_finished_at?: string | null }).last_finished_at ?? null),
    });
  });

  // Pages are written in batches; a resume re-reads at most one batch and memory is bounded by it
  // (a 1M-model run peaks near 240 MiB RSS, 177 MiB with 10,000). Ids arrive in random key order,
  // so once the table is large a batch touches most of its leaf pages and each commit copies them
  // to the rollback journal: the cost is per commit, not per row. Upserting the 1M rows of
  // bench/hub-ingest.ts alone took 13.9 s in 10,000-row batches, 7.0 s in 50,000, no less in
  // 100,000. synchronous stays FULL: NORMAL was no faster in rollback-journal mode.
  const batchRows = o.batchRows ?? 50_000;
  let pending: HubRow[] = [];
  let pageSkipped = false;
  const maxPages = o.maxPages ?? 1_000_000;
  // Without a checkpoint to stop at (first or --full run) the next page is requested while this
  // one is parsed and stored: still one request at a time, but the wait overlaps the work.
  const prefetch = floor === null;
  let inflight: Promise<HttpResponse> | null = null;
  while (url && r.pages < maxPages) {
    const res = await (inflight ?? o.http.get(url));
    inflight = null;
    r.pages++;
    const next = nextLink(res.headers.get('link'), url);
    if (prefetch && next && r.pages < maxPages) {
      inflight = o.http.get(next);
      // Marked handled here; the next iteration awaits it and sees the error.
      inflight.catch(() => undefined);
      // Let the request reach the socket before the synchronous parse and insert below.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    let rows: HubRow[] = [];
    let oldest: string | null = null;
    try {
      if (res.status !== 200) throw new MalformedResponseError(url, `HTTP ${res.status}`);
      let list: unknown;
      try {
        list = JSON.parse(res.body);
      } catch (err) {
        throw new MalformedResponseError(url, `not JSON (${(err as Error).message}; ${res.body.length} bytes)`);
      }
      if (!Array.isArray(list)) throw new MalformedResponseError(url, 'expected a JSON array of models');
      for (const raw of list) {
        const row = toHubRow(raw);
        if (typeof row === 'string') {
          r.badEntries++;
          if (r.badEntries <= 20) o.logger.warn('skipped a Hub entry', { url, error: row });
          continue;
        }
        if (row.created_at) {
          if (runNewest === null || row.created_at > runNewest) runNewest = row.created_at;
          oldest = row.created_at;
          if (floor && row.created_at < floor) r.reachedCheckpoint = true;
        }
        rows.push(row);
      }
    } catch (err) {
      if (!(err instanceof MalformedResponseError)) throw err;
      // Its models are unknown: keep the old checkpoint so the next run reads past them again.
      pageSkipped = true;
      r.skipped.push({ url, error: mining.badHubPage(url, err.message) });
      o.logger.warn('skipped a Hub page', { url, error: err.message });
      rows = [];
    }
    const done = r.reachedCheckpoint || !next;
    for (const row of rows) pending.push(row);
    if (done || pending.length >= batchRows || r.pages >= maxPages) {
      savePage(pending, done ? null : next);
      pending = [];
    }
    r.models += rows.length;
    o.onProgress?.({
      source: 'hub',
      done: r.models,
      fraction: done ? 1 : timeFraction(runNewest, floor ?? HUB_FLOOR, oldest),
      counts: { models: r.models, pages: r.pages, requests: o.http.stats.requests - requestsBefore },
    });
    url = done ? null : next;
  }
  const newest =
    pageSkipped || url
      ? (cp?.newest_created_at ?? null)
      : ([cp?.newest_created_at ?? null, runNewest]
          .filter((x): x is string => x !== null)
          .sort()
          .at(-1) ?? null);
  saveCp.run({
    base,
    newest,
    next: url,
    runNewest: url ? runNewest : null,
    startedAt: url ? startedAt : null,
    runModels: url ? runModels : 0,
    finished: url ? null : o.now().toISOString(),
  });
  r.newModels = (db.prepare('SELECT count(*) FROM hub_models').pluck().get() as number) - countBefore;
  r.requests = o.http.stats.requests - requestsBefore;
  o.logger.info('Hub mined', { ...r, skipped: r.skipped.length });
  return r;
}
