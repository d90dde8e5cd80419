/** A Reply as plain text (CLI, logs, platforms' fallback text). */
import type { Provenance, Reply, ReplyTable } from '../reply.js';
import { NUMERIC_CELL } from '../format/numbers.js';

export function provenanceLine(p: Provenance | null): string {
  if (!p) return '';
  const parts = [`dataset ${p.datasetVersion}`];
  if (p.sources.length) parts.push(`source: ${p.sources.join(', ')}`);
  if (p.window) parts.push(`window ${p.window.from}..${p.window.to}`);
  if (p.n !== undefined && p.n !== null) parts.push(`n=${p.n}`);
  if (p.note) parts.push(p.note);
  return parts.join(' | ');
}

export function formatTable(t: ReplyTable, maxRows = 40): string {
  const rows = t.rows.slice(0, maxRows).map((r) => r.map((c) => (c === null ? '' : String(c))));
  const widths = t.columns.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)));
  // Formatted numbers ("0.900", "< 0.001") line up on the right like numbers do.
  const numeric = t.columns.map((_, i) =>
    t.rows.every((r) => r[i] === null || typeof r[i] === 'number' || NUMERIC_CELL.test(String(r[i]))),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out = [line(t.columns), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  if (t.rows.length > maxRows) out.push(`... ${t.rows.length - maxRows} more rows`);
  return out.join('\n');
}

export function formatReplyText(r: Reply, opts: { table?: boolean } = {}): string {
  const parts = [r.text];
  if (r.table && opts.table !== false && r.table.rows.length) parts.push(formatTable(r.table));
  const prov = provenanceLine(r.provenance);
  if (prov) parts.push(`(${prov})`);
  return parts.join('\n\n');
}
