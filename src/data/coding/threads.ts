/**
 * Threads the chat platforms opened for a key (one rater's thread of one round) in a channel, so
 * the next topic goes to the same thread. Written by the adapters, which own the platform ids.
 */
import type { Db } from '../db.js';

export interface ChatThread {
  threadId: string;
  private: boolean;
}

export function findThread(db: Db, key: string, channelId: string): ChatThread | null {
  const row = db
    .prepare('SELECT thread_id, private FROM chat_threads WHERE key = ? AND channel_id = ?')
    .get(key, channelId) as { thread_id: string; private: number } | undefined;
  return row ? { threadId: row.thread_id, private: row.private === 1 } : null;
}

/** Whether a channel is one of the private threads we opened (a rater's thread on Discord). */
export function isPrivateThread(db: Db, threadId: string): boolean {
  return Boolean(db.prepare('SELECT 1 FROM chat_threads WHERE thread_id = ? AND private = 1').get(threadId));
}

export function saveThread(db: Db, key: string, channelId: string, t: ChatThread, at: string): void {
  db.prepare(
    'INSERT INTO chat_threads (key, channel_id, thread_id, private, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(key, channel_id) DO UPDATE SET thread_id = excluded.thread_id, private = excluded.private, created_at = excluded.created_at',
  ).run(key, channelId, t.threadId, t.private ? 1 : 0, at);
}

/** The platform says the thread is gone (deleted, or the bot lost access): open a new one next time. */
export function forgetThread(db: Db, key: string, channelId: string): void {
  db.prepare('DELETE FROM chat_threads WHERE key = ? AND channel_id = ?').run(key, channelId);
}

/** The key a stored thread belongs to, if `threadId` is one of ours. */
export function threadKey(db: Db, threadId: string): string | null {
  const row = db.prepare('SELECT key FROM chat_threads WHERE thread_id = ?').get(threadId) as
    | { key: string }
    | undefined;
  return row?.key ?? null;
}
