// History API access: GET /api/equipment/{id}/history in columns, and the CSV export link for the same range.
import { api } from './api.js';
import { rangeWindow } from './store.js';

export function historyPath(id, fields, { from, to, every, measurement, position, csv } = {}) {
  const [f, t] = from && to ? [from, to] : rangeWindow();
  const q = new URLSearchParams({ fields: fields.join(','), from: f.toISOString(), to: t.toISOString() });
  if (every) q.set('every', every);
  if (measurement) q.set('measurement', measurement);
  if (position) q.set('position', String(position));
  if (csv) q.set('format', 'csv');
  return `/api/equipment/${encodeURIComponent(id)}/history?${q}`;
}

/** Returns uPlot-ready columns: [seconds[], field1[], …] plus the raw answer. */
export async function history(id, fields, options) {
  const result = await api(historyPath(id, fields, options));
  const xs = result.times.map((t) => t / 1000);
  return { result, data: [xs, ...fields.map((f) => result.values[f] || [])] };
}
