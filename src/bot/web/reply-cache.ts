/**
 * Recent replies, so the chart PNG and the CSV can be fetched after the answer: bounded
 * (oldest out first) because the web chat may run for days. Each PNG is drawn at most once.
 */
import { randomBytes } from 'node:crypto';
import type { Reply } from '../../reply.js';

export interface CachedReply {
  id: string;
  reply: Reply;
  /** The command as typed, for download file names. */
  raw: string;
  /** The chart PNG once drawn (null: drawing failed; tried again on the next request). */
  png?: Promise<Buffer | null>;
}

export interface ReplyCache {
  put(reply: Reply, raw: string): CachedReply;
  get(id: string): CachedReply | undefined;
  readonly size: number;
}

export function createReplyCache(limit = 200): ReplyCache {
  const entries = new Map<string, CachedReply>();
  return {
    put(reply, raw) {
      // Unguessable ids: one user's replies are not enumerable by another tab or page.
      const id = randomBytes(12).toString('base64url');
      const entry: CachedReply = { id, reply, raw };
      entries.set(id, entry);
      while (entries.size > limit) entries.delete(entries.keys().next().value!);
      return entry;
    },
    get: (id) => entries.get(id),
    get size() {
      return entries.size;
    },
  };
}
