// Shell: sign-in gate, header (navigation, machine switcher, range picker, live state) and hash routing.
import { session, api } from './api.js';
import { connect, disconnect, reload } from './live.js';
import { store, subscribe, setRange, openAlerts, machines, putEquipment } from './store.js';
import { esc, displayName } from './format.js';
import * as overview from './views/overview.js';
import * as tbm from './views/tbm.js';
import * as truck from './views/truck.js';
import * as alerts from './views/alerts.js';
import * as wear from './views/wear.js';
import * as cutterplan from './views/cutterplan.js';
import * as shift from './views/shift.js';
import * as battery from './views/battery.js';
import * as signin from './views/signin.js';

const routes = { overview, tbm, truck, alerts, wear, cutterplan, shift, battery, signin };
const root = document.getElementById('view');
let cleanup = null;
let started = false;

async function route() {
  const [path, search = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const [name = 'overview', ...params] = path.split('/').filter(Boolean).map(decodeURIComponent);
  const query = new URLSearchParams(search);
  if (!session.active && name !== 'signin') { location.hash = '#/signin'; return; }
  const view = routes[name] || overview;
  document.getElementById('topbar').hidden = name === 'signin';
  document.querySelectorAll('[data-nav]').forEach((a) => a.classList.toggle('active', a.dataset.nav === name));
  if (cleanup) { try { cleanup(); } catch (e) { console.error(e); } cleanup = null; }
  root.innerHTML = '';
  root.dataset.view = name;
  if (name !== 'signin') await start();
  // A large fleet is not loaded whole: a machine view fetches its machine first.
  if ((name === 'tbm' || name === 'truck' || name === 'battery') && params[0] && !store.equipment.has(params[0])) {
    await api(`/api/equipment/${encodeURIComponent(params[0])}`).then(putEquipment).catch(() => {});
  }
  cleanup = view.render(root, params, query) || null;
}

async function start() {
  if (started) return;
  started = true;
  document.getElementById('user').textContent = session.user;
  try { await reload(); } catch (e) { toast(`Could not load machines: ${e.message}`); }
  connect();
}

function header() {
  const badge = document.getElementById('alert-badge');
  const open = openAlerts().filter((a) => a.state === 'active' && !a.shelf); // shelved alerts do not notify
  badge.hidden = open.length === 0;
  badge.textContent = String(open.length);
  badge.dataset.severity = ['critical', 'major', 'minor', 'warning'].find((s) => open.some((a) => a.severity === s)) || '';
  const jump = document.getElementById('machine-jump');
  const ids = machines().map((m) => m.id).join('|');
  if (jump.dataset.ids !== ids) {
    jump.dataset.ids = ids;
    jump.innerHTML = '<option value="">Machines…</option>' + machines().map((m) => `<option value="#/${m.kind}/${encodeURIComponent(m.id)}">${esc(displayName(m))} · ${m.kind === 'tbm' ? 'TBM' : 'truck'}</option>`).join('');
  }
}

export function toast(message) {
  const el = document.getElementById('toast');
  el.textContent = message;
  el.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { el.hidden = true; }, 4000);
}

let headerQueued = false;
subscribe(() => {
  if (headerQueued) return;
  headerQueued = true;
  requestAnimationFrame(() => { headerQueued = false; header(); });
});

document.getElementById('range').value = store.range;
document.getElementById('range').addEventListener('change', (e) => setRange(e.target.value));
document.getElementById('machine-jump').addEventListener('change', (e) => { if (e.target.value) location.hash = e.target.value; e.target.value = ''; });
document.getElementById('sign-out').addEventListener('click', async () => {
  await session.end();
  started = false;
  await disconnect();
  location.hash = '#/signin';
});
window.addEventListener('hashchange', route);
window.addEventListener('equipment:signed-in', () => { started = false; });
route();
