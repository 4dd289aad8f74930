// Wear: disc-cutter wear per position over time and wear rates for TBMs; brake pads and battery for trucks.
import { api, download } from '../api.js';
import { store, subscribe, machines } from '../store.js';
import { esc, num, field, clock } from '../format.js';
import { lineChart, COLORS } from '../charts.js';
import { history, historyPath } from '../history.js';

const PALETTE = [COLORS.amber, COLORS.cyan, COLORS.violet, COLORS.green, COLORS.red, COLORS.blue];

export function render(root) {
  root.innerHTML = `
    <div class="page-head"><div><h1>Wear &amp; consumables</h1><p class="sub">Disc cutters, brake pads and batteries · projected replacements</p></div></div>
    <section class="panel"><div class="panel-head"><h2>Disc cutters</h2><label class="inline">TBM <select id="tbm"></select></label><span class="muted" id="wear-info"></span><button class="link" id="csv-cutters" type="button">Export CSV</button></div>
      <div class="grid2 tight"><div class="chart-box"><h3>Wear of the most worn positions <small>mm</small></h3><div class="chart" data-chart="wear"></div></div><div id="cutter-rates"></div></div></section>
    <section class="panel"><h2>Trucks · brake pads &amp; battery</h2><div id="trucks"></div></section>`;
  const select = root.querySelector('#tbm');
  let chart = null;
  let disposed = false;
  let positions = [];

  const fill = () => {
    const current = select.value;
    select.innerHTML = machines('tbm').map((m) => `<option value="${esc(m.id)}">${esc(m.name || m.id)}</option>`).join('');
    if (current) select.value = current;
  };

  const loadCutters = async () => {
    const id = select.value;
    if (!id) { root.querySelector('#cutter-rates').innerHTML = '<div class="empty small">No TBM has reported yet.</div>'; return; }
    let cutters = [];
    try { cutters = await api(`/api/tbm/${encodeURIComponent(id)}/cutters`); } catch { /* keep empty */ }
    if (disposed) return;
    const worst = [...cutters].filter((c) => c.wearMm !== null).sort((a, b) => b.wearMm - a.wearMm).slice(0, 6);
    positions = worst.map((c) => c.position);
    root.querySelector('#cutter-rates').innerHTML = cutters.length ? `<table class="table"><thead><tr><th>Pos.</th><th>Wear mm</th><th>mm/km rolled</th><th>mm/m advance</th><th>Left mm</th><th>Change at</th><th>Changes</th></tr></thead><tbody>
      ${[...cutters].sort((a, b) => (b.wearMm ?? -1) - (a.wearMm ?? -1)).slice(0, 12).map((c) => `<tr><td>${c.position}</td><td>${num(c.wearMm, 1)}</td><td>${num(c.wearRateMmPerKm, 3)}</td><td>${num(c.wearRateMmPerM, 3)}</td><td class="${(c.remainingMm ?? 99) < 3 ? 'alarm-text' : ''}">${num(c.remainingMm, 1)}</td><td>${c.chainageAtLimitM ? `${num(c.chainageAtLimitM, 0)} m` : '–'}</td><td>${c.replacements}</td></tr>`).join('')}
      </tbody></table>` : '<div class="empty small">No cutter measurements yet.</div>';
    await loadWearHistory(id);
  };

  const loadWearHistory = async (id) => {
    if (!positions.length) return;
    try {
      const answers = await Promise.all(positions.map((p) => history(id, ['wear_mm'], { measurement: 'tbm_cutter', position: p })));
      if (disposed) return;
      // Each position has its own timestamps: merge them onto one time axis with gaps where a position has none.
      const times = [...new Set(answers.flatMap((a) => a.data[0]))].sort((a, b) => a - b);
      const columns = answers.map((a) => { const map = new Map(a.data[0].map((t, i) => [t, a.data[1][i]])); return times.map((t) => map.get(t) ?? null); });
      const data = [times, ...columns];
      root.querySelector('#wear-info').textContent = `${times.length} measurements`;
      if (chart) chart.destroy();
      chart = lineChart(root.querySelector('[data-chart="wear"]'), { series: positions.map((p, i) => ({ label: `pos ${p}`, unit: 'mm', color: PALETTE[i % PALETTE.length], spanGaps: true, points: true })), data, height: 240 });
    } catch (e) {
      root.querySelector('#wear-info').textContent = `history unavailable: ${e.message}`;
    }
  };

  const drawTrucks = () => {
    const trucks = machines('truck');
    root.querySelector('#trucks').innerHTML = trucks.length ? `<table class="table"><thead><tr><th>Truck</th><th>Pads mm</th><th>Wear mm/1,000 km</th><th>Change in</th><th>At odometer</th><th>Pad changes</th><th>SOC</th><th>Battery °C</th><th>Min SOC this run</th><th>Export</th></tr></thead><tbody>
      ${trucks.map((m) => { const b = m.truck?.brakeWear; const r = m.truck?.currentRun; return `<tr><td><a href="#/truck/${encodeURIComponent(m.id)}">${esc(m.name || m.id)}</a></td>
        <td class="${(b?.thicknessMm ?? field(m, 'brake_pad_mm') ?? 99) < 4 ? 'alarm-text' : ''}">${num(b?.thicknessMm ?? field(m, 'brake_pad_mm'), 1)}</td><td>${b?.wearMmPer1000Km > 0.005 ? num(b.wearMmPer1000Km, 2) : '–'}</td><td>${b?.kmToMinimum ? `${num(b.kmToMinimum, 0)} km` : '–'}</td><td>${num(b?.odometerAtMinimumKm, 0)}</td><td>${b?.padChanges ?? '–'}</td>
        <td>${num(field(m, 'soc_pct'), 0)} %</td><td>${num(field(m, 'battery_temp_c'), 1)}</td><td>${num(r?.minSocPct, 0)} %</td>
        <td><button class="link" type="button" data-csv="${esc(m.id)}">CSV</button></td></tr>`; }).join('')}</tbody></table>` : '<div class="empty small">No trucks have reported yet.</div>';
  };

  root.addEventListener('click', (e) => {
    const b = e.target.closest('[data-csv]');
    if (b) download(historyPath(b.dataset.csv, ['odometer_km', 'brake_pad_mm', 'soc_pct', 'battery_temp_c', 'battery_voltage_v'], { csv: true }), `${b.dataset.csv}-wear.csv`);
  });
  root.querySelector('#csv-cutters').addEventListener('click', () => {
    if (select.value && positions[0]) download(historyPath(select.value, ['wear_mm'], { measurement: 'tbm_cutter', position: positions[0], csv: true }), `${select.value}-cutter-${positions[0]}.csv`);
  });
  select.addEventListener('change', loadCutters);
  fill();
  drawTrucks();
  loadCutters();
  const timer = setInterval(loadCutters, 30000);
  let queued = false;
  const off = subscribe((kind) => {
    if (kind === 'range') { loadCutters(); return; }
    if (!queued) { queued = true; requestAnimationFrame(() => { queued = false; const had = select.value; fill(); drawTrucks(); if (!had && select.value) loadCutters(); }); }
  });
  return () => { disposed = true; off(); clearInterval(timer); if (chart) chart.destroy(); };
}
