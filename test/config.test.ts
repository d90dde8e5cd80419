import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { tempDir } from './helpers/dataset.js';

describe('config', () => {
  it('defaults to the embedded database and the local chat on 127.0.0.1, no platform configured', () => {
    const c = loadConfig({}, tempDir());
    expect(c.HFBOT_DB).toBe('data/hfbot.sqlite');
    expect(c.HFBOT_WEB_HOST).toBe('127.0.0.1');
    expect(c.discord.enabled).toBe(false);
    expect(c.slack).toEqual({ enabled: false, mode: 'off' });
    expect(c.DISCORD_API_URL).toBe('https://discord.com/api');
  });

  it('reads .env, with real environment variables taking precedence', () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, '.env'),
      'HFBOT_WEB_PORT=9100\nSLACK_BOT_TOKEN=xoxb-file\nSLACK_SIGNING_SECRET=s3cret\n',
    );
    const c = loadConfig({ HFBOT_WEB_PORT: '9200' }, dir);
    expect(c.HFBOT_WEB_PORT).toBe(9200);
    expect(c.slack).toEqual({ enabled: true, mode: 'http' });
  });

  it('chooses Socket Mode when an app token is set', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }, tempDir()).slack.mode).toBe('socket');
  });

  it('names a malformed variable and what is wrong with it', () => {
    expect(() => loadConfig({ HFBOT_WEB_PORT: 'eighty' }, tempDir())).toThrow(
      /^Configuration: HFBOT_WEB_PORT is invalid: .* \(got "eighty"\)\.$/,
    );
    expect(() => loadConfig({ DISCORD_API_URL: 'not a url' }, tempDir())).toThrow(
      /Configuration: DISCORD_API_URL is invalid/,
    );
  });

  it('names the missing partner of an incomplete platform configuration', () => {
    expect(() => loadConfig({ DISCORD_TOKEN: 't' }, tempDir())).toThrow(
      'Configuration: DISCORD_TOKEN is set but DISCORD_APPLICATION_ID is missing.',
    );
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb' }, tempDir())).toThrow(
      /SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN/,
    );
  });
});
