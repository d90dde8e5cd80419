/**
 * zod shapes of the Discourse JSON the miner reads (only the fields it stores; the rest is
 * ignored), and the cooked-HTML to text conversion. A response that does not fit is reported
 * with its URL and skipped.
 */
import { z } from 'zod';
import { compile } from 'html-to-text';
import { MalformedResponseError } from '../http.js';

const id = z.number().int().nonnegative();
const time = z.string().min(10);
// Older Discourse sends tag names, newer ones {id, name, slug}.
const tags = z
  .array(z.union([z.string(), z.object({ name: z.string() })]))
  .nullish()
  .transform((t) => (t ?? []).map((x) => (typeof x === 'string' ? x : x.name)));

export const LatestTopic = z.object({
  id,
  title: z.string(),
  created_at: time,
  last_posted_at: time.nullish(),
  bumped_at: time.nullish(),
  posts_count: z.number().int(),
  reply_count: z.number().int().nullish(),
  views: z.number().int().nullish(),
  category_id: z.number().int().nullish(),
  pinned: z.boolean().nullish(),
  tags,
});
export type LatestTopic = z.output<typeof LatestTopic>;

export const LatestPage = z.object({
  topic_list: z.object({ topics: z.array(LatestTopic), more_topics_url: z.string().nullish() }),
});

export const Post = z.object({
  id,
  topic_id: z.number().int().nullish(),
  post_number: z.number().int(),
  username: z.string().nullish(),
  created_at: time,
  cooked: z.string().nullish(),
  accepted_answer: z.boolean().nullish(),
});
export type Post = z.output<typeof Post>;

export const Topic = z.object({
  id,
  title: z.string(),
  created_at: time,
  last_posted_at: time.nullish(),
  bumped_at: time.nullish(),
  category_id: z.number().int().nullish(),
  tags,
  views: z.number().int().nullish(),
  reply_count: z.number().int().nullish(),
  posts_count: z.number().int(),
  chunk_size: z.number().int().positive().nullish(),
  accepted_answer: z.object({ post_number: z.number().int() }).nullish(),
  post_stream: z.object({ posts: z.array(Post), stream: z.array(id) }),
});
export type Topic = z.output<typeof Topic>;

export const PostsChunk = z.object({ post_stream: z.object({ posts: z.array(Post) }) });

const Category: z.ZodType<{ id: number; name: string; slug?: string | null; subcategory_list?: unknown[] | null }> =
  z.object({
    id,
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

/** When the topic last changed, as /latest orders it. */
export function activityOf(t: {
  bumped_at?: string | null;
  last_posted_at?: string | null;
  created_at: string;
}): string {
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
