/** How long mining runs show progress: a bar on a terminal, log lines with an ETA elsewhere. */
import { SingleBar } from 'cli-progress';
import type { MineProgress, ProgressSink } from '../../data/miners/progress.js';
import type { Logger } from '../../logger.js';
import { msg } from '../../messages/index.js';
import { processIo, type CliIo } from './io.js';

/** A bar on a terminal; elsewhere (logs, cron) a line every `everyMs` with counts and an ETA. */
export function progressReporter(io: CliIo, logger: Logger, everyMs = 10_000): { sink: ProgressSink; stop(): void } {
  const started = Date.now();
  const eta = (f: number | null) => (f && f > 0 ? Math.round(((Date.now() - started) / 1000) * ((1 - f) / f)) : null);
  const counts = (p: MineProgress) =>
    Object.entries(p.counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
  if (io === processIo && process.stderr.isTTY) {
    const bar = new SingleBar({
      format: '{source} [{bar}] {percentage}% | ETA {eta_formatted} | {counts}',
      stream: process.stderr,
      etaBuffer: 50,
      hideCursor: true,
    });
    let source = '';
    return {
      sink: (p) => {
        if (p.source !== source) {
          if (source) bar.stop();
          source = p.source;
          bar.start(1000, 0, { source, counts: '' });
        }
        bar.update(p.fraction === null ? bar.getProgress() * 1000 : Math.round(p.fraction * 1000), {
          source,
          counts: counts(p),
        });
      },
      stop: () => void (source && bar.stop()),
    };
  }
  let last = 0;
  return {
    sink: (p) => {
      if (Date.now() - last < everyMs && p.fraction !== 1) return;
      last = Date.now();
      logger.info(msg.mining.progressLine(p.source, p.fraction, eta(p.fraction), counts(p)));
    },
    stop: () => undefined,
  };
}
