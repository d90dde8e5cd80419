/** Announcements on Discord through REST only: no gateway session is needed to post. */
import type { Announcer } from '../../jobs/announce.js';
import type { Services } from '../../services.js';
import { createActionStore } from '../action-store.js';
import { ANNOUNCE_NAME, replyAttachments, type RenderPng } from '../reply-attachments.js';
import { preloadDiscordJs } from './preload.js';

export function discordAnnouncer(services: Services, render: RenderPng): Announcer {
  const c = services.config;
  return {
    platform: 'discord',
    target: () =>
      !c.DISCORD_TOKEN
        ? { skip: 'DISCORD_TOKEN is not set' }
        : !c.DISCORD_ANNOUNCE_CHANNEL
          ? { skip: 'DISCORD_ANNOUNCE_CHANNEL is not set' }
          : { channel: c.DISCORD_ANNOUNCE_CHANNEL },
    async post(reply, channel) {
      const { files, chartFailed } = await replyAttachments(reply, services, render, { raw: ANNOUNCE_NAME });
      // Loaded here, after the chart renderer may have run: see discord/preload.ts.
      preloadDiscordJs();
      const [{ REST }, { discordPayload }, { postToChannel }] = await Promise.all([
        import('discord.js'),
        import('./reply-message.js'),
        import('./deliver.js'),
      ]);
      const rest = new REST({ version: '10', api: c.DISCORD_API_URL }).setToken(c.DISCORD_TOKEN!);
      const posted = await postToChannel(
        rest,
        channel,
        discordPayload(reply, files, createActionStore(), { chartFailed, raw: ANNOUNCE_NAME }),
      );
      return { id: posted.id, files: files.map((f) => f.name) };
    },
  };
}
