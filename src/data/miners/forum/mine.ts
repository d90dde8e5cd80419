/**
 * The forum miner (Discourse), in resumable phases saved in forum_checkpoint:
 *
 * 1. listing  /latest.json down to the last run's newest activity (all of it on a full run),
 *             recording each topic and leaving new and changed ones pending;
 * 2. posts    /posts.json, 50 posts a request, down to the last run's newest post id (all on a full
 *             run, which also marks stored posts the forum no longer lists as gone);
 * 3. fetch    topics whose change the sweep does not explain, or all pending ones when the forum
 *             has no /posts.json, read whole (topic-fetch.ts);
 * 4. check    a full run asks by id for topics it stored before but did not list: gone, or kept.
 *
 * A first run is a full run; so is `full`. An interrupted run resumes in the phase, page or cursor
 * it reached; a run that skipped something says so and keeps its floor, so the next run reads it.
 */
import { listTopics } from './listing.js';
import { newRun, type ForumMineOptions, type ForumMineResult, type ForumRun } from './context.js';
import { checkUnseen, fetchPending } from './fetch-phase.js';
import { forumPlan } from './plan.js';
import { retrySkippedPosts, sweepPosts } from './posts-sweep.js';
import { topicStore, type ForumCheckpoint } from './store.js';
import { newRunId } from '../run-id.js';

export type { ForumMineOptions, ForumMineResult } from './context.js';

function startRun(o: ForumMineOptions, base: string, old: ForumCheckpoint | undefined): ForumCheckpoint {
  const full = Boolean(o.full) || (!o.since && !old?.since);
  return {
    base_url: base,
    since: old?.since ?? null,
    last_finished_at: old?.last_finished_at ?? null,
    max_post_id: old?.max_post_id ?? null,
    run_posts_api: old?.run_posts_api ?? null,
    run_mode: full ? 'full' : 'incremental',
    run_phase: 'listing',
    run_page: 0,
    run_target: null,
    run_floor: full ? null : (o.since ?? old?.since ?? null),
    run_started_at: newRunId(o.now()),
    run_before: null,
    run_max_post_id: null,
    run_partial: null,
  };
}

function emptyResult(mode: 'full' | 'incremental', resumed: boolean, since: string | null): ForumMineResult {
  return {
    mode,
    postsApi: null,
    resumed,
    plan: null,
    pages: 0,
    postPages: 0,
    topicsListed: 0,
    newTopics: 0,
    changedTopics: 0,
    fetchedTopics: 0,
    postChunks: 0,
    newPosts: 0,
    updatedPosts: 0,
    goneTopics: 0,
    gonePosts: 0,
    skipped: [],
    badEntries: 0,
    warnings: 0,
    warningSamples: [],
    partial: false,
    requests: 0,
    since,
    newSince: null,
  };
}

export async function mineForum(o: ForumMineOptions): Promise<ForumMineResult> {
  const base = o.baseUrl.replace(/\/+$/, '');
  const old = topicStore(o.db).checkpoint(base);
  // A run in progress resumes, unless a full run is asked for and that one is not full.
  const resumed = old?.run_phase != null && !(o.full && old.run_mode !== 'full');
  const cp = resumed ? old! : startRun(o, base, old);
  const r = emptyResult(cp.run_mode ?? 'incremental', resumed, cp.since);
  const run = newRun(o, base, cp, r);
  if (resumed) o.logger.info('resuming an interrupted forum run', { phase: cp.run_phase, page: cp.run_page });
  else {
    if (cp.run_mode === 'full') {
      r.plan = await forumPlan(o.http, base);
      o.onPlan?.(r.plan);
    }
    run.write(() => run.saveCp());
    run.flush();
  }
  const next = (phase: ForumCheckpoint['run_phase']) => {
    cp.run_phase = phase;
    run.write(() => run.saveCp());
    run.flush();
  };
  try {
    await phases(run, next);
  } finally {
    // What was read stays: a run that stops commits its last steps, and resumes after them.
    run.flush();
  }
  return finish(run);
}

async function phases(run: ForumRun, next: (phase: ForumCheckpoint['run_phase']) => void): Promise<void> {
  const { o, base, cp } = run;
  if (cp.run_phase === 'listing') {
    if (!(await listTopics(run)).complete) {
      run.skip(`${base}/latest.json`, `stopped after ${o.maxPages} pages`);
      run.markGap();
    }
    next('posts');
  }
  if (cp.run_phase === 'posts') {
    const swept = await sweepPosts(run);
    cp.run_posts_api = swept === 'done' ? 1 : 0;
    next('fetch');
  }
  const swept = cp.run_posts_api === 1;
  if (cp.run_phase === 'fetch') {
    if (swept) await retrySkippedPosts(run);
    await fetchPending(run, swept);
    next(cp.run_mode === 'full' && run.gaps() === 0 ? 'check' : null);
  }
  if (cp.run_phase === 'check') {
    await checkUnseen(run);
    next(null);
  }
}

function finish(run: ForumRun): ForumMineResult {
  const { o, cp, r } = run;
  const swept = cp.run_posts_api === 1;

  const complete = run.gaps() === 0;
  const newSince = complete
    ? ([cp.since, cp.run_target]
        .filter((x): x is string => x !== null)
        .sort()
        .at(-1) ?? null)
    : cp.since;
  const newMax = swept ? Math.max(cp.max_post_id ?? 0, cp.run_max_post_id ?? 0) || null : cp.max_post_id;
  Object.assign(cp, {
    since: newSince,
    max_post_id: newMax,
    run_mode: null,
    run_phase: null,
    run_page: null,
    run_target: null,
    run_floor: null,
    run_started_at: null,
    run_before: null,
    run_max_post_id: null,
    last_finished_at: o.now().toISOString(),
  });
  run.topics.putCheckpoint({ ...cp, run_partial: null });
  r.newSince = newSince;
  r.postsApi = swept;
  r.partial = !complete || r.skipped.length > 0 || r.badEntries > 0;
  r.requests = o.http.stats.requests - run.requestsBefore;
  run.progress(1);
  o.logger.info('forum mined', { ...r, skipped: r.skipped.length, plan: undefined });
  return r;
}
