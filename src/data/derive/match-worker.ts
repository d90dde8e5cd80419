/**
 * The mention matcher on a worker thread (./batch-matcher.ts): takes batches of topics' UTF-8
 * texts (packed, ./match-wire.ts) on its port, answers each with the hits, in order, and counts
 * the reply in a shared integer so the scan's thread, blocked in Atomics.wait, wakes up to read it.
 */
import { workerData } from 'node:worker_threads';
import { buildMentionMatcher } from '../../analysis/mentions.js';
import { type MatchReply, type MatchWorkerData, type PackedBatch, unpack } from './match-wire.js';

const data = workerData as MatchWorkerData;
const replies = new Int32Array(data.replies);
const reply = (m: MatchReply) => {
  data.port.postMessage(m, 'buffer' in m ? [m.buffer] : []);
  Atomics.add(replies, 0, 1);
  Atomics.notify(replies, 0);
};
try {
  const matcher = buildMentionMatcher(data.types);
  data.port.on('message', (batch: PackedBatch) => {
    try {
      const hits = unpack(batch).map((texts) => matcher.findUtf8(texts));
      reply({ hits, buffer: batch.bytes.buffer as ArrayBuffer });
    } catch (err) {
      const e = err as Error;
      reply({ error: { message: e.message, stack: e.stack } });
    }
  });
} catch (err) {
  // Failing to start answers the first batch: the scan's thread is waiting for it.
  const e = err as Error;
  data.port.once('message', () => reply({ error: { message: e.message, stack: e.stack } }));
}
