// One SignalR connection per tab, watching "all" so the header's alert count and every view stay live.
import { api, session } from './api.js';
import { store, putEquipment, mergeAlert, emit } from './store.js';

let connection = null;

function setState(state) {
  const el = document.getElementById('conn');
  if (el) { el.dataset.state = state; el.textContent = state; }
  emit('connection', state);
}

/** Loads machines and alerts over REST; called at start and after every reconnect, since pushes may have been missed. */
export async function reload() {
  const [equipment, alerts] = await Promise.all([api('/api/equipment'), loadAlerts()]);
  for (const view of equipment) putEquipment(view);
  for (const alert of alerts) mergeAlert(alert, false);
  emit('reload');
}

async function loadAlerts() {
  // Without a state filter the alert book returns open and recently cleared alerts, newest first.
  return api('/api/alerts').catch(() => []);
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
