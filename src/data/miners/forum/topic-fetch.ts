/**
 * Reads one topic whole, in as few requests as Discourse allows: /t/<id>.json carries the first
 * TopicView::CHUNK_SIZE (20) posts and `post_stream.stream`, every post id; the rest come from
 * /t/<id>/posts.json?post_ids[]=... TopicsController#posts and TopicView#filter_posts_by_ids put no
 * cap on how many ids one request names (the documented client asks 20 at a time, the "Fetch all
 * posts" guide), so we ask for as many as fit a request line well under the 8 KB servers accept,
 * and fall back to 20 if a forum refuses (400/413/414) or answers fewer than asked.
 * (`print=true` would send 1000 at once but is limited to max_prints_per_hour_per_user, 5 by default.)
 *
 * 404 and 410 mean deleted and 403 with error_type invalid_access means private (ApplicationController
 * rescues Discourse::NotFound / InvalidAccess so for JSON): the topic is marked gone. Anything else
 * that is not a topic is skipped and tried again by the next run.
 */
import { MalformedResponseError, parseJsonBody, type HttpResponse } from '../response.js';
import { discourseError, forumListingStop } from '../failures.js';
import type { ForumRun } from './context.js';
import { PostsChunk, TopicEnvelope, parseAs, readPost, readTopic, type ReadPost } from './parse.js';

/** The documented chunk (TopicView.chunk_size), used when a forum refuses longer requests. */
const DOC_CHUNK = 20;
/** Characters of post_ids we put in one request line. */
const QUERY_BUDGET = 4000;

export type Fetched = 'saved' | 'gone' | 'skipped';

function goneReason(res: HttpResponse): string | null {
  if (res.status === 404 || res.status === 410) return `deleted (HTTP ${res.status})`;
  // Discourse's own 403 (JSON errors) for one topic is InvalidAccess: private. A 403 page that is
  // not Discourse's (a CDN challenge) is a failure, and not_logged_in stops the run.
  const err = res.status === 403 ? discourseError(res) : null;
  if (err && err.type !== 'not_logged_in') return 'private (HTTP 403)';
  return null;
}

/**
 * Reads topic `id` and stores it with all its posts. `which` = 'missing' asks only for posts not
 * stored yet (a topic whose change is new replies); 'all' asks for every post, to see edits.
 */
export async function fetchTopic(run: ForumRun, id: number, which: 'all' | 'missing' = 'all'): Promise<Fetched> {
  const { o, base, r } = run;
  const url = `${base}/t/${id}.json`;
  const at = run.at();
  try {
    const res = await o.http.get(url);
    const reason = goneReason(res);
    if (reason) {
      run.write(() => run.gone.topic(id, reason, at) && r.goneTopics++);
      run.bound.ok();
      return 'gone';
    }
    const login = res.status === 403 && discourseError(res)?.type === 'not_logged_in' ? forumListingStop(res) : null;
    if (login) throw login;
    const raw = parseJsonBody(res);
    const json = parseAs(TopicEnvelope, raw, url);
    const warn = (field: string, detail: string) => run.warn(url, field, detail);
    const topic = readTopic(raw, warn);
    if (typeof topic === 'string') throw new MalformedResponseError(url, topic);
    // Only staff see a deleted topic (deleted_at set); an unlisted one (visible false) is out of every listing.
    const deleted = (raw as { deleted_at?: unknown }).deleted_at != null;
    if (deleted || topic.visible === false) {
      run.write(() => run.gone.topic(id, deleted ? 'deleted (deleted_at)' : 'unlisted', at) && r.goneTopics++);
      return 'gone';
    }
    const posts = readPosts(run, url, json.post_stream.posts);
    const stream = json.post_stream.stream ?? posts.map((p) => p.id);
    const have = new Set(posts.map((p) => p.id));
    const stored = which === 'missing' ? run.posts.storedIds(id) : null;
    // As Perceval: the first chunk holds the first stream entries; the rest are asked for.
    const rest = stream.slice(posts.length).filter((p) => !have.has(p) && !stored?.has(p));
    if (!(await fetchPosts(run, id, rest, posts))) return 'skipped';
    run.write(() => {
      run.topics.saveFetched(topic, run.runId, at);
      const c = run.posts.saveTopicPosts(topic, posts, stream, at);
      r.newPosts += c.added;
      r.updatedPosts += c.updated;
      r.gonePosts += c.gone;
    });
    r.fetchedTopics++;
    run.bound.ok();
    return 'saved';
  } catch (err) {
    if (!(err instanceof MalformedResponseError)) throw err;
    run.bound.fail(`topic ${err.status ?? 'malformed'}`, err.url, err.status ?? null, err.detail);
    run.write(() => run.topics.skip(id, url, err.message, at));
    run.skip(err.url, err.message);
    return 'skipped';
  }
}

function readPosts(run: ForumRun, url: string, raw: unknown[]): ReadPost[] {
  const out: ReadPost[] = [];
  for (const p of raw) {
    const post = readPost(p, (field, detail) => run.warn(url, field, detail));
    if (typeof post === 'string') run.bad(url, post);
    else out.push(post);
  }
  return out;
}

/** Appends the posts `ids` to `into`; false if the topic vanished meanwhile (then nothing is stored). */
async function fetchPosts(run: ForumRun, topicId: number, ids: number[], into: ReadPost[]): Promise<boolean> {
  const queue = [...ids];
  const asked = new Map<number, number>();
  while (queue.length) {
    let n = 0;
    let len = 0;
    while (n < queue.length && n < run.idsCap && len + String(queue[n]).length + 12 <= QUERY_BUDGET)
      len += String(queue[n++]).length + 12;
    const chunk = queue.slice(0, n);
    const url = `${run.base}/t/${topicId}/posts.json?${chunk.map((p) => `post_ids[]=${p}`).join('&')}`;
    const res = await run.o.http.get(url);
    if ((res.status === 400 || res.status === 413 || res.status === 414) && chunk.length > DOC_CHUNK) {
      run.idsCap = DOC_CHUNK;
      continue;
    }
    if (goneReason(res)) return false;
    const posts = readPosts(run, url, parseAs(PostsChunk, parseJsonBody(res), url).post_stream.posts);
    run.r.postChunks++;
    queue.splice(0, chunk.length);
    const wanted = new Set(chunk);
    const got = posts.filter((p) => wanted.has(p.id));
    into.push(...got);
    const gotIds = new Set(got.map((p) => p.id));
    const missing = chunk.filter((p) => !gotIds.has(p));
    if (!missing.length || !got.length) continue; // none at all: deleted since the stream was read
    // Some but not all: a post deleted meanwhile, or a forum that caps the answer. Several missing
    // means a cap, kept for the rest of the run; each id is asked for at most twice.
    if (missing.length > 1) run.idsCap = Math.min(run.idsCap, got.length);
    for (const p of missing) {
      const tries = (asked.get(p) ?? 0) + 1;
      asked.set(p, tries);
      if (tries < 2) queue.push(p);
    }
  }
  return true;
}
