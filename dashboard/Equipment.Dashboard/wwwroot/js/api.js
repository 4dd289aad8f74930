// REST access with the signed-in token. The token lives in sessionStorage so closing the tab signs out.
const TOKEN = 'equipment.token';
const USER = 'equipment.user';

export const session = {
  get token() { return sessionStorage.getItem(TOKEN); },
  get user() { return sessionStorage.getItem(USER) || 'operator'; },
  signIn(user, token) { sessionStorage.setItem(USER, user); sessionStorage.setItem(TOKEN, token); },
  signOut() { sessionStorage.removeItem(TOKEN); sessionStorage.removeItem(USER); },
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
  const response = await fetch(path, { ...options, headers });
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
  const response = await fetch(path, { headers });
  if (!response.ok) throw new ApiError(response.status, await response.text());
  const url = URL.createObjectURL(await response.blob());
  const a = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}
