/** A Reply as the JSON the chat page renders; URLs point at the lazily drawn chart and the CSV. */
import type { Reply, ReplyAction, ReplyTable } from '../../reply.js';
import { provenanceLine } from '../format-text.js';
import type { CachedReply } from './reply-cache.js';
import { downloadName } from './csv.js';
import { tableCsvName } from '../reply-attachments.js';

export interface WebReply {
  id: string;
  text: string;
  table: ReplyTable | null;
  provenance: string | null;
  data: Record<string, unknown>;
  chartUrl: string | null;
  /** Alt text for the chart image: the chart's own title or description, else the reply's first line. */
  chartAlt: string | null;
  /** The name the PNG downloads as: the command's own (trend-llama.png). */
  chartFile: string | null;
  csvUrl: string | null;
  /** The name the CSV downloads as (every row of the table, also when only the first are shown). */
  csvName: string | null;
  /** Rows of the whole table (more than `table.rows` when the command listed only the first). */
  tableRows: number | null;
  /** Every file the reply carries (/code export's CSV ...), each with its download URL. */
  files: { name: string; url: string; contentType: string; bytes: number }[];
  actions: ReplyAction[];
  thread: { title: string } | null;
  ephemeral: boolean;
  error: { code: string; message: string } | null;
}

function chartAlt(reply: Reply): string {
  const c = reply.chart as { title?: unknown; description?: unknown } | null | undefined;
  const title =
    typeof c?.title === 'string'
      ? c.title
      : typeof (c?.title as { text?: unknown })?.text === 'string'
        ? String((c!.title as { text: string }).text)
        : '';
  const desc = typeof c?.description === 'string' ? c.description : '';
  const first = reply.text.split('\n')[0] ?? '';
  return ['Chart', title || desc || first].filter(Boolean).join(': ');
}

/** The command's chart file name, else one made from what was typed. */
export function chartFile(entry: CachedReply): string {
  return entry.reply.chartName?.file ?? downloadName(entry.raw, 'png');
}

export function toWebReply(entry: CachedReply): WebReply {
  const r = entry.reply;
  const hasTable = Boolean(r.table?.columns.length);
  return {
    id: entry.id,
    text: r.text,
    table: hasTable ? r.table! : null,
    provenance: provenanceLine(r.provenance) || null,
    data: r.data ?? {},
    // A reply too large to keep is answered, but offers no downloads that would 404.
    chartUrl: r.chart && entry.kept ? `/api/chart/${entry.id}.png` : null,
    chartAlt: r.chart ? chartAlt(r) : null,
    chartFile: r.chart && entry.kept ? chartFile(entry) : null,
    csvUrl: hasTable && entry.kept ? `/api/csv/${entry.id}.csv` : null,
    csvName: hasTable ? tableCsvName(r, entry.raw) : null,
    tableRows: hasTable ? (r.table!.complete?.rows ?? r.table!.rows.length) : null,
    // Like the chart and the CSV: a reply too large to keep lists no file that would 404.
    files: entry.kept
      ? (r.files ?? []).map((f, i) => ({
          name: f.name,
          url: `/api/file/${entry.id}/${i}`,
          contentType: f.contentType,
          bytes: typeof f.content === 'string' ? Buffer.byteLength(f.content, 'utf8') : f.content.byteLength,
        }))
      : [],
    actions: r.actions ?? [],
    thread: r.thread ?? null,
    ephemeral: Boolean(r.ephemeral),
    error: r.error ?? null,
  };
}
