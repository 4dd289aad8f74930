// Route profiles (GET /api/routes/{id}), cached per tab, and the SVG altitude profile drawn from them.
import { api } from './api.js';
import { esc, num } from './format.js';

const cache = new Map();

export function loadRoute(id = 'g318') {
  if (!cache.has(id)) cache.set(id, api(`/api/routes/${encodeURIComponent(id)}`).catch((e) => { cache.delete(id); throw e; }));
  return cache.get(id);
}

/**
 * Altitude profile: the whole route in grey, the travelled part filled amber, the truck as a marker.
 * `compact` leaves out labels for the overview cards.
 */
export function profileSvg(route, km, { width = 800, height = 220, compact = false } = {}) {
  const pts = route.waypoints;
  const pad = compact ? { l: 2, r: 2, t: 4, b: 2 } : { l: 46, r: 12, t: 26, b: 24 };
  const maxKm = pts[pts.length - 1].km;
  const minAlt = 0;
  const maxAlt = Math.ceil(Math.max(...pts.map((p) => p.altitudeM)) / 1000) * 1000;
  const x = (k) => pad.l + (k / maxKm) * (width - pad.l - pad.r);
  const y = (a) => pad.t + (1 - (a - minAlt) / (maxAlt - minAlt)) * (height - pad.t - pad.b);
  const line = pts.map((p) => `${x(p.km).toFixed(1)},${y(p.altitudeM).toFixed(1)}`).join(' ');
  const base = y(minAlt);
  const area = `M ${x(0)},${base} L ${line.replaceAll(' ', ' L ')} L ${x(maxKm)},${base} Z`;
  let travelled = '';
  let marker = '';
  if (typeof km === 'number') {
    const done = pts.filter((p) => p.km <= km);
    const alt = altitudeAt(pts, km);
    const path = [...done.map((p) => `${x(p.km).toFixed(1)},${y(p.altitudeM).toFixed(1)}`), `${x(km).toFixed(1)},${y(alt).toFixed(1)}`].join(' L ');
    travelled = `<path class="rp-done" d="M ${x(0)},${base} L ${path} L ${x(km).toFixed(1)},${base} Z"/>`;
    marker = `<g class="rp-truck" transform="translate(${x(km).toFixed(1)},${y(alt).toFixed(1)})"><line y1="0" y2="${(base - y(alt)).toFixed(1)}"/><circle r="${compact ? 3.5 : 6}"/></g>`;
  }
  let labels = '';
  if (!compact) {
    const grid = [];
    for (let a = 0; a <= maxAlt; a += 1000) grid.push(`<line class="rp-grid" x1="${pad.l}" x2="${width - pad.r}" y1="${y(a)}" y2="${y(a)}"/><text class="rp-axis" x="${pad.l - 6}" y="${y(a) + 4}" text-anchor="end">${num(a, 0)}</text>`);
    for (let k = 0; k <= maxKm; k += 500) grid.push(`<text class="rp-axis" x="${x(k)}" y="${height - 6}" text-anchor="middle">${k} km</text>`);
    const spaced = (list, gap) => { let last = -Infinity; return list.filter((p) => { const ok = x(p.km) - last >= gap; if (ok) last = x(p.km); return ok; }); };
    const passes = spaced(pts.filter((p) => p.kind === 'pass' && p.altitudeM >= 4600), 56);
    const towns = spaced(pts.filter((p) => p.kind !== 'pass'), 48);
    labels = grid.join('')
      + towns.map((p) => `<g class="rp-town"><circle cx="${x(p.km)}" cy="${y(p.altitudeM)}" r="2.5"/><text x="${x(p.km)}" y="${y(p.altitudeM) + 14}" text-anchor="middle">${esc(p.name)}</text></g>`).join('')
      + passes.map((p) => `<text class="rp-pass" x="${x(p.km)}" y="${y(p.altitudeM) - 5}" text-anchor="middle">${esc(p.name.replace(/ Pass$| pass$/, ''))}</text>`).join('');
  }
  return `<svg class="route-profile${compact ? ' compact' : ''}" viewBox="0 0 ${width} ${height}" preserveAspectRatio="none" role="img" aria-label="Route altitude profile">
    ${labels}<path class="rp-all" d="${area}"/>${travelled}<polyline class="rp-line" points="${line}"/>${marker}</svg>`;
}

export function altitudeAt(pts, km) {
  for (let i = 0; i < pts.length - 1; i++) {
    if (km <= pts[i + 1].km) {
      const a = pts[i];
      const b = pts[i + 1];
      return a.altitudeM + ((b.altitudeM - a.altitudeM) * (km - a.km)) / (b.km - a.km);
    }
  }
  return pts[pts.length - 1].altitudeM;
}
