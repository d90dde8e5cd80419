// The hfbot web chat: sends what the person types (and the controls they use) to
// POST /api/ask with their name, and shows each reply as a chat message.
import { pendingNode, replyNode, threadNode, userNode } from './render.js';
import { setupAutocomplete } from './complete.js';
import { lock, setupLogin } from './login.js';

const USER_KEY = 'hfbot.user';
const form = document.getElementById('ask');
const input = document.getElementById('command');
const userInput = document.getElementById('user');
const log = document.getElementById('log');
const sendButton = document.getElementById('send');

try {
  userInput.value = localStorage.getItem(USER_KEY) || '';
} catch {
  // Storage can be disabled; the name then lasts for this page only.
}
userInput.addEventListener('input', () => {
  try {
    localStorage.setItem(USER_KEY, userInput.value.trim());
  } catch {
    /* see above */
  }
});

const userName = () => userInput.value.trim() || 'guest';

function scrollToEnd(node) {
  node.scrollIntoView({
    block: 'end',
    behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth',
  });
}

async function post(text) {
  let res;
  try {
    res = await fetch('/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text, user: userName() }),
    });
  } catch (err) {
    return {
      text: `Could not reach hfbot (${err.message}). Is \`hfbot serve\` still running?`,
      error: { code: 'E_NETWORK' },
    };
  }
  const body = await res.json().catch(() => null);
  if (res.status === 401) lock(body?.error?.message || '');
  if (body && typeof body.text === 'string') return body;
  // API-level errors ({error: {code, message}}) have no reply text.
  const message = body?.error?.message || `hfbot answered HTTP ${res.status}.`;
  return { text: message, error: body?.error || { code: `HTTP_${res.status}` } };
}

/**
 * Runs one command. `target` is the list the exchange is appended to: the main log, or the
 * thread an action was used in. A reply that opens a thread gets its own titled section.
 */
async function run(text, target = log, origin = null) {
  const mine = userNode(userName(), text);
  const pending = pendingNode();
  target.append(mine, pending);
  scrollToEnd(pending);
  log.setAttribute('aria-busy', 'true');
  const reply = await post(text);
  // Used controls go away once their command ran (an error leaves them for another try).
  if (origin && !reply.error) origin.remove();
  const node = replyNode(reply, (command, from) => void run(command, from.closest('.thread-log') || log, from));
  const inThread = target.closest('.thread')?.dataset.title;
  if (reply.thread && reply.thread.title !== inThread) {
    // One section per thread title (a rater's thread of a round): reused, and moved to the end.
    const existing = [...log.querySelectorAll(':scope > li.thread')].find(
      (li) => li.dataset.title === reply.thread.title,
    );
    const thread = existing
      ? { item: existing, log: existing.querySelector('.thread-log') }
      : threadNode(reply.thread.title);
    thread.log.append(node);
    if (target === log && !existing) pending.replaceWith(thread.item);
    else {
      pending.remove();
      log.append(thread.item);
    }
  } else {
    pending.replaceWith(node);
  }
  log.setAttribute('aria-busy', 'false');
  scrollToEnd(node);
  // The chart arrives after the text; keep the whole answer in view if it is still the latest.
  node.querySelector('img.chart')?.addEventListener('load', () => {
    if (log.lastElementChild?.contains(node)) scrollToEnd(node);
  });
  return reply;
}

const completion = setupAutocomplete(input, document.getElementById('suggestions'));

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const text = input.value.trim();
  completion.close();
  if (!text) {
    input.focus();
    return;
  }
  input.value = '';
  sendButton.disabled = true;
  try {
    await run(text);
  } finally {
    sendButton.disabled = false;
    // Keep typing where you were: focus goes back to the command box, not to the reply.
    input.focus();
  }
});

for (const b of document.querySelectorAll('#examples [data-run]')) {
  b.addEventListener('click', () => void run(b.dataset.run));
}

void setupLogin(() => input.focus());
