/**
 * Recent replies, so the chart PNG and the CSV can be fetched after the answer. Bounded per user
 * and by bytes (lru-cache's maxSize/sizeCalculation), not by a server-wide count: each user's own
 * most recent replies stay downloadable however busy others are, one user's 5 MiB answers cannot
 * push anyone else's out, and the whole cache never holds more than `maxBytes`. When that total
 * is reached, the least recently active user's replies go first. A reply's size is its JSON plus
 * its chart PNG once drawn (charts are the bulk). Each PNG is drawn at most once.
 */
import { randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Reply } from '../../reply.js';

export interface CachedReply {
  id: string;
  reply: Reply;
  /** The command as typed, for download file names. */
  raw: string;
  /** Whose reply it is: downloads count against this user's share, and renders against their limit. */
  user: string;
  /** Bytes held: the reply as JSON, plus the PNG once drawn. */
  bytes: number;
  /** False when the reply alone is larger than a user's share: answered, but not kept for downloads. */
  kept: boolean;
  /** The chart PNG once drawn (null: drawing failed; tried again on the next request). */
  png?: Promise<Buffer | null>;
}

export interface ReplyCacheLimits {
  /** All users together. */
  maxBytes?: number;
  /** One user's share. */
  userBytes?: number;
  /** One user's most recent replies, at most. */
  userReplies?: number;
}

export interface ReplyCache {
  put(reply: Reply, raw: string, user: string): CachedReply;
  get(id: string): CachedReply | undefined;
  /** Counts the drawn chart against its owner's share (it may push their oldest replies out). */
  addPng(entry: CachedReply, png: Buffer): void;
  readonly size: number;
  readonly bytes: number;
}

const MiB = 1024 * 1024;
type Bucket = LRUCache<string, CachedReply>;

export function createReplyCache(limits: ReplyCacheLimits = {}): ReplyCache {
  const maxBytes = limits.maxBytes ?? 128 * MiB;
  const userBytes = Math.min(limits.userBytes ?? 16 * MiB, maxBytes);
  const userReplies = limits.userReplies ?? 100;
  // id -> user, so a download finds its bucket; kept in step with the buckets by dispose.
  const owners = new Map<string, string>();
  const users = new LRUCache<string, Bucket>({
    maxSize: maxBytes,
    sizeCalculation: (bucket) => Math.max(1, bucket.calculatedSize),
    dispose: (bucket) => {
      for (const id of bucket.keys()) owners.delete(id);
    },
  });
  const bucketOf = (user: string): Bucket => {
    let bucket = users.get(user);
    if (!bucket) {
      bucket = new LRUCache<string, CachedReply>({
        max: userReplies,
        maxSize: userBytes,
        sizeCalculation: (e) => Math.max(1, e.bytes),
        dispose: (_e, id) => owners.delete(id),
      });
      users.set(user, bucket);
    }
    return bucket;
  };
  /** Re-sets both levels so lru-cache recomputes the sizes (and evicts past the limits). */
  const store = (entry: CachedReply) => {
    const bucket = bucketOf(entry.user);
    bucket.set(entry.id, entry);
    entry.kept = bucket.has(entry.id);
    if (entry.kept) owners.set(entry.id, entry.user);
    users.set(entry.user, bucket);
  };
  return {
    put(reply, raw, user) {
      // Unguessable ids: one user's replies are not enumerable by another tab or page.
      const id = randomBytes(12).toString('base64url');
      const bytes = Buffer.byteLength(JSON.stringify(reply)) + Buffer.byteLength(raw) + 64;
      const entry: CachedReply = { id, reply, raw, user, bytes, kept: false };
      store(entry);
      return entry;
    },
    get(id) {
      const user = owners.get(id);
      return user === undefined ? undefined : users.get(user)?.get(id);
    },
    addPng(entry, png) {
      if (!entry.kept || owners.get(entry.id) !== entry.user) return;
      entry.bytes += png.byteLength;
      store(entry);
    },
    get size() {
      return owners.size;
    },
    get bytes() {
      return users.calculatedSize;
    },
  };
}
