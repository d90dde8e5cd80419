/**
 * Keeps mention_matches in step with the mined forum: topics fetched since the last scan are
 * matched again; person-made decisions (accepted/rejected) are never overwritten.
 *
 * Streams: topics are read in id order a batch at a time, with their posts, matched, and the
 * batch's hits written in one transaction before the batch after next is read. Memory is bounded
 * by a few batches of post text (the hits hold copies, not slices of posts). Text is read as its UTF-8
 * bytes: turning every post into a JS string cost as much as matching it, and only the few
 * sentences around matches are ever decoded. The scan mark moves only
 * when every batch is written, so an interrupted scan is simply done again (writes are
 * idempotent), and a reader never waits long behind one batch's write lock.
 *
 * Batch N+1 is read and handed to the matcher before batch N's hits are taken and written, so a
 * matcher on a worker thread (./batch-matcher.ts) matches while this thread reads and writes.
 */
import type { Db } from '../db.js';
import { getMinedMeta, setMinedMeta } from '../mined-meta.js';
import type { MentionMatcher } from '../../analysis/mentions.js';
import { type BatchMatcher, matchInThread } from './batch-matcher.js';
import { mentionWriter, type MentionWriteCounts } from './mention-writer.js';
import { topicPostsReader } from './topic-posts.js';

export type MentionScan = MentionWriteCounts;

const SCANNED_KEY = 'mined_mentions_scanned_at';
/**
 * ~500 topics is ~5,000 posts, ~6 MB of text at the real forum's post sizes. With the matcher on
 * a worker, larger batches cost memory, not time (bench/mentions.ts at full scale: 2,000 topics
 * peaked at 373 MiB, 1,000 at 311 MiB, 500 at 243 MiB, all ~15 s).
 */
const BATCH_TOPICS = 500;

export interface DeriveMentionsOptions {
  /** Scan every topic, not only those fetched since the last scan. */
  all?: boolean;
  now: () => Date;
  batchTopics?: number;
}

export function deriveMentions(
  db: Db,
  matcher: MentionMatcher | BatchMatcher,
  opts: DeriveMentionsOptions,
): MentionScan {
  const since = opts.all ? '' : (getMinedMeta(db, SCANNED_KEY) ?? '');
  const startedAt = opts.now().toISOString();
  const limit = opts.batchTopics ?? BATCH_TOPICS;
  const nextTopics = db
    .prepare('SELECT id, CAST(title AS BLOB) FROM forum_topics WHERE fetched_at > ? AND id > ? ORDER BY id LIMIT ?')
    .raw();
  const postsOf = topicPostsReader(db);
  const writer = mentionWriter(db);
  const match = 'submit' in matcher ? matcher : matchInThread(matcher);
  const counts: MentionScan = { topics: 0, matches: 0, pending: 0 };
  /** Reads the batch after `after` and submits it; its topic ids, or null at the end. */
  const readNext = (after: number): number[] | null => {
    const topics = nextTopics.all(since, after, limit) as [number, Buffer][];
    if (!topics.length) return null;
    const posts = postsOf(topics.map((t) => t[0]));
    match.submit(topics.map(([id, title]) => [title, ...(posts.get(id) ?? [])]));
    return topics.map((t) => t[0]);
  };
  try {
    for (let ids = readNext(Number.MIN_SAFE_INTEGER); ids; ) {
      const next = readNext(ids.at(-1)!);
      const hits = match.take();
      writer.write(
        ids.map((topicId, i) => ({ topicId, hits: hits[i]! })),
        counts,
      );
      ids = next;
    }
  } finally {
    match.close();
  }
  setMinedMeta(db, SCANNED_KEY, startedAt);
  return counts;
}
