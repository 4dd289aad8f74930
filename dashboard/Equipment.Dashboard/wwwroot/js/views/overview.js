// Overview: every site and fleet at a glance, live.
import { store, subscribe, machines, openAlerts } from '../store.js';
import { api } from '../api.js';
import { esc, num, field, ago, displayName, SEVERITIES } from '../format.js';
import { loadRoute, profileSvg } from '../route.js';

// The cards are one page of the server's list (GET /api/equipment?limit=…&q=…&kind=…&state=…&cursor=…), answered
// from the directory shards; the tiles come from GET /api/equipment/summary when the fleet is too large to hold in
// the tab. So the first screen costs two small requests and one page of cards, whether 20 or 20,000 machines exist.
const PAGE = 100;

export function render(root) {
  root.innerHTML = `
    <div class="page-head"><div><h1>Operations overview</h1><p class="sub">Tunnel boring machines by site, trucks by fleet · live</p></div></div>
    <div class="summary" id="summary"></div>
    <div class="ov-layout"><div><form class="ov-filter" id="filter" role="search">
      <input type="search" name="q" placeholder="Search id or name" aria-label="Search machines" autocomplete="off">
      <select name="kind" aria-label="Kind"><option value="">all kinds</option><option value="tbm">TBMs</option><option value="truck">trucks</option></select>
      <select name="state" aria-label="State"><option value="">any state</option><option value="alerting">with open alerts</option><option value="offline">offline</option><option value="ok">ok</option></select>
      <span class="muted" id="page-info"></span>
      <button type="button" id="prev" disabled>‹ Prev</button><button type="button" id="next" disabled>Next ›</button>
    </form><div id="groups"></div></div><aside class="panel feed"><h2>Open alerts</h2><div id="feed"></div><a class="more" href="#/alerts">All alerts →</a></aside></div>`;
  let route = null;
  let disposed = false;
  const page = { items: new Map(), ids: [], total: 0, next: null, cursors: [null], loading: null, loaded: false };
  const form = root.querySelector('#filter');
  const params = () => {
    const p = new URLSearchParams({ limit: String(PAGE) });
    for (const key of ['q', 'kind', 'state']) { const v = form.elements[key].value.trim(); if (v) p.set(key, v); }
    const cursor = page.cursors[page.cursors.length - 1];
    if (cursor) p.set('cursor', cursor);
    return p;
  };
  const load = async () => {
    const started = performance.now();
    const body = await api(`/api/equipment?${params()}`).catch(() => null);
    if (disposed || !body) return;
    page.items = new Map(body.items.map((m) => [m.id, m]));
    page.ids = body.items.map((m) => m.id);
    page.total = body.total;
    page.next = body.nextCursor;
    page.loaded = true;
    draw();
    window.__overviewPageMs = performance.now() - started;
  };
  const reloadPage = () => { if (!page.loading) page.loading = load().finally(() => { page.loading = null; }); return page.loading; };
  const refreshCounts = async () => {
    if (!store.partial) return;
    const counts = await api('/api/equipment/summary').catch(() => null);
    if (counts && !disposed) { store.counts = counts; drawSummary(); }
  };
  loadRoute('g318').then((r) => { route = r; draw(); }).catch(() => {});
  let queued = false;
  const view = (id) => store.equipment.get(id) || page.items.get(id);
  const drawSummary = () => { root.querySelector('#summary').innerHTML = summary(); };
  const draw = () => {
    // A page or route fetch may finish after the user left the overview: its elements are gone then.
    if (disposed) return;
    queued = false;
    drawSummary();
    root.querySelector('#groups').innerHTML = page.loaded ? groups(page.ids.map(view).filter(Boolean), route) : '<div class="empty">Loading…</div>';
    root.querySelector('#feed').innerHTML = feed();
    const first = (page.cursors.length - 1) * PAGE;
    root.querySelector('#page-info').textContent = page.total ? `${first + 1}–${first + page.ids.length} of ${page.total}` : '';
    root.querySelector('#prev').disabled = page.cursors.length < 2;
    root.querySelector('#next').disabled = !page.next;
    root.dataset.ready = page.loaded ? '1' : '';
  };
  let searchTimer = null;
  form.addEventListener('input', () => { clearTimeout(searchTimer); searchTimer = setTimeout(() => { page.cursors = [null]; reloadPage(); }, 250); });
  form.addEventListener('submit', (e) => e.preventDefault());
  root.querySelector('#next').addEventListener('click', () => { if (page.next) { page.cursors.push(page.next); reloadPage(); } });
  root.querySelector('#prev').addEventListener('click', () => { if (page.cursors.length > 1) { page.cursors.pop(); reloadPage(); } });
  draw();
  reloadPage();
  // "x s ago" and stale marks age without pushes; the page and the counts follow machines that came or went.
  const timer = setInterval(() => { reloadPage(); refreshCounts(); }, 5000);
  let countsQueued = null;
  const off = subscribe((kind, payload) => {
    // A machine not on a page that still has room (e.g. one that just reported for the first time): fetch the page again.
    if (kind === 'equipment' && !page.items.has(payload.id) && page.loaded && page.ids.length < PAGE && !page.next) setTimeout(reloadPage, 300);
    if (kind === 'alert' && store.partial && !countsQueued) countsQueued = setTimeout(() => { countsQueued = null; refreshCounts(); }, 500);
    if (!queued) { queued = true; requestAnimationFrame(draw); }
  });
  return () => { disposed = true; off(); clearInterval(timer); clearTimeout(searchTimer); clearTimeout(countsQueued); };
}

function summary() {
  if (store.partial && store.counts) return countsSummary(store.counts);
  const all = machines();
  const stale = all.filter((m) => m.stale).length;
  const open = openAlerts();
  const bySeverity = SEVERITIES.map((s) => {
    const n = open.filter((a) => a.severity === s && a.state === 'active').length;
    return `<a class="tile sev-${s}${n ? ' on' : ''}" href="#/alerts?severity=${s}" data-severity-count="${s}"><b>${n}</b><span>${s}</span></a>`;
  }).join('');
  return `
    <div class="tile"><b>${all.filter((m) => m.kind === 'tbm').length}</b><span>TBMs</span></div>
    <div class="tile"><b>${all.filter((m) => m.kind === 'truck').length}</b><span>trucks</span></div>
    <div class="tile ${stale ? 'sev-major on' : ''}"><b>${stale}</b><span>offline</span></div>
    <div class="tile-sep"></div>${bySeverity}
    <div class="tile"><b>${open.filter((a) => a.state === 'acknowledged').length}</b><span>acknowledged</span></div>`;
}

function countsSummary(c) {
  const bySeverity = SEVERITIES.map((s) => {
    const n = c.alerts.active[s] || 0;
    return `<a class="tile sev-${s}${n ? ' on' : ''}" href="#/alerts?severity=${s}" data-severity-count="${s}"><b>${n}</b><span>${s}</span></a>`;
  }).join('');
  return `
    <div class="tile"><b data-count="tbms">${c.tbms}</b><span>TBMs</span></div>
    <div class="tile"><b data-count="trucks">${c.trucks}</b><span>trucks</span></div>
    <div class="tile ${c.offline ? 'sev-major on' : ''}"><b data-count="offline">${c.offline}</b><span>offline</span></div>
    <div class="tile-sep"></div>${bySeverity}
    <div class="tile"><b>${c.alerts.acknowledged}</b><span>acknowledged</span></div>`;
}

const RANK = { critical: 0, major: 1, minor: 2, warning: 3 };

/** The newest open alerts, active before acknowledged, most severe first: what a supervisor checks first. */
function feed() {
  const open = openAlerts().sort((a, b) => (a.state === 'active' ? 0 : 1) - (b.state === 'active' ? 0 : 1) || RANK[a.severity] - RANK[b.severity] || new Date(b.raisedAt) - new Date(a.raisedAt));
  if (!open.length) return '<div class="empty small">No open alerts.</div>';
  return open.slice(0, 9).map((a) => {
    const m = store.equipment.get(a.equipmentId);
    return `<a class="feed-item ${a.state}" href="#/${m?.kind || 'tbm'}/${encodeURIComponent(a.equipmentId)}">
      <span class="sev sev-${a.severity}">${a.severity}</span>
      <div><b>${esc(displayName(m) || a.equipmentId)}</b><span>${esc((a.message || a.ruleId).split(':')[0])}</span>
      <small>${a.state === 'acknowledged' ? `ack. by ${esc(a.acknowledgedBy || '')}` : 'active'} · ${esc(ago(a.raisedAt))}</small></div></a>`;
  }).join('') + (open.length > 9 ? `<div class="muted small-note">+ ${open.length - 9} more</div>` : '');
}

function groups(all, route) {
  if (all.length === 0) return '<div class="empty">No machines match. Telemetry posted to the gateway appears here within seconds.</div>';
  const sections = [];
  const bySite = groupBy(all.filter((m) => m.kind === 'tbm'), (m) => m.site || 'Unassigned site');
  for (const [site, list] of bySite) sections.push(section(`Site · ${site}`, list.map(tbmCard).join('')));
  const byFleet = groupBy(all.filter((m) => m.kind === 'truck'), (m) => m.fleet || 'Unassigned fleet');
  for (const [fleet, list] of byFleet) sections.push(section(`Fleet · ${fleet}`, list.map((m) => truckCard(m, route)).join('')));
  return sections.join('');
}

function section(title, cards) {
  return `<section class="group"><h2>${esc(title)}</h2><div class="cards">${cards}</div></section>`;
}

function groupBy(list, key) {
  const map = new Map();
  for (const item of list) { const k = key(item); if (!map.has(k)) map.set(k, []); map.get(k).push(item); }
  return [...map.entries()].sort((a, b) => a[0].localeCompare(b[0]));
}

function alertChips(m) {
  const open = store.partial ? (m.openAlerts || []) : openAlerts().filter((a) => a.equipmentId === m.id);
  if (!open.length) return '<span class="chip ok">no open alerts</span>';
  return SEVERITIES.map((s) => {
    const n = open.filter((a) => a.severity === s).length;
    return n ? `<span class="chip sev-${s}">${n} ${s}</span>` : '';
  }).join('');
}

function status(m, moving) {
  if (m.stale) return `<span class="status offline" title="last seen ${esc(ago(m.lastSeen))}">offline</span>`;
  return moving ? '<span class="status run">running</span>' : '<span class="status idle">standstill</span>';
}

function tbmCard(m) {
  const k = m.tbm || {};
  const boring = k.boring ?? m.fields?.boring?.value === true;
  const day = k.dayAdvanceM ?? null;
  const target = k.dayTargetM || 20;
  const pct = day === null ? 0 : Math.min(100, (day / target) * 100);
  const chainage = k.chainageM ?? field(m, 'chainage_m');
  return `
    <a class="card machine${m.stale ? ' stale' : ''}" href="#/tbm/${encodeURIComponent(m.id)}" data-machine="${esc(m.id)}">
      <div class="card-head"><div><b>${esc(displayName(m))}</b><small>TBM · ${esc(m.id)}</small></div>${status(m, boring)}</div>
      <div class="big"><span>${num(chainage, 1)}</span><small>m chainage</small></div>
      <div class="progress-label"><span>Advance today</span><b data-day-advance>${num(day, 1)} / ${num(target, 0)} m</b></div>
      <div class="progress"><div class="${pct >= 100 ? 'ok' : pct >= 60 ? '' : 'behind'}" style="width:${pct.toFixed(1)}%"></div></div>
      <div class="mini">
        <div><small>Thrust</small><b data-field="thrust_kn">${num(field(m, 'thrust_kn'), 0)}</b><i>kN</i></div>
        <div><small>Torque</small><b data-field="torque_knm">${num(field(m, 'torque_knm'), 0)}</b><i>kNm</i></div>
        <div><small>Rate</small><b>${num(k.boringAdvanceRateMPerH, 2)}</b><i>m/h</i></div>
      </div>
      <div class="chips">${alertChips(m)}</div>
      <div class="seen">Last data ${esc(ago(m.lastSeen))}</div>
    </a>`;
}

function truckCard(m, route) {
  const t = m.truck || {};
  const soc = field(m, 'soc_pct');
  const speed = field(m, 'speed_kmh');
  const pos = t.routePosition;
  const range = t.range;
  const socCls = soc === null ? '' : soc < 15 ? 'alarm' : soc < 30 ? 'warn' : 'ok';
  return `
    <a class="card machine${m.stale ? ' stale' : ''}" href="#/truck/${encodeURIComponent(m.id)}" data-machine="${esc(m.id)}">
      <div class="card-head"><div><b>${esc(displayName(m))}</b><small>Truck · ${esc(m.id)}</small></div>${status(m, (speed ?? 0) > 2)}</div>
      <div class="soc"><div class="soc-bar"><div class="${socCls}" style="width:${Math.max(0, Math.min(100, soc ?? 0))}%"></div></div><b data-field="soc_pct">${num(soc, 0)}%</b></div>
      ${route ? `<div class="mini-route">${profileSvg(route, pos?.routeKm, { width: 300, height: 54, compact: true })}</div>` : ''}
      <div class="route-line">${pos ? `km ${num(pos.routeKm, 0)} · ${num(pos.altitudeM, 0)} m · next <b>${esc(pos.next?.name)}</b> in ${num(pos.kmToNext, 0)} km` : 'position unknown'}</div>
      <div class="mini">
        <div><small>Speed</small><b data-field="speed_kmh">${num(speed, 0)}</b><i>km/h</i></div>
        <div><small>Power</small><b>${num(field(m, 'power_kw'), 0)}</b><i>kW</i></div>
        <div><small>Range</small><b class="${range ? (range.reaches ? 'ok-text' : range.atChargingPointName ? 'warn-text' : 'alarm-text') : ''}" title="${range && !range.reaches && range.atChargingPointName ? 'charge here before leaving' : ''}">${range ? (range.reaches ? '✓' : range.atChargingPointName ? '⚡' : '✗') : '–'}</b><i>${range ? esc(range.targetName) : ''}</i></div>
      </div>
      <div class="chips">${alertChips(m)}</div>
      <div class="seen">Last data ${esc(ago(m.lastSeen))}</div>
    </a>`;
}
