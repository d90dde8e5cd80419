// The token page: shown when the server says this browser needs the access token (or when an
// answer comes back 401 because the session ended). The token goes to POST /api/login as JSON;
// the server answers with an HttpOnly session cookie, so the page never stores the token itself.
const section = document.getElementById('login');
const form = document.getElementById('login-form');
const tokenInput = document.getElementById('token');
const errorLine = document.getElementById('login-error');
let onUnlock = () => undefined;

export function lock(message = '') {
  document.body.classList.add('locked');
  section.hidden = false;
  errorLine.textContent = message;
  tokenInput.focus();
}

function unlock() {
  document.body.classList.remove('locked');
  section.hidden = true;
  tokenInput.value = '';
  errorLine.textContent = '';
  onUnlock();
}

/** Asks the server whether a token is needed; resolves once the page may be used. */
export async function setupLogin(unlocked) {
  onUnlock = unlocked;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const token = tokenInput.value.trim();
    if (!token) return lock('Enter the access token first.');
    let res;
    try {
      res = await fetch('/api/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token }),
      });
    } catch (err) {
      return lock(`Could not reach hfbot (${err.message}).`);
    }
    if (res.ok) return unlock();
    const body = await res.json().catch(() => null);
    tokenInput.select();
    lock(body?.error?.message || `hfbot answered HTTP ${res.status}.`);
  });
  try {
    const s = await (await fetch('/api/session')).json();
    if (s.required && !s.authorized) lock();
  } catch {
    // An older server without /api/session needs no token.
  }
}
