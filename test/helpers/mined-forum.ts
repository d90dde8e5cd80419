/**
 * A small mined forum for command tests: topics are served by the fake Discourse and stored by
 * the project's own miner (mineForum -> forumStore), so /forum and over: read what a real
 * `hfbot mine forum` leaves behind, not rows a test typed in.
 */
import { PoliteHttp, virtualClock } from '../../src/data/miners/http.js';
import { mineForum } from '../../src/data/miners/forum/mine.js';
import { memoryLogger } from '../../src/logger.js';
import { FAKE_CATEGORIES, generateTopics, startFakeDiscourse, type FakeTopic } from './fake-discourse.js';
import type { Db } from '../../src/data/db.js';

/** Category names the fake serves, by id (subcategories included). */
export const FAKE_CATEGORY_NAMES = new Map<number, string>(
  FAKE_CATEGORIES.flatMap((c) => [[c.id, c.name] as const, ...c.subs.map((s) => [s.id, s.name] as const)]),
);

export async function mineFakeForum(db: Db, topics: FakeTopic[], now = '2026-11-22T12:00:00Z'): Promise<void> {
  const fd = await startFakeDiscourse(topics);
  try {
    const c = virtualClock();
    const http = new PoliteHttp({ requestsPerMinute: 1e9, now: c.now, sleep: c.sleep, timeoutMs: 5000 });
    const r = await mineForum({ db, http, baseUrl: fd.base, logger: memoryLogger(), now: () => new Date(now) });
    if (r.skipped.length) throw new Error(`mining the fake forum skipped ${r.skipped.length} responses`);
  } finally {
    await fd.close();
  }
}

/**
 * Generated topics given the ids and creation dates a test needs (e.g. the paper's coded topic
 * ids), each in the named category; the rest of each topic (posts, views) is generated.
 */
export function topicsAt(specs: { id: number; createdAt: string; category: string }[], seed = 7): FakeTopic[] {
  const ids = new Map([...FAKE_CATEGORY_NAMES].map(([id, name]) => [name, id]));
  return generateTopics(specs.length, seed).map((t, i) => {
    const s = specs[i]!;
    const category = ids.get(s.category);
    if (category === undefined) throw new Error(`the fake forum has no category ${s.category}`);
    const shift = Date.parse(s.createdAt) - Date.parse(t.created_at);
    const at = (iso: string) => new Date(Date.parse(iso) + shift).toISOString();
    // Post ids offset past any generateTopics() run's, so both kinds can be served together.
    const posts = t.posts.map((p) => ({ ...p, id: p.id + 5_000_000, created_at: at(p.created_at) }));
    return {
      ...t,
      id: s.id,
      category_id: category,
      created_at: s.createdAt,
      bumped_at: posts.at(-1)!.created_at,
      pinned: false,
      posts,
    };
  });
}
