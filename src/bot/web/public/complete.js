// Autocomplete for the command box (an ARIA combobox): "/" suggests commands; after a
// command, its options ("from:") and model types or themes for options that take them.
import { el } from './dom.js';

async function fetchItems(kind, q, signal) {
  const res = await fetch(`/api/complete?kind=${kind}&q=${encodeURIComponent(q)}`, { signal });
  if (!res.ok) return [];
  return (await res.json()).items;
}

const quote = (v) => (/\s/.test(v) ? `"${v}"` : v);

/** Longest registered command that the typed text starts with ("/code label 12" -> code label). */
function typedCommand(before, commands) {
  const t = before.slice(1).toLowerCase();
  let best = null;
  for (const c of commands) {
    const name = c.label.slice(1);
    if ((t.startsWith(`${name} `) || t === `${name} `) && (!best || name.length > best.label.length - 1)) best = c;
  }
  return best;
}

/** What to suggest for the text before the caret: [{label, detail, insert}] replacing `from`..caret. */
async function suggestionsFor(before, commands, signal) {
  if (!before.startsWith('/')) return { from: 0, items: [] };
  const cmd = typedCommand(before, commands);
  if (!cmd) {
    const items = await fetchItems('command', before.slice(1), signal);
    return { from: 0, items: items.map((c) => ({ label: c.label, detail: c.description, insert: c.value })) };
  }
  const from = before.search(/\S*$/);
  const token = before.slice(from);
  const args = before.slice(cmd.label.length + 1, from).trim();
  const words = args ? args.split(/\s+/) : [];
  const named = token.match(/^([a-zA-Z][a-zA-Z0-9-]*):(.*)$/);
  if (named) {
    const o = cmd.options.find((x) => x.name === named[1].toLowerCase());
    if (!o) return { from, items: [] };
    return { from, items: await valuesFor(o, named[2], `${o.name}:`, signal) };
  }
  const used = new Set(words.map((w) => w.split(':')[0]).filter((_, i) => words[i].includes(':')));
  const positional = cmd.options.filter((o) => o.positional);
  const next = positional[Math.min(words.filter((w) => !w.includes(':')).length, positional.length - 1)];
  const values = next && !used.has(next.name) ? await valuesFor(next, token, '', signal) : [];
  const opts = cmd.options
    .filter((o) => !used.has(o.name) && o.name.startsWith(token.toLowerCase()))
    .map((o) => ({
      label: `${o.name}:`,
      detail: `${o.description} (${o.expected})`,
      insert: `${o.name}:`,
      open: true,
    }));
  return { from, items: [...values, ...opts].slice(0, 25) };
}

async function valuesFor(o, q, prefix, signal) {
  if (o.autocomplete === 'model' || o.autocomplete === 'theme') {
    const items = await fetchItems(o.autocomplete, q, signal);
    return items.map((v) => ({
      label: v.label,
      detail: o.autocomplete === 'model' ? 'model type' : 'theme',
      insert: `${prefix}${quote(v.value)} `,
    }));
  }
  if (o.choices) {
    return o.choices
      .filter((c) => c.startsWith(q.toLowerCase()))
      .map((c) => ({ label: c, detail: o.name, insert: `${prefix}${c} ` }));
  }
  return [];
}

/** Wires the combobox; returns isOpen() so the form knows whether Enter picks or sends. */
export function setupAutocomplete(input, list) {
  let commands = [];
  let items = [];
  let from = 0;
  let active = -1;
  let controller = null;
  fetchItems('command', '')
    .then((c) => (commands = c))
    .catch(() => undefined);

  const close = () => {
    // A suggestion request still in flight must not reopen the list after Esc or sending.
    controller?.abort();
    controller = null;
    items = [];
    active = -1;
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };
  const highlight = (i) => {
    active = i;
    for (const [j, li] of [...list.children].entries()) li.setAttribute('aria-selected', String(j === i));
    if (i >= 0) {
      input.setAttribute('aria-activedescendant', `sug-${i}`);
      list.children[i].scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const pick = (i) => {
    const item = items[i];
    if (!item) return;
    const caret = input.selectionStart ?? input.value.length;
    const after = input.value.slice(caret).replace(/^\S*/, '');
    input.value = input.value.slice(0, from) + item.insert + after;
    const pos = from + item.insert.length;
    input.setSelectionRange(pos, pos);
    close();
    input.focus();
    // Keep suggesting: after a command, its arguments; after "from:", nothing to list is fine.
    void update();
  };
  const show = (next) => {
    items = next.items;
    from = next.from;
    if (!items.length) return close();
    list.replaceChildren(
      ...items.map((it, i) =>
        el(
          'li',
          {
            id: `sug-${i}`,
            role: 'option',
            'aria-selected': 'false',
            onmousedown: (e) => {
              e.preventDefault();
              pick(i);
            },
          },
          el('span', { class: 'sug-label', text: it.label }),
          it.detail ? el('span', { class: 'sug-detail', text: it.detail }) : null,
        ),
      ),
    );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    active = -1;
  };
  const update = async () => {
    controller?.abort();
    controller = new AbortController();
    const mine = controller;
    const before = input.value.slice(0, input.selectionStart ?? input.value.length);
    try {
      const next = await suggestionsFor(before, commands, mine.signal);
      if (mine.signal.aborted || document.activeElement !== input) return;
      show(next);
    } catch (err) {
      if (err.name !== 'AbortError') close();
    }
  };

  input.addEventListener('input', () => void update());
  // Delayed so a click on a suggestion lands first; skipped if focus came back meanwhile.
  input.addEventListener('blur', () => setTimeout(() => document.activeElement !== input && close(), 100));
  input.addEventListener('keydown', (e) => {
    if (list.hidden) {
      // Esc also cancels suggestions that have not arrived yet.
      if (e.key === 'Escape') close();
      if (e.key === 'ArrowDown' && input.value.startsWith('/')) {
        e.preventDefault();
        void update();
      }
      return;
    }
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      highlight((active + 1) % items.length);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      highlight(active <= 0 ? items.length - 1 : active - 1);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'Tab' && !e.shiftKey) {
      e.preventDefault();
      pick(Math.max(active, 0));
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      e.stopImmediatePropagation();
      pick(active);
    }
  });
  return { close, isOpen: () => !list.hidden };
}
