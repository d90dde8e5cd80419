/** How long mining runs show progress: a bar on a terminal, log lines with an ETA elsewhere. */
import { SingleBar } from 'cli-progress';
import type { WaitEvent } from '../../data/miners/http.js';
import type { MineProgress, ProgressSink } from '../../data/miners/progress.js';
import type { Logger } from '../../logger.js';
import { msg } from '../../messages/index.js';
import { processIo, type CliIo } from './io.js';

export interface ProgressReporter {
  sink: ProgressSink;
  /** A rate-limit or retry wait: shown at once, on the bar or as its own line. */
  wait(source: 'forum' | 'hub', w: WaitEvent): void;
  stop(): void;
}

/** A bar on a terminal; elsewhere (logs, cron) a line every `everyMs` with counts and an ETA. */
export function progressReporter(io: CliIo, logger: Logger, everyMs = 10_000): ProgressReporter {
  const started = Date.now();
  const eta = (f: number | null) => (f && f > 0 ? Math.round(((Date.now() - started) / 1000) * ((1 - f) / f)) : null);
  // The phase first (forum: listing, posts, fetch, check), then the counts.
  const counts = (p: MineProgress) =>
    [p.phase, ...Object.entries(p.counts).map(([k, v]) => `${k} ${v}`)].filter(Boolean).join(', ');
  if (io === processIo && process.stderr.isTTY) {
    const bar = new SingleBar({
      format: '{source} [{bar}] {percentage}% | ETA {eta_formatted} | {counts}',
      stream: process.stderr,
      etaBuffer: 50,
      hideCursor: true,
    });
    let source = '';
    let lastCounts = '';
    return {
      wait: (src, w) => {
        if (src !== source) return void logger.warn(msg.mining.waitLine(src, w.ms, w.url, w.detail));
        bar.update(bar.getProgress() * 1000, {
          source,
          counts: `${lastCounts} | ${msg.mining.waitLine(src, w.ms, w.url, w.detail)}`,
        });
      },
      sink: (p) => {
        if (p.source !== source) {
          if (source) bar.stop();
          source = p.source;
          bar.start(1000, 0, { source, counts: '' });
        }
        lastCounts = counts(p);
        bar.update(p.fraction === null ? bar.getProgress() * 1000 : Math.round(p.fraction * 1000), {
          source,
          counts: lastCounts,
        });
      },
      stop: () => void (source && bar.stop()),
    };
  }
  let last = 0;
  return {
    wait: (source, w) => logger.warn(msg.mining.waitLine(source, w.ms, w.url, w.detail)),
    sink: (p) => {
      if (Date.now() - last < everyMs && p.fraction !== 1) return;
      last = Date.now();
      logger.info(msg.mining.progressLine(p.source, p.fraction, eta(p.fraction), counts(p)));
    },
    stop: () => undefined,
  };
}
