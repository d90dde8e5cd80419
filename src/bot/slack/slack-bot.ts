/**
 * `hfbot serve` on Slack: HTTP mode (our request guard caps the body, checks the timestamp both
 * ways, the signature and replays before Bolt's HTTPReceiver sees a request; bound to SLACK_HOST,
 * loopback by default, for a reverse proxy in front) or Socket Mode (app token). All Web API
 * calls go to SLACK_API_URL, so tests and proxies can point the bot elsewhere.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { App, HTTPReceiver } from '@slack/bolt';
import type { Command } from '../../commands/types.js';
import type { Services } from '../../services.js';
import { commands as registry } from '../../commands/index.js';
import { createPipeline } from '../../commands/pipeline.js';
import { HfbotError } from '../../errors.js';
import { msg } from '../../messages/index.js';
import type { RunningPlatform } from '../platforms.js';
import { createRateLimiter, type RateLimiter } from '../../commands/checks/rate-limit.js';
import { createActionStore } from '../action-store.js';
import type { RenderPng } from '../reply-attachments.js';
import { boltLogger } from './bolt-logger.js';
import { registerSlackHandlers } from './handlers.js';
import { slackDirectory } from './directory.js';
import { guardSlackRequests } from './request-guard.js';

export interface SlackBotOptions {
  commands?: readonly Command[];
  limiter?: RateLimiter;
  renderPng?: RenderPng;
  /** HTTP mode only; default SLACK_PORT on SLACK_HOST (127.0.0.1). */
  port?: number;
  host?: string;
}

export interface RunningSlack extends RunningPlatform {
  app: App;
  mode: 'http' | 'socket';
  /** HTTP mode: the address and port actually listened on (useful with port 0). */
  host?: string;
  port?: number;
  /** Resolves when every answer already started has been delivered. */
  idle(): Promise<void>;
}

export async function createSlackBot(services: Services, opts: SlackBotOptions = {}): Promise<RunningSlack> {
  const c = services.config;
  if (!c.SLACK_BOT_TOKEN || c.slack.mode === 'off') throw new HfbotError('E_CONFIG', msg.platforms.slackNotConfigured);
  const mode = c.slack.mode;
  const logger = boltLogger(services.logger);
  // Fail fast instead of Bolt's default of retrying for half an hour; the user is waiting.
  const clientOptions = {
    slackApiUrl: c.SLACK_API_URL,
    retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 1000 },
    timeout: 10_000,
  };
  let app: App;
  if (mode === 'socket') {
    app = new App({ token: c.SLACK_BOT_TOKEN, appToken: c.SLACK_APP_TOKEN!, socketMode: true, logger, clientOptions });
  } else {
    const receiver = new HTTPReceiver({ signingSecret: c.SLACK_SIGNING_SECRET!, logger });
    receiver.requestListener = guardSlackRequests(receiver.requestListener, {
      signingSecret: c.SLACK_SIGNING_SECRET!,
      logger: services.logger.child({ platform: 'slack' }),
    });
    app = new App({ token: c.SLACK_BOT_TOKEN, receiver, logger, clientOptions });
  }
  const pending = new Set<Promise<void>>();
  registerSlackHandlers(app, {
    services,
    pipeline: createPipeline({
      services,
      commands: opts.commands ?? registry,
      limiter: opts.limiter ?? createRateLimiter({ limit: c.HFBOT_RATE_LIMIT_PER_MINUTE }),
    }),
    store: createActionStore(),
    directory: slackDirectory(app.client),
    ...(opts.renderPng ? { renderPng: opts.renderPng } : {}),
    track: (job) => {
      pending.add(job);
      void job.finally(() => pending.delete(job));
    },
  });
  app.error(async (err) => {
    services.logger.error('slack listener error', { err });
  });

  let port: number | undefined;
  let host: string | undefined;
  try {
    if (mode === 'socket') {
      await app.start();
    } else {
      // Slow or stalled senders are cut off: Slack sends small bodies at once.
      const server = (await app.start(
        { port: opts.port ?? c.SLACK_PORT, host: opts.host ?? c.SLACK_HOST },
        { headersTimeout: 10_000, requestTimeout: 10_000 },
      )) as unknown as Server;
      ({ port, address: host } = server.address() as AddressInfo);
    }
  } catch (err) {
    throw new HfbotError('E_CONFIG', msg.platforms.slackStartFailed(mode, (err as Error).message), {
      cause: err,
      hint:
        mode === 'http'
          ? msg.platforms.slackPortHint(opts.port ?? c.SLACK_PORT, opts.host ?? c.SLACK_HOST)
          : msg.platforms.slackAppTokenHint,
    });
  }
  services.logger.info('slack started', { mode, ...(port !== undefined ? { host, port } : {}) });
  const idle = async () => {
    while (pending.size) await Promise.allSettled([...pending]);
  };
  return {
    name: 'slack',
    app,
    mode,
    ...(port !== undefined ? { port, host } : {}),
    idle,
    async close() {
      await app.stop().catch((err: unknown) => services.logger.warn('slack stop failed', { err }));
      await idle();
    },
  };
}
