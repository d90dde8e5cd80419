// A reply (the JSON of POST /api/ask) as DOM nodes. Only textContent is ever set from
// server data, so nothing in a reply can inject markup.
import { el } from './dom.js';
import { menuNode } from './menu.js';
import { linkified, tableNode } from './table.js';

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

function kb(bytes) {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(bytes < 10240 ? 1 : 0)} KB`;
}

/** Downloads: the chart, the table as CSV, and every file the reply carries. */
function linksNode(reply) {
  const links = [];
  if (reply.chartUrl)
    links.push(el('a', { href: reply.chartUrl, download: reply.chartFile || '', text: 'Download PNG' }));
  if (reply.csvUrl) links.push(el('a', { href: reply.csvUrl, download: reply.csvName || '', text: 'Download CSV' }));
  // A file that is the table's own CSV (all rows of a table listing its first) has its link already.
  for (const f of (reply.files || []).filter((x) => !(reply.csvUrl && x.name === reply.csvName)))
    links.push(el('a', { href: f.url, download: f.name, text: `Download ${f.name} (${kb(f.bytes)})` }));
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
  bubble.append(el('p', { class: reply.error ? 'text error-text' : 'text' }, ...linkified(reply.text)));
  if (reply.table) bubble.append(tableNode(reply, `Table: ${reply.text.split('\n')[0].slice(0, 120)}`));
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
