/** Reply -> Discord payload on real answers: within Discord's limits, code fences closed. */
import { beforeAll, describe, expect, it } from 'vitest';
import { discordPayload } from '../../../src/bot/discord/reply-message.js';
import { createActionStore } from '../../../src/bot/action-store.js';
import { runCommandText } from '../../../src/commands/run.js';
import { commands } from '../../../src/commands/index.js';
import type { Services } from '../../../src/commands/types.js';
import { testServices, testUser } from '../../helpers/dataset.js';

let services: Services;
beforeAll(async () => {
  services = await testServices();
});

describe('bot/discord/reply-message', () => {
  it.each(['/trends', '/trends sort:name', '/trends significant:true'])(
    '%s: the embed fits 4,096 characters with the text whole and the table fenced',
    async (cmd) => {
      const reply = await runCommandText(cmd, { user: testUser(), services }, commands);
      const png = { name: reply.chartName!.file, contentType: 'image/png', data: Buffer.from([1]), chart: true };
      const p = discordPayload(reply, [png], createActionStore());
      const desc = p.embeds[0]!.description!;
      // Discord's embed description limit (Embed Limits: description 4096 characters).
      expect(desc.length).toBeLessThanOrEqual(4096);
      expect(desc.startsWith(reply.text)).toBe(true);
      expect((desc.match(/```/g) ?? []).length).toBe(2);
      expect(desc.trimEnd().endsWith('```')).toBe(true);
      expect(p.embeds[0]!.image).toEqual({ url: `attachment://${reply.chartName!.file}` });
    },
  );
});
