/**
 * The fake forum's data: generated topics and posts, and their JSON as Discourse's serializers
 * write it (TopicListItemSerializer, TopicViewSerializer, PostSerializer with BasicPostSerializer's
 * cooked_hidden; field names as in the Perceval fixtures in ../shared/fixtures/discourse).
 */

export interface FakePost {
  id: number;
  post_number: number;
  username: string;
  created_at: string;
  cooked: string;
  accepted_answer?: boolean;
  updated_at?: string;
  version?: number;
  /** Post.types: 1 regular, 3 small action ("closed this topic"), counted in posts_count. */
  post_type?: number;
  deleted?: boolean;
  hidden?: boolean;
  /** A malformed optional field, served as is. */
  corrupt?: Record<string, unknown>;
}
export interface FakeTopic {
  id: number;
  title: string;
  category_id: number;
  created_at: string;
  bumped_at: string;
  views: number;
  tags: string[];
  pinned: boolean;
  posts: FakePost[];
  deleted?: boolean;
  /** Moved to a category anonymous visitors cannot read: 403 invalid_access. */
  private?: boolean;
  corrupt?: Record<string, unknown>;
}

const WORDS = ['model', 'training', 'loss', 'tokenizer', 'dataset', 'pipeline', 'error', 'GPU', 'fine-tune'];
const MODELS = [
  'BERT',
  'gpt2',
  'GPT-2',
  't5',
  'RoBERTa',
  'llama-2',
  'Whisper',
  'bart',
  'DistilBERT',
  'ViT',
  'wav2vec2',
];
const AMBIGUOUS = [
  'I will opt for a smaller batch',
  'the clip of audio is short',
  'Sam said it works',
  'I use git to push',
];
export const FAKE_CATEGORIES = [
  { id: 5, name: 'Beginners', slug: 'beginners', subs: [] as { id: number; name: string; slug: string }[] },
  { id: 6, name: 'Intermediate', slug: 'intermediate', subs: [] },
  {
    id: 9,
    name: '🤗Transformers',
    slug: 'transformers',
    subs: [{ id: 21, name: 'Transformers Agents', slug: 'agents' }],
  },
];
const CATEGORY_IDS = [5, 6, 9, 21];

/** Deterministic pseudo-random numbers, so every run serves the same forum. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * `n` topics over 2020-07..2023-06. Replies come hours apart, so post ids (given in time order, as
 * Discourse does) interleave across topics. Every 97th topic is long (45 posts: beyond the first
 * chunk of 20); every 13th ends with a small action, as auto-closed topics do. `postsPerTopic`
 * sets the mean length (the benchmark's forum has 10).
 */
export function generateTopics(n: number, seed = 1, postsPerTopic = 2.5): FakeTopic[] {
  const rnd = lcg(seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
  const start = Date.parse('2020-07-01T00:00:00Z');
  const span = Date.parse('2023-06-20T00:00:00Z') - start;
  const topics: FakeTopic[] = [];
  const all: { t: number; p: FakePost }[] = [];
  const texts = new Map<string, string>();
  const cookedOf = (body: string) => {
    const c = texts.get(body);
    if (c !== undefined) return c;
    texts.set(body, body);
    return body;
  };
  for (let i = 0; i < n; i++) {
    const id = 100 + i * 3;
    const created = start + Math.floor((i / n) * span);
    const nPosts = i % 97 === 5 ? 45 : 1 + Math.floor(rnd() * (2 * postsPerTopic - 1));
    const posts: FakePost[] = [];
    for (let p = 0; p < nPosts; p++) {
      const extra = rnd() < 0.1 ? ` ${pick(AMBIGUOUS)}.` : '';
      const at = new Date(created + p * 3_600_000 * (1 + (i % 5))).toISOString();
      posts.push({
        id: 0,
        post_number: p + 1,
        username: `user${Math.floor(rnd() * 500)}`,
        created_at: at,
        updated_at: at,
        version: 1,
        cooked: cookedOf(
          `<p>Using <strong>${pick(MODELS)}</strong> for ${pick(WORDS)} &amp; ${pick(WORDS)}.${extra}</p><p><a href="https://hf.co/x">link</a></p>`,
        ),
        accepted_answer: p === 1 && i % 4 === 0,
      });
    }
    if (i % 13 === 7) {
      const at = new Date(Date.parse(posts.at(-1)!.created_at) + 86_400_000).toISOString();
      posts.push({ id: 0, post_number: nPosts + 1, username: 'system', created_at: at, cooked: '', post_type: 3 });
    }
    for (const p of posts) all.push({ t: Date.parse(p.created_at), p });
    topics.push({
      id,
      title: `${pick(WORDS)} problem with ${pick(MODELS)} #${i}`,
      category_id: pick(CATEGORY_IDS),
      created_at: new Date(created).toISOString(),
      bumped_at: posts.filter((p) => p.post_type !== 3).at(-1)!.created_at,
      views: 10 + Math.floor(rnd() * 1000),
      tags: rnd() < 0.3 ? ['help'] : [],
      pinned: i === 0,
      posts,
    });
  }
  all.sort((a, b) => a.t - b.t);
  let postId = 1000;
  for (const { p } of all) p.id = postId++;
  return topics;
}

export const visiblePosts = (t: FakeTopic) => t.posts.filter((p) => !p.deleted);
const lastRegular = (t: FakeTopic) =>
  visiblePosts(t)
    .filter((p) => (p.post_type ?? 1) !== 3)
    .at(-1);

export function postJson(t: FakeTopic, p: FakePost, extra: Record<string, unknown> = {}) {
  const hidden = Boolean(p.hidden);
  return {
    id: p.id,
    name: '',
    username: p.username,
    avatar_template: '/letter_avatar/x/{size}/1.png',
    created_at: p.created_at,
    // BasicPostSerializer: a hidden post's text is replaced for everyone but staff.
    cooked: hidden ? '<p>This post was flagged by the community and is temporarily hidden.</p>' : p.cooked,
    ...(hidden ? { cooked_hidden: true } : {}),
    post_number: p.post_number,
    post_type: p.post_type ?? 1,
    updated_at: p.updated_at ?? p.created_at,
    reply_count: 0,
    reply_to_post_number: null,
    quote_count: 0,
    incoming_link_count: 0,
    reads: 1,
    score: 0,
    yours: false,
    topic_id: t.id,
    topic_slug: 'topic',
    display_username: '',
    version: p.version ?? 1,
    can_edit: false,
    hidden,
    hidden_reason_id: null,
    deleted_at: null,
    user_deleted: false,
    accepted_answer: Boolean(p.accepted_answer),
    ...extra,
    ...p.corrupt,
  };
}

export function topicJson(t: FakeTopic) {
  const posts = visiblePosts(t);
  const last = lastRegular(t);
  return {
    id: t.id,
    title: t.title,
    fancy_title: t.title,
    slug: 'topic',
    posts_count: posts.length,
    reply_count: Math.max(0, posts.filter((p) => (p.post_type ?? 1) === 1).length - 1),
    highest_post_number: posts.at(-1)?.post_number ?? 1,
    created_at: t.created_at,
    last_posted_at: last?.created_at ?? t.created_at,
    bumped: true,
    bumped_at: t.bumped_at,
    archetype: 'regular',
    pinned: t.pinned,
    pinned_globally: t.pinned,
    visible: true,
    closed: false,
    archived: false,
    tags: t.tags,
    views: t.views,
    like_count: 0,
    category_id: t.category_id,
    has_accepted_answer: posts.some((p) => p.accepted_answer),
    posters: [],
    ...t.corrupt,
  };
}
