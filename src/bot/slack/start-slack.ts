/**
 * The Slack PlatformStarter for `hfbot serve`. Kept free of SDK imports: the Slack SDK is loaded
 * only when Slack is configured, so a web-chat-only start does not pay for it.
 */
import type { PlatformStarter } from '../platforms.js';

/** null (with a log line) when Slack is not configured. */
export const startSlack: PlatformStarter = async (services) => {
  if (!services.config.slack.enabled) {
    services.logger.info(
      'slack: not configured (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET or SLACK_APP_TOKEN); skipping',
    );
    return null;
  }
  const { createSlackBot } = await import('./slack-bot.js');
  return createSlackBot(services);
};
