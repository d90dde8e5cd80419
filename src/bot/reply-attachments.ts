/**
 * The files a chat reply carries: the chart as PNG (when it renders) plus any Reply.files.
 * Rendering failures never cost the user the answer: they are logged and the text goes out alone;
 * a chart refused because its owner already has charts being drawn (E_BUSY) says so instead.
 */
import { isHfbotError } from '../errors.js';
import type { Reply } from '../reply.js';
import type { Services } from '../services.js';

/** `owner` ("slack:U123") is who the chart is for: the renderer limits charts per owner. */
export type RenderPng = (reply: Reply, services: Services, opts?: { owner?: string }) => Promise<Uint8Array>;

export interface Attachment {
  name: string;
  contentType: string;
  data: Buffer;
}

export const CHART_FILE = 'chart.png';

export const defaultRender: RenderPng = async (reply, services, opts) => {
  // Loaded lazily: the chart pipeline (pool, vega in its threads) is heavy and most replies have no chart.
  const { renderReplyPng } = await import('../render/reply-png.js');
  return renderReplyPng(reply, services, opts?.owner ? { owner: opts.owner } : {});
};

/** The PNG, or null when it could not be drawn; a refusal the user should hear about (E_BUSY) is thrown. */
export async function chartPng(
  reply: Reply,
  services: Services,
  render: RenderPng = defaultRender,
  owner?: string,
): Promise<Buffer | null> {
  if (!reply.chart) return null;
  try {
    return Buffer.from(await render(reply, services, owner ? { owner } : {}));
  } catch (err) {
    if (isHfbotError(err) && err.code === 'E_BUSY') throw err;
    services.logger.error('chart rendering failed; answering with text only', { err });
    return null;
  }
}

export async function replyAttachments(
  reply: Reply,
  services: Services,
  render?: RenderPng,
  owner?: string,
): Promise<{ files: Attachment[]; chartFailed: boolean; chartNote?: string }> {
  const files: Attachment[] = [];
  let note: string | undefined;
  const png = await chartPng(reply, services, render, owner).catch((err: Error) => {
    services.logger.info('chart not drawn: renderer busy', { owner });
    note = err.message;
    return null;
  });
  if (png) files.push({ name: CHART_FILE, contentType: 'image/png', data: png });
  for (const f of reply.files ?? []) {
    files.push({
      name: f.name,
      contentType: f.contentType,
      data: typeof f.content === 'string' ? Buffer.from(f.content, 'utf8') : Buffer.from(f.content),
    });
  }
  return { files, chartFailed: Boolean(reply.chart) && !png, ...(note ? { chartNote: note } : {}) };
}

/** Renders at most once however many platforms ask (announcements go to Discord and Slack). */
export function renderOnce(render: RenderPng = defaultRender): RenderPng {
  let result: Promise<Uint8Array> | undefined;
  return (reply, services, opts) => (result ??= render(reply, services, opts));
}
