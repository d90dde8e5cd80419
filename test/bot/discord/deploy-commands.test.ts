import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCommandsCli } from '../../../src/bot/cli/deploy-commands.js';
import { discordCommands } from '../../../src/bot/discord/commands-json.js';
import { commands } from '../../../src/commands/index.js';
import { APP_ID, GUILD_ID, startFakeDiscord, type FakeDiscord } from '../../helpers/fake-discord.js';
import { tempDir } from '../../helpers/dataset.js';
import type { CliIo } from '../../../src/bot/cli/io.js';

describe('bot/cli/deploy-commands', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord();
  });
  afterAll(async () => {
    await fake?.close();
  });
  const io = (env: Record<string, string>) => {
    const out: string[] = [];
    const err: string[] = [];
    const cio: CliIo = { out: (s) => void out.push(s), err: (s) => void err.push(s), env, cwd: tempDir() };
    return { out, err, cio };
  };
  const env = () => ({ DISCORD_TOKEN: 'fake-token', DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl });

  it('PUTs the slash commands into one guild with --guild, authenticated with the bot token', async () => {
    const { out, cio } = io(env());
    expect(await deployCommandsCli.run({ guild: GUILD_ID }, [], cio)).toBe(0);
    const put = fake.requests.find((r) => r.method === 'PUT')!;
    expect(put.path).toBe(`/applications/${APP_ID}/guilds/${GUILD_ID}/commands`);
    expect(put.body).toEqual(JSON.parse(JSON.stringify(discordCommands(commands))));
    expect(out[0]).toMatch(new RegExp(`^Registered \\d+ slash commands in guild ${GUILD_ID}: /help, /dataset`));
  });

  it('registers globally without --guild', async () => {
    const { out, cio } = io(env());
    expect(await deployCommandsCli.run({}, [], cio)).toBe(0);
    expect(fake.requests.filter((r) => r.method === 'PUT').at(-1)!.path).toBe(`/applications/${APP_ID}/commands`);
    expect(out[0]).toMatch(/globally/);
  });

  it('names the missing variable and a malformed guild id', async () => {
    await expect(deployCommandsCli.run({}, [], io({}).cio)).rejects.toThrow(/DISCORD_TOKEN is not set/);
    await expect(deployCommandsCli.run({ guild: 'my-server' }, [], io(env()).cio)).rejects.toThrow(
      /--guild must be a Discord server id/,
    );
  });
});
