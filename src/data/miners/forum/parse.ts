/**
 * The Discourse JSON the miner reads, checked field by field. Envelopes (topic_list, post_stream,
 * latest_posts) are zod schemas: a page that does not fit is skipped with its URL. Entries are read
 * by hand: a missing or malformed *required* field (id, post_number, created_at, title) makes the
 * entry unusable and it is counted; a malformed *optional* one is stored empty and counted as a
 * warning. Field names and types follow Discourse's serializers (BasicPostSerializer,
 * PostSerializer, TopicListItemSerializer, TopicViewSerializer) and the Perceval fixtures.
 */
import { z } from 'zod';
import { compile } from 'html-to-text';
import { MalformedResponseError } from '../response.js';

export type Warn = (field: string, detail: string) => void;

export const LatestPage = z.object({
  topic_list: z.object({ topics: z.array(z.unknown()), more_topics_url: z.string().nullish() }),
});
export const TopicEnvelope = z.object({
  id: z.number().int(),
  post_stream: z.object({ posts: z.array(z.unknown()), stream: z.array(z.number().int()).nullish() }),
});
export const PostsChunk = z.object({ post_stream: z.object({ posts: z.array(z.unknown()) }) });
// PostsController#latest renders serialize_data(posts, root: params[:id]) with id "latest_posts".
export const LatestPosts = z.object({ latest_posts: z.array(z.unknown()) });
export const About = z.object({
  about: z.object({ stats: z.record(z.string(), z.unknown()).nullish() }).passthrough(),
});

const Category: z.ZodType<{ id: number; name: string; slug?: string | null; subcategory_list?: unknown[] | null }> =
  z.object({
    id: z.number().int(),
    name: z.string(),
    slug: z.string().nullish(),
    subcategory_list: z.array(z.unknown()).nullish(),
  });
export const Categories = z.object({ category_list: z.object({ categories: z.array(Category) }) });

/** Validates `json` against `schema`; a mismatch names the URL and the first offending field. */
export function parseAs<S extends z.ZodType>(schema: S, json: unknown, url: string): z.output<S> {
  const r = schema.safeParse(json);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw new MalformedResponseError(url, `unexpected shape at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

type Obj = Record<string, unknown>;
type Check<T> = { ok: (v: unknown) => v is T; what: string };
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isTime = (v: unknown): v is string => typeof v === 'string' && v.length >= 10 && !Number.isNaN(Date.parse(v));
const INT: Check<number> = { ok: isInt, what: 'an integer' };
const TIME: Check<string> = { ok: isTime, what: 'a timestamp' };
const TEXT: Check<string> = { ok: (v): v is string => typeof v === 'string', what: 'text' };
const BOOL: Check<boolean> = { ok: (v): v is boolean => typeof v === 'boolean', what: 'true or false' };

/** An optional field: absent or null is fine, the wrong type is a warning and reads as null. */
function opt<T>(o: Obj, key: string, check: Check<T>, warn: Warn): T | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (check.ok(v)) return v;
  warn(key, `expected ${check.what}, got ${String(JSON.stringify(v)).slice(0, 40)}`);
  return null;
}

// Older Discourse sends tag names, newer ones {id, name, slug}.
function tagsOf(o: Obj, warn: Warn): string[] {
  const v = o.tags;
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) {
    const names = v.map((x) => (typeof x === 'string' ? x : (x as { name?: unknown })?.name));
    if (names.every(TEXT.ok)) return names;
  }
  warn('tags', 'expected a list of tags');
  return [];
}

export interface ListedTopic {
  id: number;
  title: string;
  created_at: string;
  bumped_at: string | null;
  last_posted_at: string | null;
  posts_count: number | null;
  reply_count: number | null;
  views: number | null;
  category_id: number | null;
  pinned: boolean;
  tags: string[];
  /** /t/<id>.json only: the number of the accepted answer (discourse-solved). */
  accepted_post_number: number | null;
  /** /t/<id>.json only: false for an unlisted topic. */
  visible: boolean | null;
}

/** A /latest.json topic_list entry or the top of a /t/<id>.json; a string says why it is unusable. */
export function readTopic(raw: unknown, warn: Warn): ListedTopic | string {
  if (typeof raw !== 'object' || raw === null) return 'not an object';
  const o = raw as Obj;
  if (!isInt(o.id) || o.id < 0) return 'id: expected a topic id';
  if (typeof o.title !== 'string') return 'title: expected text';
  if (!isTime(o.created_at)) return 'created_at: expected a timestamp';
  const accepted = o.accepted_answer as { post_number?: unknown } | null | undefined;
  return {
    id: o.id,
    title: o.title,
    created_at: o.created_at,
    bumped_at: opt(o, 'bumped_at', TIME, warn),
    last_posted_at: opt(o, 'last_posted_at', TIME, warn),
    posts_count: opt(o, 'posts_count', INT, warn),
    reply_count: opt(o, 'reply_count', INT, warn),
    views: opt(o, 'views', INT, warn),
    category_id: opt(o, 'category_id', INT, warn),
    pinned: opt(o, 'pinned', BOOL, warn) ?? false,
    tags: tagsOf(o, warn),
    accepted_post_number: accepted && isInt(accepted.post_number) ? accepted.post_number : null,
    visible: opt(o, 'visible', BOOL, warn),
  };
}

export interface ReadPost {
  id: number;
  topic_id: number | null;
  post_number: number;
  username: string | null;
  created_at: string;
  updated_at: string | null;
  version: number | null;
  cooked: string;
  /** 1 regular; 2 moderator action, 3 small action, 4 whisper (Post.types) carry no user text. */
  regular: boolean;
  /** Deleted (deleted_at, or withdrawn by its author) or hidden by flags (cooked_hidden). */
  gone: 'deleted' | 'hidden' | null;
  accepted_answer: boolean;
}

export function readPost(raw: unknown, warn: Warn): ReadPost | string {
  if (typeof raw !== 'object' || raw === null) return 'not an object';
  const o = raw as Obj;
  if (!isInt(o.id) || o.id < 0) return 'id: expected a post id';
  if (!isInt(o.post_number)) return 'post_number: expected an integer';
  if (!isTime(o.created_at)) return 'created_at: expected a timestamp';
  const type = opt(o, 'post_type', INT, warn);
  const deleted = o.deleted_at != null || o.user_deleted === true;
  const hidden = o.hidden === true || o.cooked_hidden === true;
  return {
    id: o.id,
    topic_id: opt(o, 'topic_id', INT, warn),
    post_number: o.post_number,
    username: opt(o, 'username', TEXT, warn),
    created_at: o.created_at,
    updated_at: opt(o, 'updated_at', TIME, warn),
    version: opt(o, 'version', INT, warn),
    cooked: opt(o, 'cooked', TEXT, warn) ?? '',
    regular: type === null || type === 1,
    gone: deleted ? 'deleted' : hidden ? 'hidden' : null,
    accepted_answer: o.accepted_answer === true,
  };
}

/** /about.json: stats.topics_count or the older topic_count (Stats.core_stats), same for posts. */
export function aboutCounts(json: unknown, url: string): { topics: number | null; posts: number | null } {
  const s = parseAs(About, json, url).about.stats ?? {};
  const n = (...keys: string[]) => {
    for (const k of keys) if (isInt(s[k])) return s[k] as number;
    return null;
  };
  return { topics: n('topics_count', 'topic_count'), posts: n('posts_count', 'post_count') };
}

/** When the topic last changed, as /latest orders it. */
export function activityOf(t: { bumped_at: string | null; last_posted_at: string | null; created_at: string }): string {
  return t.bumped_at ?? t.last_posted_at ?? t.created_at;
}

const toText = compile({
  wordwrap: false,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    // Discourse's lightbox metadata ("image 800x600 12 KB") is noise in the text.
    { selector: 'div.meta', format: 'skip' },
  ],
});

export function cookedToText(cooked: string | null | undefined): string {
  return cooked ? toText(cooked).trim() : '';
}
