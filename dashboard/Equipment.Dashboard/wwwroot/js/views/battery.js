// Battery health: a truck's state of health from its charging sessions, cell-voltage spread / probe temperature
// difference / insulation trends, its charging-session log, and the fleet's energy table (kWh per 1,000 m climbed).
import { api, download } from '../api.js';
import { store, subscribe, machines } from '../store.js';
import { esc, num, clock, displayName } from '../format.js';
import { lineChart, COLORS } from '../charts.js';
import { history, historyPath } from '../history.js';

export function render(root, [id]) {
  if (!id) {
    const first = machines('truck')[0];
    if (first) { location.hash = `#/battery/${encodeURIComponent(first.id)}`; return null; }
  }
  const fleetOf = () => store.equipment.get(id)?.fleet || machines('truck')[0]?.fleet || '';
  root.innerHTML = `
    <div class="page-head"><div><h1>Battery health</h1><p class="sub">State of health from charging (ΔAh ÷ ΔSOC), cell balance, insulation · fleet energy</p></div>
      <label class="inline">Truck <select id="truck" aria-label="Truck"></select></label></div>
    <section class="panel"><div class="panel-head"><h2 id="health-title">State of health</h2><span class="muted" id="health-info"></span></div><div class="head-stats" id="health"></div></section>
    <section class="panel"><div class="panel-head"><h2>Cell balance and insulation</h2><span class="muted" id="trend-info"></span><button class="link" id="csv-trend" type="button">Export CSV</button></div>
      <div class="charts2"><div class="chart-box"><h3>Cell-voltage spread <small>mV</small> and probe temperature difference <small>K</small></h3><div class="chart" data-chart="spread"></div></div>
      <div class="chart-box"><h3>Insulation resistance <small>kΩ</small></h3><div class="chart" data-chart="insulation"></div></div></div></section>
    <section class="panel"><div class="panel-head"><h2>Charging sessions</h2><span class="muted" id="sessions-info"></span><button class="link" id="csv-sessions" type="button">Export CSV</button></div><div id="sessions"></div></section>
    <section class="panel"><div class="panel-head"><h2 id="energy-title">Fleet energy</h2><span class="muted">closed altitude runs, best first</span><button class="link" id="csv-energy" type="button">Export CSV</button></div>
      <div class="grid2 tight"><div id="energy-trucks"></div><div id="energy-legs"></div></div></section>`;
  const select = root.querySelector('#truck');
  select.innerHTML = machines('truck').map((m) => `<option value="${esc(m.id)}">${esc(displayName(m))}</option>`).join('');
  if (id) select.value = id;
  select.addEventListener('change', () => { location.hash = `#/battery/${encodeURIComponent(select.value)}`; });
  const charts = new Map();
  let disposed = false;

  const tile = (key, label, value, cls = '') => `<div class="tile ${cls}" data-figure="${key}"><b>${value}</b><span>${label}</span></div>`;

  const loadHealth = async () => {
    let h;
    try { h = await api(`/api/trucks/${encodeURIComponent(id)}/battery-health`); } catch (e) { root.querySelector('#health-info').textContent = e.message; return; }
    if (disposed) return;
    const c = h.conditions || {};
    root.querySelector('#health-info').textContent = `${h.sessionsUsed} of ${h.sessionsSeen} sessions qualify (ΔSOC ≥ ${num(c.minDeltaSocPct, 0)} pp, ${num(c.minTempC, 0)}–${num(c.maxTempC, 0)} °C, no gap)`;
    root.querySelector('#health').innerHTML = [
      tile('soh', 'state of health', h.sohPct == null ? '–' : `${num(h.sohPct, 1)} % <small>± ${num(h.sohErrorPct, 1)}</small>`, h.sohPct != null && h.sohPct < 80 ? 'on sev-major' : ''),
      tile('capacity', 'capacity Ah (rated)', `${num(h.estimatedCapacityAh, 1)} <small>/ ${num(h.ratedCapacityAh, 0)}</small>`),
      tile('spread', 'cell spread mV', num(h.cellSpreadMv, 0), h.cellSpreadMv >= 150 ? 'on sev-minor' : ''),
      tile('probe', 'probe ΔT K', num(h.probeSpreadC, 1), h.probeSpreadC >= 6 ? 'on sev-minor' : ''),
      tile('insulation', 'insulation kΩ', `${num(h.insulationKohm, 0)} <small>${h.insulationOhmPerV == null ? '' : `${num(h.insulationOhmPerV, 0)} Ω/V`}</small>`, h.insulationOhmPerV != null && h.insulationOhmPerV < 500 ? 'on sev-major' : ''),
    ].join('');
  };

  const loadSessions = async () => {
    let sessions = [];
    try { sessions = await api(`/api/trucks/${encodeURIComponent(id)}/charging-sessions`); } catch { /* keep empty */ }
    if (disposed) return;
    root.querySelector('#sessions-info').textContent = `${sessions.length} sessions`;
    root.querySelector('#sessions').innerHTML = sessions.length ? `<table class="table" data-table="sessions"><thead><tr><th>Start</th><th>End</th><th>SOC %</th><th>kWh</th><th>Ah</th><th>Peak kW</th><th>Battery °C</th><th>Capacity Ah</th><th>SOH %</th><th>Not used because</th></tr></thead><tbody>
      ${[...sessions].reverse().map((s) => `<tr><td>${clock(s.start)}</td><td>${clock(s.end)}</td><td>${num(s.startSocPct, 0)} → ${num(s.endSocPct, 0)}</td><td>${num(s.energyKwh, 1)}</td><td>${num(s.chargeAh, 1)}</td><td>${num(s.peakPowerKw, 1)}</td>
        <td>${num(s.batteryTempMinC, 0)}–${num(s.batteryTempMaxC, 0)}</td><td>${num(s.capacityAh, 1)}</td><td>${num(s.sohPct, 1)}</td><td class="muted">${esc(s.excluded || '')}</td></tr>`).join('')}</tbody></table>`
      : '<div class="empty small">No charging session yet.</div>';
  };

  const loadTrends = async () => {
    try {
      const { result, data } = await history(id, ['cell_spread_mv', 'probe_spread_c', 'insulation_kohm']);
      if (disposed) return;
      root.querySelector('#trend-info').textContent = `${data[0].length} points · ${result.tier || ''}`;
      for (const c of charts.values()) c.destroy();
      charts.set('spread', lineChart(root.querySelector('[data-chart="spread"]'), { series: [{ label: 'cell spread', unit: 'mV', color: COLORS.amber }, { label: 'probe ΔT', unit: 'K', color: COLORS.cyan, scale: 'k' }], data: [data[0], data[1], data[2]], height: 220 }));
      charts.set('insulation', lineChart(root.querySelector('[data-chart="insulation"]'), { series: [{ label: 'insulation', unit: 'kΩ', color: COLORS.green }], data: [data[0], data[3]], height: 220 }));
    } catch (e) {
      root.querySelector('#trend-info').textContent = `history unavailable: ${e.message}`;
    }
  };

  const energyTable = (rows, label, key) => rows.length ? `<table class="table" data-table="energy-${key}"><thead><tr><th>#</th><th>${label}</th><th>kWh / 1,000 m</th><th>kWh / 100 km</th><th>Runs</th><th>km</th><th>Climb m</th></tr></thead><tbody>
    ${rows.map((r, i) => `<tr><td>${i + 1}</td><td>${key === 'trucks' ? `<a href="#/battery/${encodeURIComponent(r.key)}">${esc(r.key)}</a>` : esc(r.key)}</td><td>${num(r.kwhPer1000mClimb, 1)}</td><td>${num(r.kwhPer100Km, 1)}</td><td>${r.runs}</td><td>${num(r.distanceKm, 0)}</td><td>${num(r.ascentM, 0)}</td></tr>`).join('')}</tbody></table>`
    : `<div class="empty small">No closed run yet.</div>`;

  const loadEnergy = async () => {
    const fleet = fleetOf();
    root.querySelector('#energy-title').textContent = `Fleet energy · ${fleet}`;
    if (!fleet) return;
    let table = { byTruck: [], byLeg: [] };
    try { table = await api(`/api/fleets/${encodeURIComponent(fleet)}/energy`); } catch { /* keep empty */ }
    if (disposed) return;
    root.querySelector('#energy-trucks').innerHTML = energyTable(table.byTruck, 'Truck', 'trucks');
    root.querySelector('#energy-legs').innerHTML = energyTable(table.byLeg, 'Leg', 'legs');
  };

  root.querySelector('#csv-trend').addEventListener('click', () => download(historyPath(id, ['cell_spread_mv', 'probe_spread_c', 'insulation_kohm', 'cell_voltage_max_v', 'cell_voltage_min_v'], { csv: true }), `${id}-battery.csv`));
  root.querySelector('#csv-sessions').addEventListener('click', () => download(`/api/trucks/${encodeURIComponent(id)}/charging-sessions?format=csv`, `${id}-charging-sessions.csv`));
  root.querySelector('#csv-energy').addEventListener('click', () => download(`/api/fleets/${encodeURIComponent(fleetOf())}/energy?format=csv`, `${fleetOf()}-energy.csv`));

  const all = () => Promise.all([loadHealth(), loadSessions(), loadTrends(), loadEnergy()]);
  if (id) all();
  const timer = setInterval(() => { if (id) { loadHealth(); loadSessions(); } }, 30000);
  const off = subscribe((kind) => { if (kind === 'range' && id) loadTrends(); });
  return () => { disposed = true; off(); clearInterval(timer); for (const c of charts.values()) c.destroy(); };
}
