/**
 * The one rule for answers longer than a platform allows (issue 13 item 1). The Discord and
 * Slack builders give only their limits, their code fence and their escaping:
 *
 * - the text comes first (the headline), cut only between lines and never inside a fenced block;
 *   what does not fit in one container goes on in the next (embed, section), and what does not
 *   fit in the message at all is cut at a line and said to continue in an attached text file;
 * - the table shows its first rows that fit, each whole, and says "first N of M rows" and which
 *   attached CSV holds every row;
 * - `extra` lines (a chart that could not be drawn) are always shown.
 *
 * Lengths are JavaScript string lengths (UTF-16 code units), never fewer than the characters
 * Discord and Slack count, so what passes here passes there.
 */
import type { ReplyTable } from '../reply.js';
import { msg } from '../messages/index.js';
import { fitTable, tableText } from './fit-table.js';
import { packText } from './fit-text.js';

export interface ContainerLimits {
  /** Characters per container (Discord embed description, Slack section text). */
  max: number;
  /** Containers per message. */
  containers: number;
  /** Characters over all containers of the message. */
  total: number;
}

export interface ComposeOptions {
  /** The table as the platform shows it: a code fence (Slack also escapes the body). */
  fence(body: string): string;
  /** Escapes text the platform would read as markup (Slack's &, <, >). */
  escape?(text: string): string;
  /** The file holding every row (null: this answer cannot carry files, e.g. Slack private answers). */
  csvName: string | null;
  /** The table in a container of its own (Slack: its own section), never after the text. */
  tableApart?: boolean;
  /** The file the whole text is attached as when it does not fit (null: cannot attach). */
  textName: string | null;
  extra?: string[];
}

export interface Composed {
  chunks: string[];
  /** False when the text was cut (attach the whole text as `textName`). */
  textComplete: boolean;
  table: { shown: number; total: number } | null;
}

function tableNote(shown: number, total: number, csvName: string | null): string {
  if (!csvName) return shown < total ? msg.platforms.firstRowsNoFile(shown, total) : '';
  return shown < total ? msg.platforms.firstRows(shown, total, csvName) : msg.platforms.allRowsIn(total, csvName);
}

/** Appends `piece` to the last chunk when it fits there, else starts a chunk (if one is left). */
function place(chunks: string[], piece: string, limits: ContainerLimits, sep = '\n\n', join = true): boolean {
  const last = chunks.at(-1);
  if (join && last !== undefined && last.length + sep.length + piece.length <= limits.max) {
    chunks[chunks.length - 1] = last + sep + piece;
    return true;
  }
  if (chunks.length >= limits.containers || piece.length > limits.max) return false;
  chunks.push(piece);
  return true;
}

export function composeAnswer(
  text: string,
  table: ReplyTable | undefined,
  limits: ContainerLimits,
  o: ComposeOptions,
): Composed {
  const esc = o.escape ?? ((s: string) => s);
  const extra = (o.extra ?? []).map(esc).join('\n');
  const hasTable = Boolean(table?.rows.length);
  // What the whole table would take; the text leaves it up to a third of the message.
  const tableFull = hasTable ? o.fence(tableText(table!, table!.rows.length)).length + 160 : 0;
  const reserve = Math.min(tableFull, Math.floor(limits.total / 3)) + (extra ? extra.length + 2 : 0);
  const room = { ...limits, total: limits.total - reserve };
  let packed = packText(esc(text || ' '), room);
  const textComplete = packed.complete;
  if (!textComplete) {
    // Cut: the rest is said to continue in the attached file (or said to be left out).
    const note = esc(o.textName ? msg.platforms.textContinues(o.textName) : msg.platforms.textCut);
    packed = packText(esc(text), { ...room, total: room.total - note.length - 2 });
    if (!place(packed.chunks, note, limits, '\n')) {
      // Every container was full: give one back to the note.
      packed = packText(esc(text), { ...room, containers: room.containers - 1, total: room.total - note.length - 2 });
      place(packed.chunks, note, limits, '\n');
    }
  }
  const chunks = packed.chunks.length ? packed.chunks : [' '];
  const used = () => chunks.reduce((s, c) => s + c.length, 0);
  let shown: Composed['table'] = null;
  if (hasTable) {
    const t = table!;
    // A table listing only its first rows (table.complete) counts the rows of the whole table.
    const total = t.complete?.rows ?? t.rows.length;
    const note = esc(tableNote(t.rows.length, total, o.csvName));
    const longest = Math.max(note.length, esc(tableNote(0, total, o.csvName)).length);
    const left = limits.total - used() - (extra ? extra.length + 2 : 0) - 2;
    const last = chunks.at(-1)!;
    // In the last container when it has room, else in a container of its own.
    const inLast = o.tableApart ? 0 : limits.max - last.length - 2;
    const own = chunks.length < limits.containers ? limits.max : 0;
    const budget = Math.min(Math.max(inLast, own), left) - longest - 1;
    const fitted = budget > 0 ? fitTable(t, budget, o.fence) : null;
    const n = fitted?.shown ?? 0;
    const line = esc(tableNote(n, total, o.csvName));
    const piece = fitted ? `${fitted.block}\n${line}` : line;
    if (piece && place(chunks, piece, limits, '\n\n', !o.tableApart)) shown = { shown: n, total };
  }
  if (extra) place(chunks, extra, limits);
  return { chunks, textComplete, table: shown };
}
