// A reply (the JSON of POST /api/ask) as DOM nodes. Only textContent is ever set from
// server data, so nothing in a reply can inject markup.
import { menuNode } from './menu.js';

const MAX_ROWS = 100;

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c) node.append(c);
  return node;
}

function isNumeric(rows, i) {
  return rows.length > 0 && rows.every((r) => r[i] === null || typeof r[i] === 'number');
}

function tableNode(table, label) {
  const rows = table.rows.slice(0, MAX_ROWS);
  const numeric = table.columns.map((_, i) => isNumeric(table.rows, i));
  const head = el(
    'tr',
    {},
    ...table.columns.map((c, i) => el('th', { scope: 'col', class: numeric[i] ? 'num' : undefined, text: c })),
  );
  const body = rows.map((r) =>
    el(
      'tr',
      {},
      ...r.map((v, i) => el('td', { class: numeric[i] ? 'num' : undefined, text: v === null ? '' : String(v) })),
    ),
  );
  const t = el(
    'table',
    {},
    el('caption', { class: 'visually-hidden', text: label }),
    el('thead', {}, head),
    el('tbody', {}, ...body),
  );
  // Focusable so keyboard users can scroll a wide table sideways.
  const wrap = el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': label }, t);
  if (table.rows.length > MAX_ROWS)
    wrap.append(el('p', { class: 'note', text: `… ${table.rows.length - MAX_ROWS} more rows in the CSV.` }));
  return wrap;
}

function chartNode(reply) {
  const img = el('img', { src: reply.chartUrl, alt: reply.chartAlt || 'Chart', class: 'chart', decoding: 'async' });
  const fig = el('figure', { class: 'chart-figure' }, img);
  const fail = (text) => {
    // The numbers are in the text and table; say the picture is missing instead of a broken icon.
    img.replaceWith(el('p', { class: 'note', text }));
    fig.classList.add('failed');
  };
  img.addEventListener(
    'error',
    async () => {
      // An <img> cannot read why: ask once, and show the server's own reason (e.g. too many charts at once).
      try {
        const res = await fetch(reply.chartUrl);
        if (res.ok) {
          // Drawn by now and kept by the server: load it again (a new URL, so the failure is not reused).
          img.src = `${reply.chartUrl}?again=1`;
          return;
        }
        const body = await res.json();
        fail(body?.error?.message || 'The chart could not be drawn this time; the numbers above are complete.');
      } catch {
        fail('The chart could not be drawn this time; the numbers above are complete.');
      }
    },
    { once: true },
  );
  return fig;
}

function linksNode(reply) {
  const links = [];
  if (reply.chartUrl) links.push(el('a', { href: reply.chartUrl, download: '', text: 'Download PNG' }));
  if (reply.csvUrl) links.push(el('a', { href: reply.csvUrl, download: '', text: 'Download CSV' }));
  return links.length ? el('p', { class: 'downloads' }, ...links) : null;
}

/** Selects and buttons that run the action's command as the current user. */
function actionsNode(actions, run) {
  if (!actions.length) return null;
  const box = el('div', { class: 'actions' });
  for (const a of actions) {
    if (a.type === 'select') {
      // A listbox, not a <select>: short options that wrap, chosen only by a click or Enter (menu.js).
      box.append(menuNode(a, (value) => run(a.command.split('{value}').join(value), box)));
    } else {
      box.append(
        el('button', {
          type: 'button',
          class: a.style || 'secondary',
          text: a.label,
          onclick: () => run(a.command, box),
        }),
      );
    }
  }
  return box;
}

/** The bot's bubble for one reply; `run(command, origin)` sends an action's command. */
export function replyNode(reply, run) {
  const bubble = el(
    'div',
    { class: 'bubble' },
    el('p', { class: 'who-line', text: reply.error ? 'hfbot (error)' : 'hfbot' }),
  );
  bubble.append(el('p', { class: reply.error ? 'text error-text' : 'text', text: reply.text }));
  if (reply.table) bubble.append(tableNode(reply.table, `Table: ${reply.text.split('\n')[0].slice(0, 120)}`));
  if (reply.chartUrl) bubble.append(chartNode(reply));
  const links = linksNode(reply);
  if (links) bubble.append(links);
  const actions = actionsNode(reply.actions || [], run);
  if (actions) bubble.append(actions);
  if (reply.provenance) bubble.append(el('p', { class: 'provenance' }, el('small', { text: reply.provenance })));
  return el('li', { class: `msg bot${reply.error ? ' error' : ''}`, 'data-reply-id': reply.id || undefined }, bubble);
}

export function userNode(name, text) {
  return el(
    'li',
    { class: 'msg user' },
    el('div', { class: 'bubble' }, el('p', { class: 'who-line', text: name }), el('p', { class: 'text', text })),
  );
}

export function pendingNode() {
  return el(
    'li',
    { class: 'msg bot pending' },
    el('div', { class: 'bubble' }, el('p', { class: 'text', text: 'hfbot is working…' })),
  );
}

/** A thread (coding rounds) as its own titled section in the log; action replies go inside it. */
export function threadNode(title) {
  const heading = el('h3', { class: 'thread-title', text: `Thread: ${title}` });
  const log = el('ol', { class: 'thread-log' });
  return {
    item: el(
      'li',
      { class: 'thread', 'data-title': title },
      el('section', { 'aria-label': `Thread: ${title}` }, heading, log),
    ),
    log,
  };
}
