/**
 * The topics a round can draw from: the dataset's coded topics and, when the forum miner
 * has created them, mined forum topics (with title and first-post excerpt).
 */
import type { Db } from '../db.js';
import type { PoolItem } from '../../analysis/stratified-sample.js';

/** Empty when there is no such table; mined tables are found in the attached mined file too. */
function columns(db: Db, table: string): Set<string> {
  return new Set(
    (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name),
  );
}

function hasForumTopics(db: Db): boolean {
  const c = columns(db, 'forum_topics');
  return c.has('id') && c.has('category');
}

export function topicPool(db: Db): PoolItem[] {
  const rows = db.prepare('SELECT id, forum_category AS stratum FROM topics').all() as PoolItem[];
  if (!hasForumTopics(db)) return rows;
  const seen = new Set(rows.map((r) => r.id));
  const mined = db
    .prepare("SELECT id, coalesce(category, 'Uncategorized') AS stratum FROM forum_topics")
    .all() as PoolItem[];
  return [...rows, ...mined.filter((m) => !seen.has(m.id))];
}

export interface TopicInfo {
  id: number;
  url: string;
  title: string | null;
  excerpt: string | null;
}

const EXCERPT = 280;

export function topicInfo(db: Db, id: number, forumUrl: string): TopicInfo {
  const row = db.prepare('SELECT url FROM topics WHERE id = ?').get(id) as { url: string } | undefined;
  const info: TopicInfo = { id, url: row?.url ?? `${forumUrl.replace(/\/$/, '')}/t/${id}`, title: null, excerpt: null };
  const ft = columns(db, 'forum_topics');
  if (ft.has('title')) {
    const t = db.prepare('SELECT title FROM forum_topics WHERE id = ?').get(id) as { title: string | null } | undefined;
    info.title = t?.title ?? null;
  }
  const fp = columns(db, 'forum_posts');
  if (fp.has('topic_id') && fp.has('text')) {
    const order = fp.has('post_number') ? 'ORDER BY post_number' : '';
    const p = db.prepare(`SELECT text FROM forum_posts WHERE topic_id = ? ${order} LIMIT 1`).get(id) as
      | { text: string | null }
      | undefined;
    const text = p?.text?.replace(/\s+/g, ' ').trim();
    if (text) info.excerpt = text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text;
  }
  return info;
}
