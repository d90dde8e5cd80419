/**
 * Posts a Reply (text + chart PNG) to the announcement channels: Discord through REST only
 * (no gateway session needed) and Slack through the Web API. Each platform is skipped with a
 * log line when not configured, and a failure on one never stops the other or the caller.
 */
import { webApi } from '@slack/bolt';
import type { Reply } from '../reply.js';
import type { Services } from '../services.js';
import { createActionStore } from './action-store.js';
import { renderOnce, replyAttachments, type RenderPng } from './reply-attachments.js';
import { preloadDiscordJs } from './discord/preload.js';
import { deliverSlack } from './slack/deliver.js';

export type AnnounceResult =
  | { platform: 'discord' | 'slack'; status: 'posted'; channel: string; id: string | null; files: string[] }
  | { platform: 'discord' | 'slack'; status: 'skipped'; reason: string }
  | { platform: 'discord' | 'slack'; status: 'failed'; channel: string; error: string };

export interface AnnounceOptions {
  renderPng?: RenderPng;
}

async function toDiscord(reply: Reply, services: Services, render: RenderPng): Promise<AnnounceResult> {
  const c = services.config;
  if (!c.DISCORD_ANNOUNCE_CHANNEL || !c.DISCORD_TOKEN) {
    const reason = !c.DISCORD_TOKEN ? 'DISCORD_TOKEN is not set' : 'DISCORD_ANNOUNCE_CHANNEL is not set';
    services.logger.info(`announce: discord skipped (${reason})`);
    return { platform: 'discord', status: 'skipped', reason };
  }
  const channel = c.DISCORD_ANNOUNCE_CHANNEL;
  try {
    const { files, chartFailed } = await replyAttachments(reply, services, render);
    // Loaded here, after the chart renderer may have run: see discord/preload.ts.
    preloadDiscordJs();
    const [{ REST }, { discordPayload }, { postToChannel }] = await Promise.all([
      import('discord.js'),
      import('./discord/reply-message.js'),
      import('./discord/deliver.js'),
    ]);
    const rest = new REST({ version: '10', api: c.DISCORD_API_URL }).setToken(c.DISCORD_TOKEN);
    const posted = await postToChannel(
      rest,
      channel,
      discordPayload({ ...reply, ephemeral: false }, files, createActionStore(), { chartFailed }),
    );
    services.logger.info('announce: posted to discord', { channel, message: posted.id });
    return { platform: 'discord', status: 'posted', channel, id: posted.id, files: files.map((f) => f.name) };
  } catch (err) {
    services.logger.error('announce: discord failed', { err, channel });
    return { platform: 'discord', status: 'failed', channel, error: (err as Error).message };
  }
}

async function toSlack(reply: Reply, services: Services, render: RenderPng): Promise<AnnounceResult> {
  const c = services.config;
  if (!c.SLACK_ANNOUNCE_CHANNEL || !c.SLACK_BOT_TOKEN) {
    const reason = !c.SLACK_BOT_TOKEN ? 'SLACK_BOT_TOKEN is not set' : 'SLACK_ANNOUNCE_CHANNEL is not set';
    services.logger.info(`announce: slack skipped (${reason})`);
    return { platform: 'slack', status: 'skipped', reason };
  }
  const channel = c.SLACK_ANNOUNCE_CHANNEL;
  try {
    const client = new webApi.WebClient(c.SLACK_BOT_TOKEN, {
      slackApiUrl: c.SLACK_API_URL,
      retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 1000 },
      timeout: 10_000,
    });
    const d = await deliverSlack(
      client,
      { ...reply, ephemeral: false },
      { channel },
      { services, store: createActionStore(), renderPng: render },
    );
    services.logger.info('announce: posted to slack', { channel, ts: d.ts });
    return { platform: 'slack', status: 'posted', channel, id: d.ts ?? null, files: d.files };
  } catch (err) {
    services.logger.error('announce: slack failed', { err, channel });
    return { platform: 'slack', status: 'failed', channel, error: (err as Error).message };
  }
}

/** Never throws: `hfbot refresh` must finish even when a chat platform is down. */
export async function announce(
  reply: Reply,
  services: Services,
  opts: AnnounceOptions = {},
): Promise<AnnounceResult[]> {
  // Both platforms share one rendering of the chart.
  const render = renderOnce(opts.renderPng);
  return Promise.all([toDiscord(reply, services, render), toSlack(reply, services, render)]);
}
