/** A reply's table as RFC 4180 CSV (CRLF line ends; fields quoted only when they must be). */
import type { ReplyTable } from '../../reply.js';

function field(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function tableToCsv(t: ReplyTable): string {
  const lines = [t.columns, ...t.rows].map((row) => row.map(field).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** A file name safe for Content-Disposition, from the command the user typed. */
export function downloadName(raw: string, ext: 'csv' | 'png'): string {
  const base = raw
    .replace(/^\//, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `hfbot-${base || 'reply'}.${ext}`;
}
