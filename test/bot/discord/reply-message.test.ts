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
  // The general long-answer rule (long-answer.ts) decides how /trends splits; what /trends needs on
  // top: its headline text whole and first, the table whole-rowed and fenced, the headline types
  // (llama, whisper, vit) at the top of it, and the chart under its own name on the last embed.
  it.each(['/trends', '/trends sort:name', '/trends significant:true'])(
    '%s: within the embed limits, the text whole and first, the table fenced, the chart named',
    async (cmd) => {
      const reply = await runCommandText(cmd, { user: testUser(), services }, commands);
      const png = { name: reply.chartName!.file, contentType: 'image/png', data: Buffer.from([1]), chart: true };
      const p = discordPayload(reply, [png], createActionStore(), { raw: cmd });
      const descs = p.embeds.map((e) => e.description ?? '');
      // Discord's Embed Limits: description 4,096 characters each, 6,000 over the message's embeds.
      for (const d of descs) expect(d.length).toBeLessThanOrEqual(4096);
      expect(descs.join('').length + (p.embeds.at(-1)!.footer?.text.length ?? 0)).toBeLessThanOrEqual(6000);
      expect(descs[0]!.startsWith(reply.text)).toBe(true);
      for (const d of descs) expect((d.match(/```/g) ?? []).length % 2).toBe(0);
      const table = descs.find((d) => d.includes('```'))!;
      const rows = table.split('```')[1]!.trim().split('\n').slice(2);
      expect(rows.length).toBeGreaterThan(5);
      for (const r of rows) expect(r.split(/\s{2,}/).length).toBeGreaterThanOrEqual(8);
      if (cmd !== '/trends sort:name') expect(rows[0]!.split(/\s+/)[0]).toBe('llama');
      const total = reply.table!.rows.length;
      if (rows.length < total) expect(table).toContain(`First ${rows.length} of ${total} rows`);
      else expect(rows.length).toBe(total); // significant:true: its 9 rows all fit
      expect(p.embeds.at(-1)!.image).toEqual({ url: `attachment://${reply.chartName!.file}` });
      expect(p.embeds.slice(0, -1).every((e) => !e.image)).toBe(true);
    },
  );
});
