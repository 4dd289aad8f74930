// Truck view: where it is on the route and what the climb ahead needs, battery and drive temperatures, energy runs.
import { api, download } from '../api.js';
import { store, subscribe, openAlerts, machines } from '../store.js';
import { esc, num, field, ago, displayName, clock } from '../format.js';
import { bar } from '../gauges.js';
import { lineChart, COLORS } from '../charts.js';
import { history, historyPath } from '../history.js';
import { loadRoute, profileSvg } from '../route.js';

export function render(root, [id]) {
  if (!id) {
    const first = machines('truck')[0];
    if (first) { location.hash = `#/truck/${encodeURIComponent(first.id)}`; return null; }
  }
  root.innerHTML = `
    <div class="page-head machine-head">
      <div><h1 id="title">${esc(displayName(store.equipment.get(id)) || id)}</h1><p class="sub" id="subtitle"></p></div>
      <div class="head-stats" id="head-stats"></div>
    </div>
    <section class="panel"><div class="panel-head"><h2>Route · G318</h2><span class="muted" id="route-info"></span></div><div id="profile" class="profile"></div><div id="range" class="range-strip"></div></section>
    <div class="grid3">
      <section class="panel"><h2>Battery &amp; drive</h2><div id="battery"></div></section>
      <section class="panel"><h2>Temperatures</h2><div id="temps"></div></section>
      <section class="panel"><h2>Current run &amp; brakes</h2><div id="run" class="kv"></div></section>
    </div>
    <section class="panel"><div class="panel-head"><h2>Charge and energy over distance</h2><span class="muted" id="hist-info"></span><button class="link" id="csv" type="button">Export CSV</button></div>
      <div class="charts2"><div class="chart-box"><h3>State of charge <small>% vs km</small></h3><div class="chart" data-chart="soc_pct"></div></div>
      <div class="chart-box"><h3>Net energy drawn <small>kWh vs km</small></h3><div class="chart" data-chart="energy"></div></div></div></section>
    <section class="panel"><div class="panel-head"><h2>Altitude runs</h2><span class="muted" id="runs-info"></span></div><div id="runs"></div>
      <div class="runs-foot"><button class="small" id="older-runs" type="button" hidden>Older runs</button></div></section>`;

  let route = null;
  let disposed = false;
  const charts = new Map();

  const live = () => {
    const m = store.equipment.get(id);
    if (!m) { root.querySelector('#subtitle').textContent = 'Waiting for this truck to report…'; return; }
    const t = m.truck || {};
    const pos = t.routePosition;
    const soc = field(m, 'soc_pct');
    const speed = field(m, 'speed_kmh');
    root.querySelector('#title').textContent = displayName(m);
    root.querySelector('#subtitle').innerHTML = `Truck · ${esc(m.id)} · fleet ${esc(m.fleet || '–')} · last data ${esc(ago(m.lastSeen))}${m.stale ? ' · <span class="status offline">offline</span>' : ''}`;
    const alerts = openAlerts().filter((a) => a.equipmentId === id).length;
    root.querySelector('#head-stats').innerHTML = `
      <div><small>Charge</small><b data-head="soc" class="${soc !== null && soc < 20 ? 'alarm-text' : ''}">${num(soc, 0)} %</b></div>
      <div><small>Speed</small><b>${num(speed, 0)} km/h</b></div>
      <div><small>Altitude</small><b>${num(field(m, 'altitude_m'), 0)} m</b></div>
      <div><small>Odometer</small><b>${num(field(m, 'odometer_km'), 1)} km</b></div>
      <div><small>Open alerts</small><b class="${alerts ? 'alarm-text' : ''}">${alerts}</b></div>`;
    if (route) root.querySelector('#profile').innerHTML = profileSvg(route, pos?.routeKm, { width: 1200, height: 230 });
    root.querySelector('#route-info').textContent = pos
      ? `km ${num(pos.routeKm, 1)} of ${num(route?.totalKm ?? pos.routeKm + pos.remainingKm, 0)} · between ${pos.previous?.name} and ${pos.next?.name} (${num(pos.kmToNext, 0)} km) · ${num(pos.remainingKm, 0)} km to go${pos.onRoute ? '' : ' · off route'}`
      : 'position unknown';
    const r = t.range;
    root.querySelector('#range').innerHTML = r ? `
      ${!r.reaches && r.atChargingPointName
        ? `<div class="range-verdict warn"><b>Charge at ${esc(r.atChargingPointName)}</b> before leaving: ${esc(r.targetName)} at km ${num(r.targetKm, 0)} needs ${num(r.socNeededPct, 0)} %</div>`
        : `<div class="range-verdict ${r.reaches ? 'ok' : 'alarm'}"><b>${r.reaches ? 'Reaches' : 'Runs short'}</b> ${esc(r.targetName)} at km ${num(r.targetKm, 0)}${r.reaches ? '' : ` — battery empty near km ${num(r.runsShortAtKm, 0)}`}</div>`}
      <div><small>Energy needed</small><b>${num(r.energyNeededKwh, 1)} kWh</b></div>
      <div><small>Peak draw on the way</small><b>${num(r.peakEnergyKwh, 1)} kWh</b></div>
      <div><small>Usable now</small><b>${num(r.usableEnergyKwh, 1)} kWh</b></div>
      <div><small>SOC needed</small><b>${num(r.socNeededPct, 0)} %</b></div>
      <div><small>Margin</small><b class="${r.socMarginPct < 0 ? 'alarm-text' : r.socMarginPct < 5 ? 'warn-text' : 'ok-text'}">${num(r.socMarginPct, 1)} %</b></div>`
      : '<div class="muted">No range estimate yet (needs position and charge).</div>';
    root.querySelector('#battery').innerHTML = [
      bar({ label: 'State of charge', value: soc, max: 100, unit: '%', warnAt: 30, alarmAt: 15, invert: true }),
      bar({ label: 'Traction power', value: field(m, 'power_kw'), max: 250, unit: 'kW' }),
      `<div class="kv"><div><span>Battery voltage</span><b>${num(field(m, 'battery_voltage_v'), 0)} V</b></div><div><span>Battery current</span><b>${num(field(m, 'battery_current_a'), 0)} A</b></div></div>`,
    ].join('');
    root.querySelector('#temps').innerHTML = [
      bar({ label: 'Battery', value: field(m, 'battery_temp_c'), max: 70, unit: '°C', warnAt: 45, alarmAt: 55 }),
      bar({ label: 'Motor', value: field(m, 'motor_temp_c'), max: 150, unit: '°C', warnAt: 105, alarmAt: 120 }),
      bar({ label: 'Inverter', value: field(m, 'inverter_temp_c'), max: 100, unit: '°C', warnAt: 75, alarmAt: 85 }),
      bar({ label: 'Ambient', value: field(m, 'ambient_temp_c'), max: 40, unit: '°C' }),
    ].join('');
    const run = t.currentRun;
    const b = t.brakeWear;
    root.querySelector('#run').innerHTML = `
      <div><span>Run distance</span><b>${num(run?.distanceKm, 1)} km</b></div>
      <div><span>Ascent / descent</span><b>${num(run?.ascentM, 0)} / ${num(run?.descentM, 0)} m</b></div>
      <div><span>Energy drawn / regen</span><b>${num(run?.energyKwh, 1)} / ${num(run?.regenKwh, 1)} kWh</b></div>
      <div><span>kWh per 1,000 m climb</span><b>${num(run?.kwhPer1000mClimb, 1)}</b></div>
      <div><span>Brake pads</span><b>${num(b?.thicknessMm ?? field(m, 'brake_pad_mm'), 1)} mm</b></div>
      <div><span>Pad change in</span><b>${b?.kmToMinimum ? `${num(b.kmToMinimum, 0)} km` : '–'}</b></div>`;
  };

  // Runs newest first: the first page (the open run and the latest closed ones) is refreshed; "Older runs" pages back
  // through InfluxDB's truck_run from where the first page ended. Runs are kept by their end, so a refresh that moves
  // the boundary neither drops nor repeats one.
  const RUNS_PAGE = 10;
  const runs = new Map();
  let olderCursor;
  const runsPath = (cursor) => `/api/trucks/${encodeURIComponent(id)}/runs?order=desc&limit=${RUNS_PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
  const keep = (items) => { for (const r of items) runs.set(r.end ?? `open:${r.runId}`, r); };
  const renderRuns = () => {
    const list = [...runs.values()].sort((a, b) => (b.end ? Date.parse(b.end) : Infinity) - (a.end ? Date.parse(a.end) : Infinity));
    root.querySelector('#runs').innerHTML = list.length ? `<table class="table" data-table="runs"><thead><tr><th>Run</th><th>Start</th><th>End</th><th>Leg</th><th>km</th><th>Ascent m</th><th>Descent m</th><th>Max alt. m</th><th>Drawn kWh</th><th>Regen kWh</th><th>kWh/100 km</th><th>kWh per 1,000 m climb</th><th>Min SOC</th></tr></thead><tbody>
      ${list.map((r) => `<tr data-run-id="${r.runId}"${r.end ? '' : ' class="open"'}><td>${r.runId}</td><td>${esc(clock(r.start))}</td><td>${r.end ? esc(clock(r.end)) : '<span class="chip run">open</span>'}</td><td>${esc(r.leg || '–')}</td><td>${num(r.distanceKm, 1)}</td><td>${num(r.ascentM, 0)}</td><td>${num(r.descentM, 0)}</td><td>${num(r.maxAltitudeM, 0)}</td><td>${num(r.energyKwh, 1)}</td><td>${num(r.regenKwh, 1)}</td><td>${num(r.kwhPer100Km, 1)}</td><td><b>${num(r.kwhPer1000mClimb, 1)}</b></td><td>${num(r.minSocPct, 0)} %</td></tr>`).join('')}
    </tbody></table>` : '<div class="empty small">No runs yet: a run starts when the truck drives off.</div>';
    root.querySelector('#runs-info').textContent = list.length ? `${list.length} run${list.length === 1 ? '' : 's'}${olderCursor ? ', newest first' : ', the whole history'}` : '';
    root.querySelector('#older-runs').hidden = !olderCursor;
  };

  const loadRuns = async () => {
    let page;
    try { page = await api(runsPath(null)); } catch { return; }
    if (disposed) return;
    for (const key of [...runs.keys()]) if (String(key).startsWith('open:')) runs.delete(key);
    keep(page.items);
    if (olderCursor === undefined) olderCursor = page.nextCursor;
    renderRuns();
  };

  const older = root.querySelector('#older-runs');
  older.addEventListener('click', async () => {
    if (!olderCursor) return;
    older.disabled = true;
    try {
      const page = await api(runsPath(olderCursor));
      if (disposed) return;
      keep(page.items);
      olderCursor = page.nextCursor;
      renderRuns();
    } catch { /* the button stays for another try */ } finally { older.disabled = false; }
  });

  const loadHistory = async () => {
    try {
      const { result, data } = await history(id, ['odometer_km', 'soc_pct', 'power_kw']);
      if (disposed) return;
      const [ts, odo, soc, power] = data;
      const km = []; const socs = []; const energy = [];
      let sum = 0;
      for (let i = 0; i < ts.length; i++) {
        // Net energy: mean power of each bucket times the bucket's length; gaps (no bucket) add nothing.
        if (i > 0 && power[i - 1] !== null) { const dt = ts[i] - ts[i - 1]; if (dt < 3600) sum += (power[i - 1] * dt) / 3600; }
        if (odo[i] === null) continue;
        km.push(odo[i]); socs.push(soc[i]); energy.push(sum);
      }
      root.querySelector('#hist-info').textContent = `${result.times.length} points · ${result.tier === 'raw' ? 'raw data' : `${result.tier} rollup`}`;
      const sets = { soc_pct: [km, socs], energy: [km, energy] };
      for (const [key, d] of Object.entries(sets)) {
        if (charts.has(key)) charts.get(key).update(d);
        else charts.set(key, lineChart(root.querySelector(`[data-chart="${key}"]`), { time: false, xLabel: 'odometer km', series: [{ label: key === 'energy' ? 'Energy' : 'SOC', unit: key === 'energy' ? 'kWh' : '%', color: key === 'energy' ? COLORS.cyan : COLORS.green, fill: key === 'energy' ? '#39c5cf22' : '#3fb95022' }], data: d, height: 190 }));
      }
    } catch (e) {
      root.querySelector('#hist-info').textContent = `history unavailable: ${e.message}`;
    }
  };

  root.querySelector('#csv').addEventListener('click', () => download(historyPath(id, ['odometer_km', 'altitude_m', 'speed_kmh', 'soc_pct', 'power_kw', 'battery_temp_c', 'motor_temp_c'], { csv: true }), `${id}-truck.csv`));
  loadRoute('g318').then((r) => { route = r; live(); }).catch(() => {});
  live();
  loadRuns();
  loadHistory();
  const runsTimer = setInterval(loadRuns, 10000);
  const histTimer = setInterval(loadHistory, 30000);
  let queued = false;
  const off = subscribe((kind, payload) => {
    if (kind === 'range') { loadHistory(); return; }
    if (kind === 'equipment' && payload.id !== id) return;
    if (!queued) { queued = true; requestAnimationFrame(() => { queued = false; live(); }); }
  });
  return () => { disposed = true; off(); clearInterval(runsTimer); clearInterval(histTimer); charts.forEach((c) => c.destroy()); };
}
