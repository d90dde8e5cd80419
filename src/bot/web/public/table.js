// A reply's table as DOM (issue 13 item 3): numbers right-aligned, http(s) links clickable
// (nothing else a cell may hold), long cells wrapped and the longest clamped with "more", the
// whole table scrolling inside its bubble, and a link to the CSV when rows are left out.
import { el } from './dom.js';

// The table scrolls inside its bubble; past this many rows the CSV (linked under it) has the rest.
const MAX_ROWS = 500;

// Formatted numbers ("0.900", "< 0.001", "26,095") line up on the right like numbers do; the
// same pattern as NUMERIC_CELL in src/format/numbers.ts.
const NUMERIC_CELL = /^(< )?-?\d[\d,]*(\.\d+)?%?$/;

function isNumeric(rows, i) {
  return (
    rows.length > 0 && rows.every((r) => r[i] === null || typeof r[i] === 'number' || NUMERIC_CELL.test(String(r[i])))
  );
}

/** Text cells longer than this wrap inside a bounded width instead of stretching the table. */
const LONG_CELL = 32;
const URL_RE = /https?:\/\/[^\s<>"'`]+/g;

/** An http(s) URL, or null: only these become links (a cell may hold anything a user typed). */
function safeUrl(text) {
  const t = text.replace(/[.,;:!?)\]]+$/, '');
  try {
    const u = new URL(t);
    return u.protocol === 'http:' || u.protocol === 'https:' ? { href: u.href, text: t } : null;
  } catch {
    return null;
  }
}

function link(href, text) {
  return el('a', { href, text, target: '_blank', rel: 'noopener noreferrer' });
}

/** Text with its http(s) URLs as links; everything else stays text (textContent, never markup). */
export function linkified(text) {
  const out = [];
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    const u = safeUrl(m[0]);
    if (!u) continue;
    if (m.index > last) out.push(document.createTextNode(text.slice(last, m.index)));
    out.push(link(u.href, u.text));
    last = m.index + u.text.length;
  }
  if (last < text.length) out.push(document.createTextNode(text.slice(last)));
  return out;
}

/** Cells longer than this show their first lines and a "more" button that expands them. */
const CLAMP_CELL = 120;

function cellNode(v, numeric) {
  if (v === null) return el('td', { class: numeric ? 'num' : undefined });
  const text = String(v);
  if (numeric) return el('td', { class: 'num', text });
  const td = el('td', { class: text.length > LONG_CELL ? 'long' : undefined });
  if (text.length <= CLAMP_CELL) {
    td.append(...linkified(text));
    return td;
  }
  const body = el('div', { class: 'clamp' }, ...linkified(text));
  const more = el('button', { type: 'button', class: 'more', 'aria-expanded': 'false', text: 'more' });
  more.addEventListener('click', () => {
    const open = td.classList.toggle('expanded');
    more.setAttribute('aria-expanded', String(open));
    more.textContent = open ? 'less' : 'more';
  });
  td.append(body, more);
  return td;
}

const count = (n) => n.toLocaleString('en-US');

export function tableNode(reply, label) {
  const table = reply.table;
  const rows = table.rows.slice(0, MAX_ROWS);
  const total = reply.tableRows ?? table.rows.length;
  const numeric = table.columns.map((_, i) => isNumeric(table.rows, i));
  const head = el(
    'tr',
    {},
    ...table.columns.map((c, i) => el('th', { scope: 'col', class: numeric[i] ? 'num' : undefined, text: c })),
  );
  const body = rows.map((r) => el('tr', {}, ...r.map((v, i) => cellNode(v, numeric[i]))));
  const t = el(
    'table',
    {},
    el('caption', { class: 'visually-hidden', text: label }),
    el('thead', {}, head),
    el('tbody', {}, ...body),
  );
  // Focusable so keyboard users can scroll a wide table sideways; it scrolls inside the bubble.
  const wrap = el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': label }, t);
  const box = el('div', { class: 'table-box' }, wrap);
  if (total > rows.length && reply.csvUrl)
    box.append(
      el(
        'p',
        { class: 'note table-note' },
        `First ${count(rows.length)} of ${count(total)} rows; all ${count(total)} are in `,
        el('a', { href: reply.csvUrl, download: reply.csvName || '', text: reply.csvName || 'the CSV' }),
        '.',
      ),
    );
  return box;
}
