// REST access for the signed-in user. Normally the server's HttpOnly session cookie (POST /api/session) carries the
// sign-in, so no script ever holds the key; only when that sign-in is unavailable is the key kept in sessionStorage
// and sent as a Bearer header (closing the tab forgets it). sessionStorage otherwise holds just the display name.
const TOKEN = 'equipment.token';
const USER = 'equipment.user';
const ACTIVE = 'equipment.signedIn';

export const session = {
  get token() { return sessionStorage.getItem(TOKEN); },
  get user() { return sessionStorage.getItem(USER) || 'operator'; },
  get active() { return sessionStorage.getItem(ACTIVE) === '1' || !!sessionStorage.getItem(TOKEN); },
  signIn(user, token) {
    sessionStorage.setItem(USER, user);
    sessionStorage.setItem(ACTIVE, '1');
    if (token) sessionStorage.setItem(TOKEN, token); else sessionStorage.removeItem(TOKEN);
  },
  signOut() { sessionStorage.removeItem(TOKEN); sessionStorage.removeItem(USER); sessionStorage.removeItem(ACTIVE); },
  /** Ends the cookie session on the server too; the local state goes even if the server cannot be reached. */
  async end() {
    this.signOut();
    try { await fetch('/api/session', { method: 'DELETE', credentials: 'same-origin' }); } catch { /* offline: the cookie expires */ }
  },
};

export class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

export async function api(path, options = {}) {
  const headers = { Accept: 'application/json', ...(options.headers || {}) };
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  if (options.body && typeof options.body !== 'string') {
    headers['Content-Type'] = 'application/json';
    options = { ...options, body: JSON.stringify(options.body) };
  }
  const response = await fetch(path, { credentials: 'same-origin', ...options, headers });
  if (response.status === 401) {
    // The server refused the token (issue 6 enforces it): back to the sign-in page.
    session.signOut();
    location.hash = '#/signin';
    throw new ApiError(401, 'Please sign in again');
  }
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try { const body = await response.json(); if (body.message) message = body.message; } catch { /* not JSON */ }
    throw new ApiError(response.status, message);
  }
  if (response.status === 204) return null;
  return response.json();
}

/** A download link cannot send headers, so CSV export fetches with the token and saves the blob. */
export async function download(path, filename) {
  const headers = session.token ? { Authorization: `Bearer ${session.token}` } : {};
  const response = await fetch(path, { headers, credentials: 'same-origin' });
  if (!response.ok) throw new ApiError(response.status, await response.text());
  const url = URL.createObjectURL(await response.blob());
  const a = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}
