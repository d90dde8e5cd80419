/**
 * When a miner commits: once the requests made since its last commit would take `worthMs` (2 s)
 * to make again at the configured rate, so a kill costs at most that much of the rate budget to
 * redo: every two pages at 50 requests a minute. At full speed (benchmarks) that never comes, and
 * the caller's own bound (rows or steps) decides: a commit journals every page of the table it
 * touches, so committing every two seconds of a fast crawl of a large table costs more than it
 * saves.
 */
import type { PoliteHttp } from './http.js';

export function commitPolicy(http: PoliteHttp, worthMs = 2000) {
  const interval = 60_000 / http.requestsPerMinute;
  let since = http.stats.requests;
  return {
    /** True when the requests since the last commit are worth committing. */
    due: () => (http.stats.requests - since) * interval >= worthMs,
    committed: () => {
      since = http.stats.requests;
    },
  };
}
