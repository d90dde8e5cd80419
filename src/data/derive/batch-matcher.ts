/**
 * Matching a scan's batches of topics in step with reading and writing them (issue 17 item 2).
 * deriveMentions submits batch N+1 before it takes the hits of batch N, so a matcher on a worker
 * thread matches N while the scan's thread reads N+1 and writes N-1: on 2 cores the first full
 * recompute costs about the matching alone instead of reading + matching + writing.
 * The scan stays synchronous (it runs inside a SQLite transaction per batch and inside the
 * refresh worker): the hits come back through a MessagePort read with receiveMessageOnPort, the
 * thread sleeping on Atomics.wait until the worker says a reply is there.
 */
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { buildMentionMatcher, type MentionHit, type MentionMatcher } from '../../analysis/mentions.js';
import { type MatchReply, type MatchWorkerData, pack, type TopicTexts } from './match-wire.js';
import { workerFile } from '../../worker-file.js';

export type { TopicTexts } from './match-wire.js';

export interface BatchMatcher {
  /** Starts matching a batch; its hits come back, in submission order, from take(). */
  submit(batch: TopicTexts): void;
  /** Hits of the oldest batch not yet taken, one list per topic (MentionMatcher.findUtf8). */
  take(): MentionHit[][];
  /** Stops any worker thread. */
  close(): void;
}

/** Matches on the calling thread, when a batch is taken (so at most one batch's hits are held). */
export function matchInThread(matcher: MentionMatcher): BatchMatcher {
  const queue: TopicTexts[] = [];
  return {
    submit: (batch) => void queue.push(batch),
    take: () => queue.shift()!.map((texts) => matcher.findUtf8(texts)),
    close: () => {},
  };
}

/** Matches on a worker thread with buildMentionMatcher(types); each batch is packed and moved to it. */
export function matchOnWorker(types: readonly string[]): BatchMatcher {
  const { port1, port2 } = new MessageChannel();
  const replies = new Int32Array(new SharedArrayBuffer(4));
  const data: MatchWorkerData = { types: [...types], port: port2, replies: replies.buffer as SharedArrayBuffer };
  const worker = new Worker(workerFile(import.meta.url, 'match-worker'), { workerData: data, transferList: [port2] });
  let pending = 0;
  // Buffers the worker gave back, reused: freeing them would wait for each thread's GC, and
  // meanwhile several batches' text would sit in memory.
  const spares: ArrayBuffer[] = [];
  return {
    submit(batch) {
      // One buffer moved to the worker, not copied: the batch's text is never held twice here.
      const packed = pack(batch, spares.pop());
      port1.postMessage(packed, [packed.bytes.buffer, packed.ends.buffer, packed.texts.buffer] as ArrayBuffer[]);
      pending++;
    },
    take() {
      if (!pending) throw new Error('take() without a submitted batch');
      for (;;) {
        const seen = Atomics.load(replies, 0);
        const got = receiveMessageOnPort(port1);
        if (got) {
          pending--;
          const reply = got.message as MatchReply;
          if ('error' in reply) throw Object.assign(new Error(reply.error.message), { stack: reply.error.stack });
          spares.push(reply.buffer);
          return reply.hits;
        }
        // Woken when the worker counts a reply; the timeout only bounds a missed wake-up.
        Atomics.wait(replies, 0, seen, 1000);
      }
    },
    close() {
      port1.close();
      void worker.terminate();
    },
  };
}

/**
 * The scan's matcher: the first batch on this thread (a small scan never starts a thread), every
 * later one on a worker started when the second batch arrives, while this thread matches the first.
 */
export function scanMatcher(types: readonly string[]): BatchMatcher {
  const here = matchInThread(buildMentionMatcher(types));
  let worker: BatchMatcher | undefined;
  const order: BatchMatcher[] = [];
  return {
    submit(batch) {
      if (order.length > 0 || worker) worker ??= matchOnWorker(types);
      const side = worker ?? here;
      order.push(side);
      side.submit(batch);
    },
    take: () => order.shift()!.take(),
    close: () => worker?.close(),
  };
}
