/** What Discord and Slack attach and say when a chart is refused because its owner has too many being drawn. */
import { describe, expect, it } from 'vitest';
import { replyAttachments } from '../../src/bot/reply-attachments.js';
import { HfbotError } from '../../src/errors.js';
import { msg } from '../../src/messages/index.js';
import { memoryLogger } from '../../src/logger.js';
import type { Reply, Services } from '../../src/commands/types.js';

const reply: Reply = { text: 'a chart', data: {}, provenance: null, chart: { mark: 'bar' } };
const services = { logger: memoryLogger() } as unknown as Services;

describe('bot/reply-attachments', () => {
  it('passes the owner to the renderer and turns E_BUSY into a specific note, not an error log', async () => {
    const owners: (string | undefined)[] = [];
    const r = await replyAttachments(
      reply,
      services,
      async (_r, _s, o) => {
        owners.push(o?.owner);
        throw new HfbotError('E_BUSY', msg.core.chartsBusy(3));
      },
      { owner: 'slack:U1' },
    );
    expect(owners).toEqual(['slack:U1']);
    expect(r).toEqual({ files: [], chartFailed: true, chartNote: msg.core.chartsBusy(3) });
    expect((services.logger as ReturnType<typeof memoryLogger>).lines.some((l) => l.level === 'error')).toBe(false);
  });

  it('any other failure is logged and answered with the generic note', async () => {
    const r = await replyAttachments(reply, services, async () => Promise.reject(new Error('resvg exploded')));
    expect(r).toEqual({ files: [], chartFailed: true });
  });
});
