// The live state shared by every view: machines by id and alerts by id, filled from REST and kept current by
// SignalR. Views subscribe and redraw; they never talk to the hub themselves.
const listeners = new Set();

export const store = {
  equipment: new Map(),
  alerts: new Map(),
  route: null,
  counts: null, // GET /api/equipment/summary, refreshed by the overview
  partial: false, // true when the fleet is too large to load whole (see live.js)
  range: localStorage.getItem('equipment.range') || '6h',
};

export function subscribe(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function emit(kind, payload) {
  for (const fn of listeners) {
    try { fn(kind, payload); } catch (e) { console.error(e); }
  }
}

export function putEquipment(view) {
  store.equipment.set(view.id, view);
  // Open alerts arrive inside the machine state too: keep the alert map in step with them.
  for (const alert of view.openAlerts || []) mergeAlert(alert, false);
  emit('equipment', view);
}

export function mergeAlert(alert, notify = true) {
  const known = store.alerts.get(alert.id);
  // Out-of-order delivery must not move an alert back to an earlier state.
  if (known && rank(known) > rank(alert)) return;
  store.alerts.set(alert.id, alert);
  if (notify) emit('alert', alert);
}

function rank(alert) {
  return { active: 0, acknowledged: 1, cleared: 2 }[alert.state] + (alert.acknowledgedAt ? 0.5 : 0);
}

export function openAlerts() {
  return [...store.alerts.values()].filter((a) => a.state !== 'cleared');
}

export function machines(kind) {
  return [...store.equipment.values()].filter((m) => !kind || m.kind === kind).sort((a, b) => a.id.localeCompare(b.id));
}

export function setRange(range) {
  store.range = range;
  localStorage.setItem('equipment.range', range);
  emit('range', range);
}

/** [from, to] of the picked range as Dates. */
export function rangeWindow() {
  const units = { h: 3600e3, d: 86400e3 };
  const m = /^(\d+)([hd])$/.exec(store.range) || [0, 6, 'h'];
  const to = new Date();
  return [new Date(to.getTime() - Number(m[1]) * units[m[2]]), to];
}
