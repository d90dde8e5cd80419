/**
 * A deterministic forum at the Hugging Face Forums' size (issue 17: 150,000 topics, 1,551,416
 * posts of ~200 words), shaped as the forum miner reads Discourse's topics and posts, so the
 * benchmark writes it through the project's own forum store (`saveFetched` and `saveTopicPosts`,
 * with its HTML-to-text step). Topic `id` is a pure function of its id (and of how many posts were added
 * to it later), so every run builds the same database.
 *
 * The text: ordinary words, some of which are also model names (bloom, clip, led, git: the
 * ambiguous ones), and about one model mention in four posts, spelled as people spell them
 * (BERT, GPT-2, Llama-2, xlm-r). Popular types are mentioned far more than rare ones.
 */
import type { ListedTopic, ReadPost } from '../../src/data/miners/forum/parse.js';

/** mulberry32: small, fast, and the same numbers on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the model training loss data set token tokenizer batch size learning rate epoch gradient ' +
  'fine tune pipeline inference GPU memory error when I try to load my checkpoint from the hub ' +
  'and it says that the config is missing a key so I am not sure what to do here any help would ' +
  'be great thanks this works for me but the accuracy is low after a few steps the output looks ' +
  'wrong is there a way to freeze layers or use a smaller version dataset map function returns ' +
  'none on colab with torch and transformers version four point something trainer evaluate ' +
  'predict save push bloom clip led git align mega van bit opt sam donut canine funnel luke ' +
  'flowers blooming video clip LED strip git repo align text mega bytes opt in sam said'
).split(' ');

export const CATEGORIES = ['Beginners', '🤗Transformers', 'Models', 'Course', 'Intermediate', '🤗Datasets', 'Research'];
const FIRST = Date.parse('2020-06-01T00:00:00Z');
const LAST = Date.parse('2026-10-31T00:00:00Z');

/** How people write a type's name: as listed, upper case, capitalised, and the usual hyphenations. */
function spell(type: string, r: number): string {
  const forms = [type, type.toUpperCase(), type[0]!.toUpperCase() + type.slice(1)];
  if (/\d$/.test(type)) forms.push(type.replace(/(\d+)$/, '-$1').toUpperCase());
  if (type === 'llama') forms.push('Llama-2', 'LLaMA');
  if (type === 'xlm-roberta') forms.push('XLM-R', 'xlm-r');
  return forms[Math.floor(r * forms.length)]!;
}

export interface Corpus {
  /** Topic `id` with `extra` posts added after the first crawl (a bumped topic). */
  topic(id: number, extra?: number): { topic: ListedTopic; posts: ReadPost[] };
}

/** `types` in the order of how often they are mentioned: the head far more than the tail. */
export function corpus(types: readonly string[]): Corpus {
  return {
    topic(id, extra = 0) {
      const r = rng(Math.imul(id, 2654435761) ^ 0x5bd1e995);
      const created = FIRST + Math.floor(r() * (LAST - FIRST));
      const base = 1 + Math.floor(r() * 19.7);
      const n = base + extra;
      const posts: ReadPost[] = [];
      let at = created;
      for (let k = 1; k <= n; k++) {
        // Posts of an added batch come from a generator of their own: the first ones stay the same.
        const pr = k <= base ? r : rng(id * 131 + k);
        at += Math.floor(pr() * 86_400_000);
        const words = 100 + Math.floor(pr() * 200);
        const out: string[] = [];
        const mentionAt = pr() < 0.25 ? Math.floor(pr() * words) : -1;
        for (let w = 0; w < words; w++) {
          if (w === mentionAt) out.push(spell(types[Math.floor(types.length * pr() ** 4)]!, pr()));
          else out.push(WORDS[Math.floor(pr() * WORDS.length)]!);
          if (w % 17 === 16) out[out.length - 1] += w % 51 === 50 ? '.</p><p>' : '.';
        }
        posts.push({
          id: id * 100 + k,
          topic_id: id,
          post_number: k,
          username: `user${Math.floor(pr() * 40_000)}`,
          created_at: new Date(at).toISOString(),
          updated_at: new Date(at).toISOString(),
          version: 1,
          cooked: `<p>${out.join(' ')}.</p>`,
          regular: true,
          gone: null,
          accepted_answer: k === 2 && base > 3,
        });
      }
      const title = `Question ${id}: ${WORDS[Math.floor(r() * WORDS.length)]} ${WORDS[Math.floor(r() * WORDS.length)]}`;
      const topic: ListedTopic = {
        id,
        title,
        created_at: new Date(created).toISOString(),
        last_posted_at: posts.at(-1)!.created_at,
        bumped_at: posts.at(-1)!.created_at,
        category_id: 1 + (id % CATEGORIES.length),
        pinned: false,
        tags: [],
        views: Math.floor(r() * 5000),
        reply_count: n - 1,
        posts_count: n,
        accepted_post_number: base > 3 ? 2 : null,
        visible: true,
      };
      return { topic, posts };
    },
  };
}
