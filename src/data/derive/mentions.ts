/**
 * Keeps mention_matches in step with the mined forum: topics fetched since the last scan are
 * matched again; person-made decisions (accepted/rejected) are never overwritten.
 *
 * Streams: topics are read in id order a batch at a time, with their posts, matched, and the
 * batch's hits written in one transaction before the next batch is read. Memory is bounded by
 * one batch of post text (the hits hold copies, not slices of posts). Text is read as its UTF-8
 * bytes: turning every post into a JS string cost as much as matching it, and only the few
 * sentences around matches are ever decoded. The scan mark moves only
 * when every batch is written, so an interrupted scan is simply done again (writes are
 * idempotent), and a reader never waits long behind one batch's write lock.
 */
import type { Db } from '../db.js';
import { getMinedMeta, setMinedMeta } from '../mined-meta.js';
import type { MentionMatcher } from '../../analysis/mentions.js';
import { mentionWriter, type MentionWriteCounts, type TopicHits } from './mention-writer.js';
import { topicPostsReader } from './topic-posts.js';

export type MentionScan = MentionWriteCounts;

const SCANNED_KEY = 'mined_mentions_scanned_at';
/** ~2,000 topics is ~20,000 posts, ~25 MB of text at the real forum's post sizes. */
const BATCH_TOPICS = 2000;

export interface DeriveMentionsOptions {
  /** Scan every topic, not only those fetched since the last scan. */
  all?: boolean;
  now: () => Date;
  batchTopics?: number;
}

export function deriveMentions(db: Db, matcher: MentionMatcher, opts: DeriveMentionsOptions): MentionScan {
  const since = opts.all ? '' : (getMinedMeta(db, SCANNED_KEY) ?? '');
  const startedAt = opts.now().toISOString();
  const limit = opts.batchTopics ?? BATCH_TOPICS;
  const nextTopics = db
    .prepare('SELECT id, CAST(title AS BLOB) FROM forum_topics WHERE fetched_at > ? AND id > ? ORDER BY id LIMIT ?')
    .raw();
  const postsOf = topicPostsReader(db);
  const writer = mentionWriter(db);
  const counts: MentionScan = { topics: 0, matches: 0, pending: 0 };
  for (let after = Number.MIN_SAFE_INTEGER; ; ) {
    const topics = nextTopics.all(since, after, limit) as [number, Buffer][];
    if (!topics.length) break;
    const posts = postsOf(topics.map((t) => t[0]));
    const batch: TopicHits[] = topics.map(([id, title]) => ({
      topicId: id,
      hits: matcher.findUtf8([title, ...(posts.get(id) ?? [])]),
    }));
    writer.write(batch, counts);
    after = topics.at(-1)![0];
  }
  setMinedMeta(db, SCANNED_KEY, startedAt);
  return counts;
}
