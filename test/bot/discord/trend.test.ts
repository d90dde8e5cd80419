/** The scenario on the real registry and the real chart renderer: /trend llama on Discord. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordBot, type RunningDiscord } from '../../../src/bot/discord/discord-bot.js';
import { commands } from '../../../src/commands/index.js';
import { APP_ID, startFakeDiscord, type FakeDiscord } from '../../helpers/fake-discord.js';
import { testServices } from '../../helpers/dataset.js';
import { isPng } from '../test-commands.js';

const hasTrend = commands.some((c) => c.definition.name === 'trend');

describe.runIf(hasTrend)('bot/discord /trend end to end', () => {
  let fake: FakeDiscord;
  let bot: RunningDiscord;
  let services: Awaited<ReturnType<typeof testServices>>;
  beforeAll(async () => {
    fake = await startFakeDiscord();
    services = await testServices({
      DISCORD_TOKEN: 'fake-token',
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_URL: fake.apiUrl,
    });
    bot = await createDiscordBot(services);
  });
  afterAll(async () => {
    await bot?.close();
    await fake?.close();
    services?.db.close();
  });

  it('/trend model:llama: deferred callback, then the edit carries the text and a real PNG chart', async () => {
    const x = fake.chatInput('trend', [{ name: 'model', type: 3, value: 'llama' }]);
    const cb = await fake.waitFor(() => fake.forInteraction(x).find((r) => r.path.endsWith('/callback')));
    expect((cb.body as { type: number }).type).toBe(5);
    const edit = await fake.waitFor(() => fake.forInteraction(x).find((r) => r.method === 'PATCH'), 20_000);
    const embed = (
      edit.body as { embeds: { description: string; image?: { url: string }; footer?: { text: string } }[] }
    ).embeds[0]!;
    expect(embed.description.toLowerCase()).toContain('llama');
    // Named after the command; the embed must reference the uploaded file's exact name.
    expect(embed.image).toEqual({ url: 'attachment://trend-llama.png' });
    expect(embed.footer?.text).toMatch(/^dataset saner2024-/);
    expect(edit.files.map((f) => f.name)).toEqual(['trend-llama.png', 'trend-llama.csv']);
    expect((edit.body as { attachments: unknown[] }).attachments).toEqual([
      // discord.js names the file in its multipart part and sends the alt text here (attachment request structure).
      expect.objectContaining({ id: '0', description: '/trend llama: forum mentions vs Hub uploads' }),
      expect.objectContaining({ id: '1' }),
    ]);
    expect(isPng(edit.files[0]!.bytes)).toBe(true);
    expect(edit.files[0]!.bytes.length).toBeGreaterThan(5000);
  });

  it('a model that does not exist gets an ephemeral error that names it', async () => {
    const x = fake.chatInput('trend', [{ name: 'model', type: 3, value: 'llamma-not-a-model' }]);
    const f = await fake.waitFor(
      () => fake.forInteraction(x).find((r) => r.method === 'POST' && r.path.startsWith('/webhooks/')),
      20_000,
    );
    expect(f.body).toMatchObject({ flags: 64, content: expect.stringContaining('llamma-not-a-model') });
  });
});
