// One SignalR connection per tab, watching "all" so the header's alert count and every view stay live.
import { api, session } from './api.js';
import { store, putEquipment, mergeAlert, emit } from './store.js';

let connection = null;

function setState(state) {
  const el = document.getElementById('conn');
  if (el) { el.dataset.state = state; el.textContent = state; }
  emit('connection', state);
}

/** Past this many machines the tab keeps only what it shows (pages, the open machine), not the whole fleet. */
export const FULL_LOAD_LIMIT = 1000;

/**
 * Loads machines and alerts over REST; called at start and after every reconnect, since pushes may have been missed.
 * A small fleet is loaded whole (every view can then switch machines at once); a large one only as counts, with the
 * overview paging through the server's list and machine views loading their machine (store.partial).
 */
export async function reload() {
  const counts = await api('/api/equipment/summary').catch(() => null);
  store.counts = counts;
  store.partial = !!counts && counts.tbms + counts.trucks > FULL_LOAD_LIMIT;
  const [equipment, alerts] = await Promise.all([store.partial ? [] : api('/api/equipment'), loadAlerts()]);
  for (const view of equipment) putEquipment(view);
  for (const alert of alerts) mergeAlert(alert, false);
  emit('reload');
}

async function loadAlerts() {
  // Without a state filter the alert book returns open and recently cleared alerts, newest first; a large fleet's
  // tab keeps the newest few hundred (the overview's counts come from /api/equipment/summary).
  return api(store.partial ? '/api/alerts?limit=500' : '/api/alerts').catch(() => []);
}

export async function connect() {
  if (connection) return;
  connection = new signalR.HubConnectionBuilder()
    // With a cookie session the browser sends the cookie itself; a Bearer-fallback key goes as access_token.
    .withUrl('/hubs/equipment', { accessTokenFactory: () => session.token || '' })
    .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 10000, 30000])
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  connection.on('snapshot', (view) => putEquipment(view));
  connection.on('alert', (alert) => mergeAlert(alert));
  connection.onreconnecting(() => setState('reconnecting'));
  connection.onreconnected(async () => {
    setState('live');
    await connection.invoke('Watch', 'all');
    await reload().catch(() => {});
  });
  connection.onclose(() => { if (connection) { setState('offline'); setTimeout(start, 5000); } });
  await start();
}

async function start() {
  if (!connection) return;
  try {
    setState('connecting');
    await connection.start();
    await connection.invoke('Watch', 'all');
    setState('live');
    window.__liveReady = true;
  } catch (e) {
    console.warn('live connection failed', e);
    setState('offline');
    setTimeout(start, 3000);
  }
}

export async function disconnect() {
  if (!connection) return;
  const c = connection;
  connection = null;
  await c.stop();
}

export { store };
