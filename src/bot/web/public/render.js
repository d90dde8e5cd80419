// A reply (the JSON of POST /api/ask) as DOM nodes. Only textContent is ever set from
// server data, so nothing in a reply can inject markup.

// The table scrolls inside its bubble; past this many rows the CSV (linked under it) has the rest.
const MAX_ROWS = 500;

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

function tableNode(reply, label) {
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

function chartNode(reply) {
  const img = el('img', { src: reply.chartUrl, alt: reply.chartAlt || 'Chart', class: 'chart', decoding: 'async' });
  const fig = el('figure', { class: 'chart-figure' }, img);
  img.addEventListener('error', () => {
    // The numbers are in the text and table; say the picture is missing instead of a broken icon.
    img.replaceWith(
      el('p', { class: 'note', text: 'The chart could not be drawn this time; the numbers above are complete.' }),
    );
    fig.classList.add('failed');
  });
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

let controlCount = 0;

/** Selects and buttons that run the action's command as the current user. */
function actionsNode(actions, run) {
  if (!actions.length) return null;
  const box = el('div', { class: 'actions' });
  for (const a of actions) {
    if (a.type === 'select') {
      const id = `ctl-${++controlCount}`;
      const select = el(
        'select',
        { id },
        el('option', { value: '', text: a.placeholder, disabled: true, selected: true }),
      );
      for (const o of a.options)
        select.append(
          el('option', { value: o.value, text: o.description ? `${o.label} — ${o.description}` : o.label }),
        );
      select.addEventListener('change', () => {
        if (select.value) run(a.command.split('{value}').join(select.value), box);
      });
      box.append(
        el(
          'span',
          { class: 'control' },
          el('label', { for: id, class: 'visually-hidden', text: a.placeholder }),
          select,
        ),
      );
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
