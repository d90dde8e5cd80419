/**
 * Streams the Hub's model list newest first (`sort=createdAt&direction=-1`), one page of `limit`
 * models at a time, following the Link rel="next" cursor (huggingface_hub utils/_pagination.py).
 * Rows are committed with the cursor of the next page once the pages since the last commit would
 * take 2 s to request again at the configured rate (every two pages at 50 a minute), at least every
 * `batchRows` models, and before the run stops on an error: an interrupted run resumes at its last
 * commit and reads again at most those pages. An incremental run stops at models older than the
 * last complete run's newest; `full` reads everything and then moves every model it did not list to
 * hub_gone (renamed repos keep their row: they are keyed by `_id`).
 */
import { MalformedResponseError, type HttpResponse } from '../response.js';
import { parsePage, readModels, type PartialState } from './page.js';
import { FailureBound, hubAuthStop } from '../failures.js';
import { timeFraction } from '../progress.js';
import { nextLink, type HubRow } from './parse.js';
import { hubStore, type HubCheckpoint } from './store.js';
import { newRunId, runTag } from '../run-id.js';
import { commitPolicy } from '../commit-policy.js';
import { HUB_FLOOR, firstPageUrl, type HubMineOptions, type HubMineResult } from './options.js';

export { firstPageUrl, type HubMineOptions, type HubMineResult } from './options.js';

export async function mineHub(o: HubMineOptions): Promise<HubMineResult> {
  const base = o.baseUrl.replace(/\/+$/, '');
  const store = hubStore(o.db);
  const requestsBefore = o.http.stats.requests;
  const cp = store.checkpoint(base);
  const resumed = Boolean(cp?.run_next_url) && !(o.full && !cp?.run_full);
  const full = resumed ? Boolean(cp!.run_full) : Boolean(o.full);
  const floor = full ? null : (cp?.newest_created_at ?? null);
  const runId = resumed ? cp!.run_started_at! : newRunId(o.now());
  let runNewest = resumed ? cp!.run_newest : null;
  let url: string | null = resumed ? cp!.run_next_url : firstPageUrl(base, o.pageSize ?? 1000);
  const state: PartialState =
    resumed && cp!.run_partial
      ? (JSON.parse(cp!.run_partial) as PartialState)
      : { skipped: [], badEntries: 0, warnings: 0, warningSamples: [] };
  let runModels = resumed ? cp!.run_models : 0;
  const countBefore = store.count();
  const r: HubMineResult = {
    full,
    resumed,
    pages: 0,
    models: 0,
    newModels: 0,
    goneModels: 0,
    renamed: 0,
    badEntries: 0,
    warnings: 0,
    warningSamples: [],
    skipped: state.skipped,
    partial: false,
    requests: 0,
    reachedCheckpoint: false,
  };
  if (resumed) o.logger.info('resuming an interrupted Hub run', { url, full });
  else if (floor === null) o.onPlan?.({ pageSize: o.pageSize ?? 1000, requestsPerMinute: o.http.requestsPerMinute });
  const checkpoint = (next: string | null, finished: string | null, newest: string | null): HubCheckpoint => ({
    base_url: base,
    newest_created_at: newest,
    run_next_url: next,
    run_newest: next ? runNewest : null,
    run_started_at: next ? runId : null,
    run_models: next ? runModels : 0,
    last_finished_at: finished ?? cp?.last_finished_at ?? null,
    run_full: next ? Number(full) : null,
    run_partial: next ? JSON.stringify(state) : null,
  });
  const save = o.db.transaction((rows: HubRow[], next: string | null) => {
    r.renamed += store.upsert(rows, runTag(runId), full);
    runModels += rows.length;
    store.putCheckpoint(checkpoint(next, null, cp?.newest_created_at ?? null));
  });
  const batchRows = o.batchRows ?? 50_000;
  const policy = commitPolicy(o.http, o.commitEveryMs);
  let pending: HubRow[] = [];
  const flush = (next: string | null) => {
    save(pending, next);
    pending = [];
    policy.committed();
  };
  const bound = new FailureBound(o.maxConsecutiveFailures ?? 3);
  let gaps = 0;
  const maxPages = o.maxPages ?? 1_000_000;
  // Without a checkpoint to stop at (first or full run) the next page is requested while this one
  // is parsed and stored: still one request at a time, but the wait overlaps the work.
  const prefetch = floor === null;
  let inflight: Promise<HttpResponse> | null = null;
  while (url && r.pages < maxPages) {
    let res: HttpResponse;
    try {
      res = await (inflight ?? o.http.get(url));
      const refused = hubAuthStop(res);
      if (refused) throw refused;
    } catch (err) {
      // What was read is kept; the run resumes at the page that failed.
      flush(url);
      throw err;
    }
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
      rows = readModels(parsePage(res), url, state, o.logger);
      for (const m of rows) {
        if (!m.created_at) continue;
        if (runNewest === null || m.created_at > runNewest) runNewest = m.created_at;
        oldest = m.created_at;
        if (floor && m.created_at < floor) r.reachedCheckpoint = true;
      }
      bound.ok();
    } catch (err) {
      if (!(err instanceof MalformedResponseError)) throw err;
      try {
        bound.fail(`page ${err.status ?? 'malformed'}`, url, err.status ?? null, err.detail);
      } catch (stop) {
        flush(url);
        throw stop;
      }
      if (!next) {
        // Without a Link to the next page there is no way past this one (the cursor is opaque):
        // ask for it again, within the bound, rather than end the run as if the list ended here.
        o.logger.warn('asking again for a Hub page without a next link', { url, error: err.message });
        continue;
      }
      // Its models are unknown: the checkpoint stays where it was, so the next run reads past them again.
      gaps++;
      if (state.skipped.length < 50) state.skipped.push({ url, error: err.message });
      o.logger.warn('skipped a Hub page', { url, error: err.message });
      rows = [];
    }
    const done = r.reachedCheckpoint || !next;
    for (const row of rows) pending.push(row);
    r.models += rows.length;
    if (done || pending.length >= batchRows || policy.due() || r.pages >= maxPages) flush(done ? null : next);
    o.onProgress?.({
      source: 'hub',
      done: r.models,
      fraction: done ? 1 : timeFraction(runNewest, floor ?? HUB_FLOOR, oldest),
      counts: {
        models: r.models,
        pages: r.pages,
        warnings: state.warnings,
        requests: o.http.stats.requests - requestsBefore,
      },
    });
    url = done ? null : next;
  }
  const complete = url === null && gaps === 0 && state.skipped.length === 0;
  const at = o.now().toISOString();
  o.db.transaction(() => {
    if (full && complete) r.goneModels = store.sweepUnseen(runTag(runId), at);
    const newest = complete
      ? ([cp?.newest_created_at ?? null, runNewest]
          .filter((x): x is string => x !== null)
          .sort()
          .at(-1) ?? null)
      : (cp?.newest_created_at ?? null);
    store.putCheckpoint(checkpoint(url, url ? null : at, newest));
  })();
  Object.assign(r, { badEntries: state.badEntries, warnings: state.warnings, warningSamples: state.warningSamples });
  r.newModels = store.count() - countBefore + r.goneModels;
  r.partial = !complete || state.badEntries > 0;
  r.requests = o.http.stats.requests - requestsBefore;
  o.logger.info('Hub mined', { ...r, skipped: r.skipped.length });
  return r;
}
