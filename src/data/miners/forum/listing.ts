/**
 * Pages /latest.json (newest activity first, 30 topics a page: TopicQuery DEFAULT_PER_PAGE_COUNT;
 * pinned topics only on page 0, TopicQuery#prioritize_pinned_topics) down to the run's floor, and
 * records what each topic looks like now. The page reached is saved with the page's rows, so an
 * interrupted run resumes there. Offset pages shift when a topic above the current page is deleted
 * (a topic slides onto a page already read); the posts sweep and the final check by id
 * (posts-sweep.ts, check.ts) catch what slid.
 */
import { MalformedResponseError, parseJsonBody } from '../response.js';
import { forumListingStop } from '../failures.js';
import { timeFraction } from '../progress.js';
import type { ForumRun } from './context.js';
import { fetchCategories } from './categories.js';
import { LatestPage, activityOf, parseAs, readTopic, type ListedTopic } from './parse.js';

/** Where the HF forum began; the first run's progress is measured against it. */
const FORUM_START = '2020-06-01T00:00:00Z';

export interface ListingEnd {
  /** False when the page cap ended it before the listing did. */
  complete: boolean;
}

/** Lists down to the floor, leaving new and changed topics pending for the later phases. */
export async function listTopics(run: ForumRun): Promise<ListingEnd> {
  const { o, base, cp, r } = run;
  const maxPages = o.maxPages ?? 100_000;
  for (let page = cp.run_page ?? 0; page < maxPages; page++) {
    const url = `${base}/latest.json?page=${page}`;
    const res = await o.http.get(url);
    let topics: unknown[];
    let more: boolean;
    let failed = false;
    try {
      const stop = forumListingStop(res);
      if (stop) throw stop;
      const parsed = parseAs(LatestPage, parseJsonBody(res), url);
      topics = parsed.topic_list.topics;
      more = Boolean(parsed.topic_list.more_topics_url);
      run.bound.ok();
    } catch (err) {
      if (!(err instanceof MalformedResponseError)) throw err;
      // Its topics are unknown: the floor stays where it was, so the next run lists them again.
      run.bound.fail(`listing ${err.status ?? 'malformed'}`, url, err.status ?? null, err.detail);
      run.skip(url, err.message);
      run.markGap();
      failed = true;
      topics = [];
      more = true;
    }
    r.pages++;
    const listed: ListedTopic[] = [];
    for (const raw of topics) {
      const t = readTopic(raw, (field, detail) => run.warn(url, field, detail));
      if (typeof t === 'string') run.bad(url, t);
      else listed.push(t);
    }
    r.topicsListed += listed.length;
    if (
      !run.categoriesFetched &&
      listed.some((t) => t.category_id !== null && !run.topics.knowsCategory(t.category_id))
    )
      await fetchCategories(run);
    let reachedFloor = false;
    let oldest: string | null = null;
    run.write(() => {
      for (const t of listed) {
        const activity = activityOf(t);
        // Pinned topics sit on top whatever their age, so they neither set nor end the range.
        if (!t.pinned) {
          if (cp.run_target === null || activity > cp.run_target) cp.run_target = activity;
          oldest = activity;
        }
        if (cp.run_floor !== null && activity <= cp.run_floor) {
          if (!t.pinned) reachedFloor = true;
          continue;
        }
        const what = run.topics.list(t, run.runId, run.at());
        if (what === 'new') r.newTopics++;
        if (what === 'changed') r.changedTopics++;
      }
      cp.run_page = page + 1;
      run.saveCp();
    });
    const done = reachedFloor || (topics.length === 0 && !failed) || !more;
    run.progress(done ? 1 : timeFraction(cp.run_target, cp.run_floor ?? FORUM_START, oldest));
    if (done) return { complete: true };
  }
  return { complete: false };
}
