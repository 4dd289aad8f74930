// Cutter-change plan of one TBM: positions by chainage at limit, what is due before the next maintenance stop, discs
// to bring per class, consumption per m³ and positions wearing out of line with their neighbours (blocked/flat discs).
import { api, download } from '../api.js';
import { subscribe, machines } from '../store.js';
import { esc, num } from '../format.js';

const day = (t) => (t ? new Date(t).toLocaleDateString('en-GB', { day: '2-digit', month: 'short', year: 'numeric', timeZone: 'UTC' }) : '–');

export function render(root, params) {
  root.innerHTML = `
    <div class="page-head"><div><h1>Cutter-change plan</h1><p class="sub">Least-squares wear rates per position · due before the next maintenance stop · abnormal wear</p></div></div>
    <section class="panel"><div class="panel-head"><label class="inline">TBM <select id="tbm"></select></label><span class="muted" id="plan-info"></span><button class="link" id="csv-plan" type="button">Export CSV</button></div>
      <div class="plan-summary" id="plan-summary"></div></section>
    <section class="panel"><h2>Positions <small class="muted">sorted by chainage at limit</small></h2><div id="plan-table"></div></section>`;
  const select = root.querySelector('#tbm');
  let disposed = false;

  const fill = () => {
    const current = select.value || params[0] || '';
    select.innerHTML = machines('tbm').map((m) => `<option value="${esc(m.id)}">${esc(m.name || m.id)}</option>`).join('');
    if (current && machines('tbm').some((m) => m.id === current)) select.value = current;
  };

  const load = async () => {
    const id = select.value;
    if (!id) { root.querySelector('#plan-table').innerHTML = '<div class="empty small">No TBM has reported yet.</div>'; return; }
    let plan;
    try { plan = await api(`/api/tbm/${encodeURIComponent(id)}/cutter-plan`); } catch (e) {
      root.querySelector('#plan-info').textContent = `plan unavailable: ${e.message}`;
      return;
    }
    if (disposed) return;
    draw(plan);
  };

  const draw = (plan) => {
    const stop = plan.nextStop;
    const stopText = stop ? [stop.chainageM != null ? `${num(stop.chainageM, 1)} m` : null, stop.at ? day(stop.at) : null].filter(Boolean).join(' or ') : 'none registered';
    const d = plan.discsNeeded;
    root.querySelector('#plan-info').textContent = plan.asOf ? `as of ${new Date(plan.asOf).toISOString().replace('T', ' ').slice(0, 16)} UTC` : '';
    root.querySelector('#plan-summary').innerHTML = `
      <div class="kv"><span>Chainage</span><b id="plan-chainage">${num(plan.chainageM, 1)} m</b></div>
      <div class="kv"><span>Pace (trailing ${num(plan.paceDays, 1)} d)</span><b id="plan-pace">${num(plan.paceMPerDay, 1)} m/day</b></div>
      <div class="kv"><span>Next maintenance stop</span><b id="plan-stop">${esc(stopText)}</b><small>${stop?.at && plan.stopChainageM != null ? `expected at ${num(plan.stopChainageM, 1)} m at the current pace` : ''}</small></div>
      <div class="kv"><span>Discs needed</span><b id="plan-discs">${d.total}</b><small id="plan-discs-by-class">centre ${d.centre} · face ${d.face} · gauge ${d.gauge}</small></div>
      <div class="kv"><span>Consumption</span><b id="plan-consumption">${plan.consumptionDiscsPerM3 != null ? num(plan.consumptionDiscsPerM3 * 1000, 2) : '–'}</b><small>discs per 1,000 m³ (${plan.discsChanged} changed, ${num(plan.excavatedM3, 0)} m³)</small></div>
      <div class="kv"><span>Projected</span><b id="plan-projected">${plan.projectedDiscsPerM3 != null ? num(plan.projectedDiscsPerM3 * 1000, 2) : '–'}</b><small>discs per 1,000 m³ at current rates</small></div>
      <div class="kv"><span>Abnormal wear</span><b id="plan-abnormal" class="${plan.abnormalPositions.length ? 'alarm-text' : ''}">${plan.abnormalPositions.length ? plan.abnormalPositions.join(', ') : 'none'}</b><small>rate &gt; max(median + 3·1.4826·MAD, 1.5 × median) of ring neighbours</small></div>`;
    root.querySelector('#plan-table').innerHTML = plan.positions.length ? `<table class="table plan"><thead><tr><th>Pos.</th><th>Class</th><th>Wear mm</th><th>Limit mm</th><th>mm/m</th><th>mm/km rolled</th><th>× neighbours</th><th>Limit at m</th><th>Date at limit</th><th>Due</th><th>Flag</th></tr></thead><tbody>
      ${plan.positions.map((p) => `<tr data-position="${p.position}" data-due="${p.dueBeforeStop}" data-abnormal="${p.abnormal}" class="${p.abnormal ? 'abnormal' : ''}">
        <td>${p.position}</td><td>${esc(p.class)}</td><td class="${p.wearMm != null && p.wearMm >= p.limitMm ? 'alarm-text' : ''}">${num(p.wearMm, 1)}</td><td>${num(p.limitMm, 0)}</td>
        <td>${num(p.wearRateMmPerM, 3)}</td><td>${num(p.wearRateMmPerKm, 4)}</td><td>${p.rateToNeighbours != null ? num(p.rateToNeighbours, 2) : '–'}</td>
        <td data-col="limit-at">${num(p.chainageAtLimitM, 1)}</td><td>${day(p.dateAtLimit)}</td>
        <td>${p.dueBeforeStop ? '<span class="status idle">due</span>' : ''}</td>
        <td>${p.abnormal ? '<span class="status offline flag-abnormal" title="wears far faster than its ring neighbours: blocked or flat disc?">abnormal</span>' : ''}</td></tr>`).join('')}
      </tbody></table>` : '<div class="empty small">No cutter inspections yet.</div>';
  };

  root.querySelector('#csv-plan').addEventListener('click', () => {
    if (select.value) download(`/api/tbm/${encodeURIComponent(select.value)}/cutter-plan?format=csv`, `${select.value}-cutter-plan.csv`);
  });
  select.addEventListener('change', () => { location.hash = `#/cutterplan/${encodeURIComponent(select.value)}`; });
  fill();
  load();
  const timer = setInterval(load, 30000);
  let queued = false;
  const off = subscribe(() => {
    if (!queued) { queued = true; requestAnimationFrame(() => { queued = false; const had = select.value; fill(); if (!had && select.value) load(); }); }
  });
  return () => { disposed = true; off(); clearInterval(timer); };
}
