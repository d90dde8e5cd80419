/**
 * `hfbot serve`: starts every configured chat platform, and the local web chat when none
 * is configured (or when asked with --web), so a fresh machine always has something to open.
 * SIGINT/SIGTERM close every platform before the process exits.
 */
import type { Services } from '../services.js';
import type { PlatformStarter, RunningPlatform } from './platforms.js';
import { startWeb } from './web/server.js';
import { startDiscord } from './discord/start-discord.js';
import { startSlack } from './slack/start-slack.js';
import { startScheduler } from './scheduler.js';

/**
 * Platforms that need credentials; each returns null (and logs why) when not configured.
 */
export const starters: PlatformStarter[] = [startDiscord, startSlack];

export interface ServeOptions {
  web?: boolean;
  port?: number;
  host?: string;
  /** Defaults to `starters`; tests pass their own. */
  starters?: PlatformStarter[];
  /** Install SIGINT/SIGTERM handlers (default true; tests turn it off). */
  signals?: boolean;
}

export interface Serving {
  platforms: RunningPlatform[];
  /** Closes every platform once; later calls wait for the same close. */
  close(): Promise<void>;
  /** Resolves after close(), whether called directly or by a signal. */
  closed: Promise<void>;
}

export async function serve(services: Services, opts: ServeOptions = {}): Promise<Serving> {
  const log = services.logger;
  const popts = {
    ...(opts.web ? { web: true } : {}),
    ...(opts.port !== undefined ? { port: opts.port } : {}),
    ...(opts.host ? { host: opts.host } : {}),
  };
  const platforms: RunningPlatform[] = [];
  const closeAll = async () => {
    // Reverse order, each on its own: one platform failing to stop must not keep the others open.
    for (const p of [...platforms].reverse()) {
      await p.close().catch((err: unknown) => log.warn('platform did not close cleanly', { platform: p.name, err }));
    }
  };
  try {
    for (const start of opts.starters ?? starters) {
      const running = await start(services, popts);
      if (running) platforms.push(running);
    }
    if (opts.web || platforms.length === 0) {
      if (!opts.web) log.info('no chat platform configured (Discord, Slack); starting the local web chat');
      const web = await startWeb(services, popts);
      if (web) platforms.push(web);
    }
    // Not a chat platform, so it starts after the web-chat decision above.
    const scheduler = await startScheduler(services, popts);
    if (scheduler) platforms.push(scheduler);
  } catch (err) {
    await closeAll();
    throw err;
  }
  log.info('serving', {
    platforms: platforms.map((p) => p.name),
    ...(platforms.find((p) => p.url) ? { url: platforms.find((p) => p.url)!.url } : {}),
  });

  let closing: Promise<void> | null = null;
  let markClosed!: () => void;
  const closed = new Promise<void>((r) => (markClosed = r));
  const onSignal = (signal: NodeJS.Signals) => {
    log.info('stopping', { signal });
    void close();
  };
  const close = (): Promise<void> => {
    closing ??= (async () => {
      if (opts.signals !== false) {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
      await closeAll();
      log.info('stopped');
      markClosed();
    })();
    return closing;
  };
  if (opts.signals !== false) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  return { platforms, close, closed };
}
