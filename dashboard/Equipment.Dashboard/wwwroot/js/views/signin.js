// Sign-in: a user's key, or in development the platform's dev token, in a password field (CONTRACTS.md).
import { session, ApiError } from '../api.js';
import { h } from '../format.js';

export function render(root) {
  const el = h(`
    <section class="signin">
      <form class="signin-card" autocomplete="on">
        <div class="signin-brand">
          <svg viewBox="0 0 32 32" width="40" height="40" aria-hidden="true"><circle cx="16" cy="16" r="14" fill="none" stroke="#f5a524" stroke-width="3"/><circle cx="16" cy="16" r="5" fill="#f5a524"/><g stroke="#f5a524" stroke-width="2.5"><path d="M16 2v6M16 24v6M2 16h6M24 16h6"/></g></svg>
          <div><b>EQUIPMENT</b><span>TBM &amp; truck operations</span></div>
        </div>
        <label>Name <input name="user" autocomplete="username" placeholder="e.g. shift supervisor"></label>
        <label>Access key <input name="key" type="password" autocomplete="current-password" required placeholder="user key or dev token"></label>
        <button type="submit" class="primary">Sign in</button>
        <p class="error" hidden></p>
        <p class="hint">Alerts you acknowledge are recorded under your user name (the name typed here counts for admins and the dev token).</p>
      </form>
    </section>`);
  root.append(el);
  const form = el.querySelector('form');
  form.user.value = session.user === 'operator' ? '' : session.user;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const error = form.querySelector('.error');
    error.hidden = true;
    const user = form.user.value.trim();
    const key = form.key.value;
    try {
      // The key is exchanged for an HttpOnly session cookie; the page keeps only the name to show.
      const response = await fetch('/api/session', {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ key }),
      });
      if (response.status === 401 || response.status === 403) throw new ApiError(response.status, 'This key is not valid.');
      if (response.ok) {
        const me = await response.json();
        // The server records acknowledgements under the user's own name; only an admin's typed name is honoured.
        session.signIn((me.roles || []).includes('admin') && user ? user : (me.name || user), null);
      } else {
        // No session endpoint (an older server): fall back to sending the key as a Bearer header.
        const probe = await fetch('/api/equipment', { headers: { Authorization: `Bearer ${key}` } });
        if (probe.status === 401 || probe.status === 403) throw new ApiError(probe.status, 'This key is not valid.');
        session.signIn(user, key);
      }
      window.dispatchEvent(new Event('equipment:signed-in'));
      location.hash = '#/overview';
    } catch (err) {
      error.textContent = err.message;
      error.hidden = false;
    }
  });
  form.user.focus();
}
