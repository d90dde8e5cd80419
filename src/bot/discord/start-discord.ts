/**
 * The Discord PlatformStarter for `hfbot serve`. Kept free of SDK imports: the Discord SDK is loaded
 * only when Discord is configured, so a web-chat-only start does not pay for it.
 */
import type { PlatformStarter } from '../platforms.js';
import { preloadDiscordJs } from './preload.js';

/** null (with a log line) when Discord is not configured. */
export const startDiscord: PlatformStarter = async (services) => {
  if (!services.config.discord.enabled) {
    services.logger.info('discord: not configured (set DISCORD_TOKEN and DISCORD_APPLICATION_ID); skipping');
    return null;
  }
  // The chart renderer may already be loaded (web chat); see preload.ts.
  preloadDiscordJs();
  const { createDiscordBot } = await import('./discord-bot.js');
  return createDiscordBot(services);
};
