/**
 * `hfbot serve` on Discord: a gateway client that only needs the Guilds intent (slash commands
 * arrive as interactions). REST and the gateway discovery go to DISCORD_API_URL, so tests and
 * proxies can point the bot elsewhere.
 */
import { Client, Events, GatewayIntentBits } from 'discord.js';
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
import { handleInteraction } from './interactions.js';

export interface DiscordBotOptions {
  commands?: readonly Command[];
  limiter?: RateLimiter;
  renderPng?: RenderPng;
  /** How long to wait for the gateway's READY. */
  readyTimeoutMs?: number;
}

export interface RunningDiscord extends RunningPlatform {
  client: Client<true>;
  idle(): Promise<void>;
}

export async function createDiscordBot(services: Services, opts: DiscordBotOptions = {}): Promise<RunningDiscord> {
  const c = services.config;
  if (!c.DISCORD_TOKEN) throw new HfbotError('E_CONFIG', msg.platforms.discordNotConfigured);
  const log = services.logger.child({ platform: 'discord' });
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: c.DISCORD_API_URL } });
  const deps = {
    services,
    pipeline: createPipeline({
      services,
      commands: opts.commands ?? registry,
      limiter: opts.limiter ?? createRateLimiter({ limit: c.HFBOT_RATE_LIMIT_PER_MINUTE }),
    }),
    store: createActionStore(),
    ...(opts.renderPng ? { renderPng: opts.renderPng } : {}),
  };
  const pending = new Set<Promise<void>>();
  client.on(Events.InteractionCreate, (i) => {
    const job = handleInteraction(i, deps);
    pending.add(job);
    void job.finally(() => pending.delete(job));
  });
  client.on(Events.Error, (err) => log.error('discord client error', { err }));
  client.on(Events.Warn, (m) => log.warn(m));

  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new HfbotError('E_NETWORK', msg.platforms.discordNotReady((opts.readyTimeoutMs ?? 30_000) / 1000))),
      opts.readyTimeoutMs ?? 30_000,
    );
    client.once(Events.ClientReady, () => {
      clearTimeout(timer);
      resolve();
    });
  });
  try {
    await client.login(c.DISCORD_TOKEN);
    await ready;
  } catch (err) {
    await client.destroy().catch(() => undefined);
    if (err instanceof HfbotError) throw err;
    throw new HfbotError('E_CONFIG', msg.platforms.discordLoginFailed((err as Error).message), {
      cause: err,
      hint: msg.platforms.discordLoginHint,
    });
  }
  log.info('discord started', { user: client.user?.tag, application: client.application?.id });
  const idle = async () => {
    while (pending.size) await Promise.allSettled([...pending]);
  };
  return {
    name: 'discord',
    client: client as Client<true>,
    idle,
    async close() {
      await idle();
      await client.destroy();
    },
  };
}
