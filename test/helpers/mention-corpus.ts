/**
 * A deterministic forum corpus for the mention matcher: real forum sentences (the example quotes,
 * definitions and low-level codes of the SANER 2024 replication package, read in place) with
 * model names from data/model-types.txt mixed in. `tricky` adds what a matcher gets wrong:
 * case and separator variants, the aliases, names glued to letters, digits or underscores,
 * overlapping names (bert / roberta / distilbert / xlm-roberta), ordinary words that are also
 * names (opt, clip, sam...), URLs, code blocks, non-ASCII neighbours (é, ſ, ı, K, fullwidth,
 * emoji, combining marks, NBSP, zero-width joiner), long sentences and very long posts.
 * Used by test/analysis/mention-equivalence.test.ts and bench/mentions.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Db } from '../../src/data/db.js';
import { lcg } from './fake-discourse.js';
import { trickyBit, variant } from './mention-tricks.js';
import { REPLICATION } from './paths.js';

export interface CorpusTopic {
  id: number;
  title: string;
  createdAt: string;
  posts: string[];
}

export interface CorpusOptions {
  topics: number;
  seed?: number;
  /** Mean posts per topic (1 + geometric); default 10.3, the real forum's 1,551,416 / 150,000. */
  postsPerTopic?: number;
  /** Mean words per post; default 200. */
  wordsPerPost?: number;
  /** Chance that a sentence carries an extra model name, and that a real sentence naming a model is picked; default 0.01 each (about 2 model types per topic, as the real forum's ~315,000 matches over 150,000 topics). */
  mentionRate?: number;
  tricky?: boolean;
  types: readonly string[];
}

let pool: string[] | undefined;
/** Sentences people wrote on the forum (or about it), from the replication package; about 9% name a model. */
export function forumSentences(): string[] {
  if (pool) return pool;
  const rows = (file: string) =>
    (parse(readFileSync(path.join(REPLICATION, file)), { relax_column_count: true, bom: true }) as string[][]).slice(1);
  const texts = [
    ...rows('Challenges.csv').flatMap((r) => [r[3] ?? '', r[4] ?? '']),
    ...rows('Benefits.csv').flatMap((r) => [r[3] ?? '', r[4] ?? '']),
    ...rows('All_Codes.csv').map((r) => r[3] ?? ''),
  ];
  pool = texts
    .flatMap((t) => t.replace(/^T\d+: "|"$/g, '').split(/(?<=[.!?])\s+/))
    .map((s) => s.trim())
    .filter((s) => s.length > 3);
  return pool;
}

/** A cheap, generous test for "names a model" that only sorts sentences; the matchers decide what counts. */
const NAMED =
  /bert|t5|gpt|roberta|git|bart|bloom|wav2vec|whisper|layoutlm|blip|reformer|vit|tapas|neo|bit|pegasus|funnel|codegen|xlnet|swin|albert/i;

/** Topics in id order; posts made of real forum sentences with model names mixed in. Streams. */
export function* generateCorpus(o: CorpusOptions): Generator<CorpusTopic> {
  const rnd = lcg(o.seed ?? 1);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
  const sentences = forumSentences();
  const named = sentences.filter((x) => NAMED.test(x));
  const plain = sentences.filter((x) => !NAMED.test(x));
  const meanWords = sentences.reduce((s, x) => s + x.split(' ').length, 0) / sentences.length;
  const perPost = (o.wordsPerPost ?? 200) / meanWords;
  const extraPosts = (o.postsPerTopic ?? 10.3) - 1;
  const rate = o.mentionRate ?? 0.01;
  const start = Date.parse('2020-07-01T00:00:00Z');
  const span = Date.parse('2023-06-20T00:00:00Z') - start;
  const sentence = () => {
    let s = rnd() < (o.tricky ? 0.2 : rate) ? pick(named) : pick(plain);
    if (rnd() < rate) s = `${s} I tried ${variant(pick(o.types), rnd).trim()} too.`;
    if (o.tricky && rnd() < 0.5) s = `${s}${pick([' ', '', '\n'])}${trickyBit(o.types, rnd)}`;
    return s;
  };
  for (let i = 0; i < o.topics; i++) {
    // Geometric post counts with the given mean; every 500th topic is a very long one.
    let n = 1;
    while (rnd() < extraPosts / (extraPosts + 1)) n++;
    const posts: string[] = [];
    for (let p = 0; p < n; p++) {
      const k = o.tricky && i % 500 === 7 && p === 0 ? 3000 : Math.max(1, Math.round(perPost * (0.5 + rnd())));
      const parts: string[] = [];
      for (let j = 0; j < k; j++) parts.push(sentence());
      posts.push(parts.join(o.tricky ? pick([' ', ' ', '\n', '  ', '']) : ' '));
    }
    if (o.tricky && i % 97 === 3) posts.push('');
    yield {
      id: 1000 + i,
      title: o.tricky ? sentence() : `${pick(sentences).slice(0, 80)}`,
      createdAt: new Date(start + Math.floor((i / o.topics) * span)).toISOString(),
      posts,
    };
  }
}

/**
 * Stores topics the way the forum miner does (forum_topics, forum_posts as plain text). Post ids
 * interleave across a window of 64 topics, as replies to topics of the same weeks do on the real
 * forum, so reading one topic's posts is not one sequential read.
 */
export function storeCorpus(
  db: Db,
  topics: Iterable<CorpusTopic>,
  fetchedAt: string,
): { topics: number; posts: number } {
  const topic = db.prepare(
    'INSERT INTO forum_topics (id, title, category, created_at, posts_count, fetched_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const post = db.prepare(
    'INSERT INTO forum_posts (id, topic_id, post_number, author, created_at, text) VALUES (?, ?, ?, ?, ?, ?)',
  );
  let nextPost = 1;
  const counts = { topics: 0, posts: 0 };
  const flush = db.transaction((window: CorpusTopic[]) => {
    for (const t of window) topic.run(t.id, t.title, 'Beginners', t.createdAt, t.posts.length, fetchedAt);
    const longest = Math.max(...window.map((t) => t.posts.length));
    for (let n = 0; n < longest; n++)
      for (const t of window)
        if (n < t.posts.length) post.run(nextPost++, t.id, n + 1, `user${t.id % 97}`, t.createdAt, t.posts[n]!);
    counts.topics += window.length;
    counts.posts += window.reduce((s, t) => s + t.posts.length, 0);
  });
  let window: CorpusTopic[] = [];
  for (const t of topics) {
    window.push(t);
    if (window.length === 64) {
      flush(window);
      window = [];
    }
  }
  if (window.length) flush(window);
  return counts;
}
