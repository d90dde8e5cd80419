/**
 * The request plan printed before a full run: how big the forum says it is (/about.json, Stats:
 * topic and post counts) and what reading it costs at the configured rate. Post counts include
 * private messages and small actions, so the estimate errs high.
 */
import { isHfbotError } from '../../../errors.js';
import type { PoliteHttp } from '../http.js';
import { MalformedResponseError, parseJsonBody } from '../response.js';
import { aboutCounts } from './parse.js';
import { POSTS_PAGE, TOPICS_PAGE } from './pages.js';

export interface ForumPlan {
  topics: number | null;
  posts: number | null;
  /** /latest.json pages: full ones and the short (or empty) last one. */
  listingPages: number | null;
  postPages: number | null;
  /** With /posts.json: the plan request, listing pages, post pages, the category names. */
  requests: number | null;
  /** Without it: the same but one request per topic instead of the post pages (more for long topics). */
  perTopicRequests: number | null;
  requestsPerMinute: number;
  minutes: number | null;
}

export function planFor(topics: number | null, posts: number | null, rpm: number): ForumPlan {
  const listingPages = topics === null ? null : Math.floor(topics / TOPICS_PAGE) + 1;
  const postPages = posts === null ? null : Math.floor(posts / POSTS_PAGE) + 1;
  const requests = listingPages === null || postPages === null ? null : 1 + listingPages + postPages + 1;
  const perTopicRequests = listingPages === null || topics === null ? null : 1 + listingPages + 1 + 1 + topics;
  return {
    topics,
    posts,
    listingPages,
    postPages,
    requests,
    perTopicRequests,
    requestsPerMinute: rpm,
    minutes: requests === null ? null : requests / rpm,
  };
}

export async function forumPlan(http: PoliteHttp, base: string): Promise<ForumPlan> {
  const url = `${base}/about.json`;
  let counts = { topics: null as number | null, posts: null as number | null };
  try {
    counts = aboutCounts(parseJsonBody(await http.get(url)), url);
  } catch (err) {
    // The plan is advice: an unreadable or unreachable /about.json leaves the size unknown, the
    // run goes on (and meets any real trouble at its first listing page).
    if (!(err instanceof MalformedResponseError) && !isHfbotError(err)) throw err;
  }
  return planFor(counts.topics, counts.posts, http.requestsPerMinute);
}
