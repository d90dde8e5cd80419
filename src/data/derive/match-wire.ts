/**
 * What the scan's thread and the match worker exchange (./batch-matcher.ts, ./match-worker.ts):
 * a batch packed into one buffer that is moved, not copied, and the reply that gives it back.
 */
import type { MessagePort } from 'node:worker_threads';
import type { MentionHit } from '../../analysis/mentions.js';

/** One batch: each topic's texts (title, then posts in order) as UTF-8. */
export type TopicTexts = readonly (readonly Uint8Array[])[];

export interface MatchWorkerData {
  types: string[];
  port: MessagePort;
  replies: SharedArrayBuffer;
}

/** The hits, and the batch's buffer given back for the next batch. */
export type MatchReply = { hits: MentionHit[][]; buffer: ArrayBuffer } | { error: { message: string; stack?: string } };

/** A batch as one buffer: every text's end offset in it, and how many texts each topic has. */
export interface PackedBatch {
  bytes: Uint8Array;
  ends: Uint32Array;
  texts: Uint32Array;
}

/** Packs into `spare` when it is large enough, else into a new buffer with room to spare. */
export function pack(batch: TopicTexts, spare?: ArrayBuffer): PackedBatch {
  let size = 0;
  let count = 0;
  for (const texts of batch) for (const t of texts) [size, count] = [size + t.length, count + 1];
  const buffer = spare && spare.byteLength >= size ? spare : new ArrayBuffer(Math.ceil(size * 1.25));
  const out: PackedBatch = {
    bytes: new Uint8Array(buffer, 0, size),
    ends: new Uint32Array(count),
    texts: new Uint32Array(batch.length),
  };
  let [at, i] = [0, 0];
  batch.forEach((texts, k) => {
    out.texts[k] = texts.length;
    for (const t of texts) {
      out.bytes.set(t, at);
      at += t.length;
      out.ends[i++] = at;
    }
  });
  return out;
}

/** The topics' texts of a packed batch, as views of its one buffer. */
export function unpack({ bytes, ends, texts }: PackedBatch): Buffer[][] {
  const topics: Buffer[][] = [];
  let [at, i] = [0, 0];
  for (const n of texts) {
    const topic: Buffer[] = [];
    for (let j = 0; j < n; j++, i++) {
      topic.push(Buffer.from(bytes.buffer, bytes.byteOffset + at, ends[i]! - at));
      at = ends[i]!;
    }
    topics.push(topic);
  }
  return topics;
}
