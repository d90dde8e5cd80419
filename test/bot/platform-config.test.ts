import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { tempDir } from '../helpers/dataset.js';

describe('bot/platform-config', () => {
  const load = (env: Record<string, string>) => () => loadConfig(env, tempDir());

  it('names a malformed Discord id and says what is expected', () => {
    expect(load({ DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: 'my-app' })).toThrow(
      /^Configuration: DISCORD_APPLICATION_ID is invalid: expected a Discord id of 17-20 digits .* \(got "my-app"\)\.$/,
    );
    expect(load({ DISCORD_ANNOUNCE_CHANNEL: '#general' })).toThrow(
      /DISCORD_ANNOUNCE_CHANNEL is invalid: expected a Discord id/,
    );
    expect(load({ DISCORD_GUILD_ID: '123' })).toThrow(/DISCORD_GUILD_ID is invalid/);
  });

  it('catches swapped Slack tokens and channel names', () => {
    expect(load({ SLACK_BOT_TOKEN: 'xapp-1-A-1-abc', SLACK_APP_TOKEN: 'xapp-1' })).toThrow(
      /SLACK_BOT_TOKEN is invalid: this is an app-level token/,
    );
    expect(load({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-2' })).toThrow(
      /SLACK_APP_TOKEN is invalid: expected an app-level token starting with xapp-/,
    );
    expect(load({ SLACK_ANNOUNCE_CHANNEL: '#research' })).toThrow(
      /SLACK_ANNOUNCE_CHANNEL is invalid: expected a Slack channel id/,
    );
  });

  it('accepts well-formed values; no credentials means the platform is simply off', () => {
    const c = loadConfig(
      {
        DISCORD_TOKEN: 't',
        DISCORD_APPLICATION_ID: '200000000000000001',
        DISCORD_ANNOUNCE_CHANNEL: '200000000000000099',
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_SIGNING_SECRET: 's',
        SLACK_ANNOUNCE_CHANNEL: 'C0123456789',
      },
      tempDir(),
    );
    expect(c.discord.enabled).toBe(true);
    expect(c.slack).toEqual({ enabled: true, mode: 'http' });
    const none = loadConfig({}, tempDir());
    expect(none.discord.enabled).toBe(false);
    expect(none.slack).toEqual({ enabled: false, mode: 'off' });
  });
});
