/**
 * The files a chat reply carries: the chart as PNG (when it renders), the table as CSV (every
 * row, through the one CSV writer, for every answer with a table: issue 13 item 1), and any
 * Reply.files. Rendering failures never cost the user the answer: they are logged and the text
 * goes out alone; a chart refused because its owner already has charts being drawn (E_BUSY) says
 * so instead.
 */
import { CSV_CONTENT_TYPE, tableToCsv } from '../csv.js';
import { isHfbotError } from '../errors.js';
import type { ChartName, Reply } from '../reply.js';
import type { Services } from '../services.js';
import { msg } from '../messages/index.js';
import { formatReplyText } from './format-text.js';

/** `owner` ("slack:U123") is who the chart is for: the renderer limits charts per owner. */
export type RenderPng = (reply: Reply, services: Services, opts?: { owner?: string }) => Promise<Uint8Array>;

export interface Attachment {
  name: string;
  contentType: string;
  data: Buffer;
  /** Shown with the file: Slack's file title, Discord's attachment description (alt text). */
  title?: string;
  /** The reply's chart: Discord shows it as the embed's image. */
  chart?: boolean;
}

/** Used only when a command gave its chart no name. */
export const CHART_FILE = 'chart.png';
/** What announcements' files are named after (they come from `hfbot refresh`). */
export const ANNOUNCE_NAME = 'refresh';

/**
 * The stem of an answer's file names: the command as typed (`/taxonomy benefits` ->
 * `taxonomy-benefits`), only [a-z0-9.-] so it is safe in a Content-Disposition header, a Slack
 * filename and Discord's attachment:// reference.
 */
export function answerStem(raw: string): string {
  const stem = raw
    .replace(/^\//, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 60)
    .replace(/[-.]+$/, '');
  return stem || 'answer';
}

/** The name of the CSV holding every row of the reply's table (null: no table). */
export function tableCsvName(reply: Reply, raw: string): string | null {
  if (!reply.table?.columns.length) return null;
  return reply.table.complete?.file ?? `${answerStem(raw)}.csv`;
}

/** The table's CSV, unless the command attached the complete table itself (table.complete). */
export function tableCsv(reply: Reply, raw: string): Attachment | null {
  const name = tableCsvName(reply, raw);
  if (!name || reply.table?.complete) return null;
  return { name, contentType: CSV_CONTENT_TYPE, data: Buffer.from(tableToCsv(reply.table!), 'utf8') };
}

export const textFileName = (raw: string) => `${answerStem(raw)}.txt`;

/** The whole answer as text, attached when it is longer than a message can hold. */
export function textFile(reply: Reply, raw: string): Attachment {
  return {
    name: textFileName(raw),
    contentType: 'text/plain; charset=utf-8',
    data: Buffer.from(formatReplyText(reply, { table: false }), 'utf8'),
  };
}

/** The chart's file name and title: the command's own, else 'chart.png' and the chart's title text. */
export function chartNameOf(reply: Reply): ChartName {
  if (reply.chartName) return reply.chartName;
  const t = (reply.chart as { title?: unknown } | null | undefined)?.title;
  const text =
    typeof t === 'string' ? t : typeof (t as { text?: unknown })?.text === 'string' ? (t as { text: string }).text : '';
  return { file: CHART_FILE, title: text || msg.platforms.chartTitle };
}

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

/** `owner` is who the chart is for (the renderer's per-user limit); `raw`, the command as typed, names the CSV. */
export async function replyAttachments(
  reply: Reply,
  services: Services,
  render?: RenderPng,
  opts: { owner?: string; raw?: string } = {},
): Promise<{ files: Attachment[]; chartFailed: boolean; chartNote?: string }> {
  const { owner, raw = '' } = opts;
  const files: Attachment[] = [];
  let note: string | undefined;
  const png = await chartPng(reply, services, render, owner).catch((err: Error) => {
    services.logger.info('chart not drawn: renderer busy', { owner });
    note = err.message;
    return null;
  });
  if (png) {
    const name = chartNameOf(reply);
    files.push({ name: name.file, contentType: 'image/png', data: png, title: name.title, chart: true });
  }
  const csv = tableCsv(reply, raw);
  if (csv) files.push(csv);
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
