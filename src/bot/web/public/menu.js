// A reply's menu (a select action, e.g. a coding round's categories) as a listbox: each option
// is a short label on one line (code and category) with what it means in smaller text below,
// wrapping inside the message so a long definition never widens the page. A click chooses; the
// arrow keys, Home and End only move the highlight, and Enter (or Space) chooses, so moving
// through the options never records a label by itself (a native <select> fires "change" on
// every arrow key while closed).

let menus = 0;

function node(tag, attrs, text) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
  if (text !== undefined) n.textContent = text;
  return n;
}

/** `onChoose(value)` runs once, with the chosen option's value. */
export function menuNode(action, onChoose) {
  const id = `menu-${++menus}`;
  const wrap = node('div', { class: 'menu-wrap' });
  const label = node('p', { id: `${id}-label`, class: 'menu-label' }, action.placeholder);
  const list = node('ul', { id, role: 'listbox', tabindex: '0', class: 'menu', 'aria-labelledby': `${id}-label` });
  const items = action.options.map((o, i) => {
    const li = node('li', { id: `${id}-${i}`, role: 'option', 'aria-selected': 'false', 'data-value': o.value });
    li.append(node('span', { class: 'menu-option' }, o.label));
    if (o.description) {
      li.append(node('span', { class: 'menu-desc' }, o.description));
      li.setAttribute('title', o.description);
    }
    return li;
  });
  list.append(...items);
  wrap.append(label, list);

  let active = -1;
  let chosen = false;
  const highlight = (i) => {
    if (!items.length) return;
    active = Math.max(0, Math.min(items.length - 1, i));
    for (const [j, li] of items.entries()) li.setAttribute('aria-selected', String(j === active));
    list.setAttribute('aria-activedescendant', items[active].id);
    items[active].scrollIntoView({ block: 'nearest' });
  };
  const choose = (i) => {
    if (chosen || i < 0) return;
    chosen = true;
    list.setAttribute('aria-disabled', 'true');
    onChoose(action.options[i].value);
  };

  list.addEventListener('keydown', (e) => {
    const moves = { ArrowDown: active + 1, ArrowUp: active - 1, Home: 0, End: items.length - 1 };
    if (e.key in moves) {
      e.preventDefault();
      highlight(active < 0 && e.key === 'ArrowUp' ? items.length - 1 : moves[e.key]);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      choose(active);
    }
  });
  list.addEventListener('click', (e) => {
    const li = e.target.closest('[role="option"]');
    if (!li) return;
    const i = items.indexOf(li);
    highlight(i);
    choose(i);
  });
  return wrap;
}
