/** What one forum run carries between its phases, and what it reports. */
import type { Db } from '../../db.js';
import type { Logger } from '../../../logger.js';
import type { PoliteHttp } from '../http.js';
import type { ProgressSink } from '../progress.js';
import { FailureBound } from '../failures.js';
import { commitPolicy } from '../commit-policy.js';
import type { ForumPlan } from './plan.js';
import { goneStore, type GoneStore } from './store-gone.js';
import { postStore, type PostStore } from './store-posts.js';
import { topicStore, type ForumCheckpoint, type TopicStore } from './store.js';

export interface ForumMineOptions {
  db: Db;
  http: PoliteHttp;
  baseUrl: string;
  /** Floor for this run (ISO date); default: the last complete run's checkpoint. */
  since?: string;
  /** Read every topic and post again: finds edits that did not bump a topic, deletions, renames. */
  full?: boolean;
  logger: Logger;
  now: () => Date;
  /** Safety bound on listing pages per run. */
  maxPages?: number;
  /** Failures of one kind in a row before the run stops (default 3). */
  maxConsecutiveFailures?: number;
  /** Commit once the requests since the last commit would take this long to redo at the rate (2,000 ms). */
  commitEveryMs?: number;
  onProgress?: ProgressSink;
  /** Called with the request plan before a full run starts. */
  onPlan?: (plan: ForumPlan) => void;
}

export interface ForumMineResult {
  mode: 'full' | 'incremental';
  /** Whether the forum serves /posts.json (null: not asked this run). */
  postsApi: boolean | null;
  resumed: boolean;
  plan: ForumPlan | null;
  pages: number;
  postPages: number;
  topicsListed: number;
  newTopics: number;
  changedTopics: number;
  fetchedTopics: number;
  postChunks: number;
  newPosts: number;
  updatedPosts: number;
  goneTopics: number;
  gonePosts: number;
  /** Pages and topics that could not be read (the next run asks for them again). */
  skipped: { url: string; error: string }[];
  /** Entries that were unusable (no id, no date) and were left out. */
  badEntries: number;
  /** Optional fields that were malformed and stored empty. */
  warnings: number;
  warningSamples: string[];
  /** Not everything the run set out to read was read: never reported as complete. */
  partial: boolean;
  requests: number;
  since: string | null;
  newSince: string | null;
}

export interface PartialState {
  skipped: { url: string; error: string }[];
  /** Listing or /posts.json pages not read: the floor stays and the gone check is not run. */
  gaps: number;
  badEntries: number;
  warnings: number;
  warningSamples: string[];
}

export interface ForumRun {
  o: ForumMineOptions;
  base: string;
  topics: TopicStore;
  posts: PostStore;
  gone: GoneStore;
  cp: ForumCheckpoint;
  r: ForumMineResult;
  bound: FailureBound;
  runId: string;
  /** post_ids per /t/<id>/posts.json request; lowered if the forum turns out to cap it. */
  idsCap: number;
  categoriesFetched: boolean;
  requestsBefore: number;
  at(): string;
  warn(url: string, field: string, detail: string): void;
  bad(url: string, detail: string): void;
  skip(url: string, error: string): void;
  markGap(): void;
  gaps(): number;
  /** Saves the checkpoint (with the partial state so far); call inside the page's write. */
  saveCp(): void;
  /**
   * Runs `fn` as one atomic step (a savepoint) of the current batch. A batch is committed when the
   * requests since the last commit would take 2 s to redo at the configured rate (every two pages
   * at 50 a minute; see commit-policy.ts), or after 500 steps. A kill loses at most the
   * uncommitted steps, which the checkpoint (written in the same steps) makes the next run redo.
   */
  write<T>(fn: () => T): T;
  flush(): void;
  progress(fraction: number | null): void;
}

const SAMPLES = 5;
/** Steps (pages, topics) in one batch at most, whatever the rate. */
const MAX_STEPS = 500;

export function newRun(o: ForumMineOptions, base: string, cp: ForumCheckpoint, r: ForumMineResult): ForumRun {
  const gone = goneStore(o.db);
  const state: PartialState = cp.run_partial
    ? (JSON.parse(cp.run_partial) as PartialState)
    : { skipped: [], gaps: 0, badEntries: 0, warnings: 0, warningSamples: [] };
  r.skipped = state.skipped;
  r.badEntries = state.badEntries;
  r.warnings = state.warnings;
  r.warningSamples = state.warningSamples;
  const policy = commitPolicy(o.http, o.commitEveryMs);
  let steps: number | null = null;
  const run: ForumRun = {
    o,
    base,
    topics: topicStore(o.db),
    posts: postStore(o.db, gone),
    gone,
    cp,
    r,
    bound: new FailureBound(o.maxConsecutiveFailures ?? 3),
    runId: cp.run_started_at ?? o.now().toISOString(),
    idsCap: 200,
    categoriesFetched: false,
    requestsBefore: o.http.stats.requests,
    at: () => o.now().toISOString(),
    warn(url, field, detail) {
      r.warnings++;
      if (r.warningSamples.length < SAMPLES) r.warningSamples.push(`${url}: ${field} ${detail}`);
    },
    bad(url, detail) {
      r.badEntries++;
      if (r.badEntries <= SAMPLES) o.logger.warn('left out a forum entry', { url, error: detail });
    },
    skip(url, error) {
      // Bounded: a long outage is one message per kind, not thousands.
      if (r.skipped.length < 50) r.skipped.push({ url, error });
      o.logger.warn('skipped a forum response', { url, error });
    },
    markGap() {
      state.gaps++;
    },
    gaps: () => state.gaps,
    saveCp() {
      cp.run_partial = JSON.stringify({
        skipped: r.skipped,
        gaps: state.gaps,
        badEntries: r.badEntries,
        warnings: r.warnings,
        warningSamples: r.warningSamples,
      } satisfies PartialState);
      run.topics.putCheckpoint(cp);
    },
    write(fn) {
      if (steps === null) {
        o.db.exec('BEGIN IMMEDIATE');
        steps = 0;
      }
      const out = o.db.transaction(fn)();
      if (++steps >= MAX_STEPS || policy.due()) run.flush();
      return out;
    },
    flush() {
      if (steps === null) return;
      steps = null;
      o.db.exec('COMMIT');
      policy.committed();
    },
    progress(fraction) {
      o.onProgress?.({
        source: 'forum',
        done: r.pages + r.postPages,
        fraction,
        phase: cp.run_phase ?? 'done',
        counts: {
          pages: r.pages,
          'post pages': r.postPages,
          new: r.newTopics,
          changed: r.changedTopics,
          fetched: r.fetchedTopics,
          skipped: r.skipped.length,
          requests: o.http.stats.requests - run.requestsBefore,
        },
      });
    },
  };
  return run;
}
