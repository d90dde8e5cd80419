/**
 * What "an answer reaches people whole" means on a chat platform (issue 13 item 1), checked on
 * the texts a payload shows (embed descriptions, section texts, message content) and the files
 * it attaches: no code fence left open, the table's rows shown whole and from the top with
 * "first N of M rows", every row in the attached CSV, and the text either all there or attached.
 */
import { expect } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { Reply } from '../../src/reply.js';
import { neutraliseFormula } from '../../src/csv.js';

export interface Shown {
  /** The container texts, in order, as the platform shows them (Slack's unescaped). */
  texts: string[];
  files: { name: string; data: Buffer }[];
  /** The CSV the answer names (null: this answer cannot carry files). */
  csvName: string | null;
}

export const unescapeSlack = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

const FENCE = /```\n?([\s\S]*?)\n?```/g;

/** The chat form of a cell: long text shortened with "…" (the CSV keeps it whole). */
const chatCell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
};

export function checkAnswer(reply: Reply, shown: Shown): void {
  for (const t of shown.texts) expect((t.match(/```/g) ?? []).length % 2, `open fence in:\n${t}`).toBe(0);
  const all = shown.texts.join('\n');
  checkText(reply, shown, all);
  if (reply.table?.rows.length) checkTable(reply, shown, all);
}

function checkText(reply: Reply, shown: Shown, all: string): void {
  const txt = shown.files.find((f) => f.name.endsWith('.txt'));
  if (txt) {
    // Cut text: the attachment holds all of it, and what is shown is its first lines, whole.
    expect(txt.data.toString('utf8').startsWith(reply.text)).toBe(true);
    expect(all).toMatch(/continues in \S+\.txt|did not fit/);
  }
  const lines = reply.text.split('\n').filter((l) => l.trim());
  const missing = lines.filter((l) => !all.includes(l));
  if (!txt && !/did not fit/.test(all)) expect(missing, 'text lines missing').toEqual([]);
  else expect(lines.slice(0, 1).every((l) => all.includes(l))).toBe(true);
}

function checkTable(reply: Reply, shown: Shown, all: string): void {
  const t = reply.table!;
  const total = t.complete?.rows ?? t.rows.length;
  const block = [...all.matchAll(FENCE)].map((m) => m[1]!).find((b) => b.trimStart().startsWith(t.columns[0]!));
  const rowLines = block ? block.split('\n').slice(2) : [];
  // Rows from the top, each whole: its first cell leads the line, every cell is on it.
  rowLines.forEach((line, i) => {
    const row = t.rows[i]!;
    expect(line.trimStart().startsWith(chatCell(row[0]!)), `row ${i}: ${line}`).toBe(true);
    for (const c of row) expect(line).toContain(chatCell(c));
  });
  const n = rowLines.length;
  if (shown.csvName) {
    const f = (x: number) => x.toLocaleString('en-US');
    const note =
      n < total
        ? `First ${f(n)} of ${f(total)} rows; all ${f(total)} are in ${shown.csvName}.`
        : `The table (${f(total)} rows) is also attached as ${shown.csvName}.`;
    expect(all).toContain(note);
    checkCsv(reply, shown);
  } else if (n < total)
    expect(all).toContain(`First ${n.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} rows`);
}

/** The attached CSV holds every row (all `complete.rows` when the reply lists only the first). */
function checkCsv(reply: Reply, shown: Shown): void {
  const t = reply.table!;
  const file = shown.files.find((f) => f.name === shown.csvName);
  expect(file, `attachment ${shown.csvName}`).toBeDefined();
  const records = parse(file!.data.toString('utf8'), { relax_column_count: false }) as string[][];
  expect(records[0]).toEqual(t.columns);
  expect(records.length - 1).toBe(t.complete?.rows ?? t.rows.length);
  const cell = (v: string | number | null) =>
    v === null ? '' : typeof v === 'number' ? String(v) : neutraliseFormula(v);
  if (!t.complete) {
    t.rows.forEach((row, i) => {
      expect(records[i + 1]).toEqual(row.map(cell));
    });
  } else {
    // The listed rows (a selection, e.g. the lowest kappas) are among all rows of the file.
    const keys = new Set(records.slice(1).map((r) => JSON.stringify(r)));
    for (const row of t.rows) expect(keys.has(JSON.stringify(row.map(cell))), JSON.stringify(row)).toBe(true);
  }
}
