// TBM view: live gauges, advance against target, stroke classification along the tunnel, history, cutterhead wear.
import { api, download } from '../api.js';
import { store, subscribe, openAlerts, machines } from '../store.js';
import { esc, num, field, ago, displayName, clock } from '../format.js';
import { gauge, bar } from '../gauges.js';
import { lineChart, COLORS } from '../charts.js';
import { history, historyPath } from '../history.js';

const GAUGES = [
  { key: 'thrust_kn', label: 'Thrust', unit: 'kN', max: 20000, digits: 0 },
  { key: 'torque_knm', label: 'Torque', unit: 'kNm', max: 4000, digits: 0, warn: 0.79, alarm: 0.875 },
  { key: 'rpm', label: 'Cutterhead', unit: 'rpm', max: 12, digits: 2 },
  { key: 'penetration_mm_rev', label: 'Penetration', unit: 'mm/rev', max: 20, digits: 1, warn: 1.1, alarm: 1.1 },
  { key: 'advance_mm_min', label: 'Advance', unit: 'mm/min', max: 120, digits: 0, warn: 1.1, alarm: 1.1 },
];

const CHARTS = [
  { key: 'thrust_kn', label: 'Thrust', unit: 'kN', color: COLORS.amber },
  { key: 'torque_knm', label: 'Torque', unit: 'kNm', color: COLORS.cyan },
  { key: 'penetration_mm_rev', label: 'Penetration', unit: 'mm/rev', color: COLORS.violet },
];

export function render(root, [id]) {
  const m0 = store.equipment.get(id);
  if (!id || (!m0 && machines('tbm').length)) {
    const first = machines('tbm')[0];
    if (!id && first) { location.hash = `#/tbm/${encodeURIComponent(first.id)}`; return null; }
  }
  root.innerHTML = `
    <div class="page-head machine-head">
      <div><h1 id="title">${esc(displayName(m0) || id)}</h1><p class="sub" id="subtitle"></p></div>
      <div class="head-stats" id="head-stats"></div>
    </div>
    <div class="gauges" id="gauges"></div>
    <div class="grid3">
      <section class="panel"><h2>Advance</h2><div id="advance"></div></section>
      <section class="panel"><h2>Cutting</h2><div id="cutting" class="kv"></div></section>
      <section class="panel"><h2>Temperatures &amp; drive</h2><div id="temps"></div></section>
    </div>
    <section class="panel"><div class="panel-head"><h2>Strokes along the tunnel</h2><span class="legend"><i class="sw regular"></i>regular <i class="sw exceptional"></i>exceptional <i class="sw band"></i>torque-ratio band</span></div><div id="strokes" class="strokes"></div></section>
    <section class="panel"><div class="panel-head"><h2>History</h2><span class="muted" id="hist-info"></span><button class="link" id="csv" type="button">Export CSV</button></div>
      <div class="charts3">${CHARTS.map((c) => `<div class="chart-box"><h3>${c.label} <small>${c.unit}</small></h3><div class="chart" data-chart="${c.key}"></div></div>`).join('')}</div></section>
    <div class="grid2">
      <section class="panel"><h2>Cutterhead wear</h2><div id="cutterhead" class="cutterhead"></div></section>
      <section class="panel"><h2>Next cutter changes</h2><div id="cutter-table"></div></section>
    </div>`;

  const gauges = GAUGES.map((g) => gauge(g));
  root.querySelector('#gauges').append(...gauges.map((g) => g.el));
  const charts = new Map();
  let strokes = [];
  let cutters = [];
  let band = [0.35, 0.57];
  let disposed = false;
  // The machine's own torque-ratio band (ÖNORM B 2203-2 classification limits) from its registration.
  api(`/api/equipment/${encodeURIComponent(id)}/registration`).then((r) => { if (r?.tbm?.torqueRatioBand?.length === 2) band = r.tbm.torqueRatioBand; }).catch(() => {});

  const live = () => {
    const m = store.equipment.get(id);
    if (!m) { root.querySelector('#subtitle').textContent = 'Waiting for this machine to report…'; return; }
    const k = m.tbm || {};
    root.querySelector('#title').textContent = displayName(m);
    root.querySelector('#subtitle').innerHTML = `TBM · ${esc(m.id)} · site ${esc(m.site || '–')} · last data ${esc(ago(m.lastSeen))}${m.stale ? ' · <span class="status offline">offline</span>' : ''}`;
    const boring = k.boring ?? m.fields?.boring?.value === true;
    root.querySelector('#head-stats').innerHTML = `
      <div><small>Chainage</small><b data-head="chainage">${num(k.chainageM ?? field(m, 'chainage_m'), 2)} m</b></div>
      <div><small>Stroke</small><b>${num(k.stroke ?? field(m, 'stroke'), 0)}</b></div>
      <div><small>State</small><b class="${boring ? 'ok-text' : 'warn-text'}">${boring ? 'Boring' : `Standstill${k.standstillS ? ` ${num(k.standstillS / 60, 0)} min` : ''}`}</b></div>
      <div><small>Open alerts</small><b class="${openAlerts().some((a) => a.equipmentId === id) ? 'alarm-text' : ''}">${openAlerts().filter((a) => a.equipmentId === id).length}</b></div>`;
    GAUGES.forEach((g, i) => gauges[i].set(field(m, g.key)));
    const target = k.dayTargetM || 20;
    const dayPct = Math.min(100, ((k.dayAdvanceM ?? 0) / target) * 100);
    root.querySelector('#advance').innerHTML = `
      <div class="progress-label"><span>Today</span><b>${num(k.dayAdvanceM, 2)} / ${num(target, 0)} m</b></div>
      <div class="progress lg"><div class="${dayPct >= 100 ? 'ok' : dayPct >= 60 ? '' : 'behind'}" style="width:${dayPct}%"></div></div>
      <div class="kv">
        <div><span>This shift</span><b>${num(k.shiftAdvanceM, 2)} m</b></div>
        <div><span>Previous shift</span><b>${num(k.previousShift?.advanceM, 2)} m</b></div>
        <div><span>Yesterday</span><b>${num(k.previousDay?.advanceM, 2)} m</b></div>
        <div><span>Utilisation shift / day</span><b>${pct(k.shiftUtilisation)} / ${pct(k.dayUtilisation)}</b></div>
        <div><span>Boring advance rate</span><b>${num(k.boringAdvanceRateMPerH, 2)} m/h</b></div>
      </div>`;
    root.querySelector('#cutting').innerHTML = `
      <div><span>Thrust per cutter</span><b>${num(k.thrustPerCutterKn, 1)} kN</b></div>
      <div><span>Torque ratio T/T<sub>theo</sub></span><b>${num(k.torqueRatio, 3)}</b></div>
      <div><span>Field penetration index</span><b>${num(k.fieldPenetrationIndex, 1)}</b></div>
      <div><span>Specific energy</span><b>${num(k.specificEnergyMjPerM3, 1)} MJ/m³</b></div>
      <div><span>Exceptional strokes in a row</span><b class="${(k.consecutiveExceptionalStrokes ?? 0) >= 3 ? 'alarm-text' : ''}">${num(k.consecutiveExceptionalStrokes, 0)}</b></div>
      <div><span>Max cutter wear</span><b>${num(k.maxCutterWearMm, 1)} mm</b></div>`;
    root.querySelector('#temps').innerHTML = [
      bar({ label: 'Main bearing', value: field(m, 'main_bearing_temp_c'), max: 100, unit: '°C', warnAt: 65, alarmAt: 75 }),
      bar({ label: 'Gear oil', value: field(m, 'gear_oil_temp_c'), max: 100, unit: '°C', warnAt: 70, alarmAt: 80 }),
      bar({ label: 'Hydraulic oil', value: field(m, 'hydraulic_oil_temp_c'), max: 100, unit: '°C', warnAt: 60, alarmAt: 70 }),
      bar({ label: 'Gripper pressure', value: field(m, 'gripper_pressure_bar'), max: 400, unit: 'bar' }),
      bar({ label: 'Power', value: field(m, 'power_kw'), max: 5000, unit: 'kW' }),
    ].join('');
  };

  const loadTwin = async () => {
    try {
      [strokes, cutters] = await Promise.all([api(`/api/tbm/${encodeURIComponent(id)}/strokes`), api(`/api/tbm/${encodeURIComponent(id)}/cutters`)]);
    } catch { /* machine not known yet: keep the last answer */ }
    if (disposed) return;
    root.querySelector('#strokes').innerHTML = strokeSvg(strokes, band);
    root.querySelector('#cutterhead').innerHTML = cutterheadSvg(cutters);
    root.querySelector('#cutter-table').innerHTML = cutterTable(cutters);
  };

  const loadHistory = async () => {
    try {
      const { result, data } = await history(id, CHARTS.map((c) => c.key));
      if (disposed) return;
      root.querySelector('#hist-info').textContent = `${result.times.length} points · ${result.tier === 'raw' ? 'raw data' : `${result.tier} rollup`} · ${result.every} means`;
      CHARTS.forEach((c, i) => {
        const d = [data[0], data[i + 1]];
        const el = root.querySelector(`[data-chart="${c.key}"]`);
        if (charts.has(c.key)) charts.get(c.key).update(d);
        else charts.set(c.key, lineChart(el, { series: [{ label: c.label, unit: c.unit, color: c.color, fill: `${c.color}22` }], data: d, height: 170 }));
      });
    } catch (e) {
      root.querySelector('#hist-info').textContent = `history unavailable: ${e.message}`;
    }
  };

  root.querySelector('#csv').addEventListener('click', () => download(historyPath(id, ['thrust_kn', 'torque_knm', 'rpm', 'penetration_mm_rev', 'advance_mm_min', 'chainage_m'], { csv: true }), `${id}-tbm.csv`));

  live();
  loadTwin();
  loadHistory();
  const twinTimer = setInterval(loadTwin, 5000);
  const histTimer = setInterval(loadHistory, 30000);
  let queued = false;
  const off = subscribe((kind, payload) => {
    if (kind === 'range') { loadHistory(); return; }
    if (kind === 'equipment' && payload.id !== id) return;
    if (!queued) { queued = true; requestAnimationFrame(() => { queued = false; live(); }); }
  });
  return () => { disposed = true; off(); clearInterval(twinTimer); clearInterval(histTimer); charts.forEach((c) => c.destroy()); };
}

function pct(v) { return v === null || v === undefined ? '–' : `${num(v * 100, 0)} %`; }

/** Strokes as bars along chainage: height = mean torque ratio, colour = class, band shaded. */
function strokeSvg(list, band) {
  const closed = (list || []).filter((s) => s.chainageStartM !== null && s.chainageEndM !== null);
  if (!closed.length) return '<div class="empty small">No strokes classified yet.</div>';
  const W = 1200; const H = 190; const pad = { l: 44, r: 10, t: 10, b: 26 };
  const x0 = Math.min(...closed.map((s) => s.chainageStartM));
  const x1 = Math.max(...closed.map((s) => s.chainageEndM));
  const span = Math.max(0.5, x1 - x0);
  const maxR = Math.max(1, ...closed.map((s) => s.mean.torqueRatio || 0)) * 1.05;
  const x = (c) => pad.l + ((c - x0) / span) * (W - pad.l - pad.r);
  const y = (r) => pad.t + (1 - r / maxR) * (H - pad.t - pad.b);
  const ticks = [];
  for (let r = 0; r <= maxR; r += 0.25) ticks.push(`<line class="st-grid" x1="${pad.l}" x2="${W - pad.r}" y1="${y(r)}" y2="${y(r)}"/><text class="st-axis" x="${pad.l - 6}" y="${y(r) + 4}" text-anchor="end">${r.toFixed(2)}</text>`);
  const step = span > 60 ? 20 : span > 20 ? 5 : span > 8 ? 2 : 1;
  for (let c = Math.ceil(x0 / step) * step; c <= x1; c += step) ticks.push(`<text class="st-axis" x="${x(c)}" y="${H - 8}" text-anchor="middle">${num(c, 0)} m</text>`);
  const bars = closed.map((s) => {
    const r = s.mean.torqueRatio || 0;
    const w = Math.max(1.5, x(s.chainageEndM) - x(s.chainageStartM) - 1);
    return `<rect class="st-bar ${s.mean.advanceClass}${s.open ? ' open' : ''}" x="${x(s.chainageStartM).toFixed(1)}" y="${y(r).toFixed(1)}" width="${w.toFixed(1)}" height="${(y(0) - y(r)).toFixed(1)}"><title>Stroke ${s.stroke} · ${num(s.chainageStartM, 2)}–${num(s.chainageEndM, 2)} m · ratio ${num(r, 3)} (${s.mean.advanceClass}) · p ${num(s.mean.penetrationMmRev, 1)} mm/rev · F ${num(s.mean.thrustKn, 0)} kN · T ${num(s.mean.torqueKnm, 0)} kNm${s.open ? ' · open' : ''}</title></rect>`;
  }).join('');
  const regular = closed.filter((s) => s.mean.advanceClass === 'regular').length;
  return `<div class="stroke-stats"><span><b>${closed.length}</b> strokes</span><span class="ok-text"><b>${regular}</b> regular</span><span class="warn-text"><b>${closed.length - regular}</b> exceptional</span><span>median ratio of last: <b>${num(closed[closed.length - 1].median.torqueRatio, 3)}</b></span></div>
    <svg viewBox="0 0 ${W} ${H}" class="stroke-chart" role="img" aria-label="Torque ratio per stroke along chainage">
      <rect class="st-band" x="${pad.l}" width="${W - pad.l - pad.r}" y="${y(band[1])}" height="${y(band[0]) - y(band[1])}"/>${ticks.join('')}${bars}</svg>`;
}

/** The cutterhead face: position i at radius i/n·R (README's layout), spread round the head by the golden angle. */
function cutterheadSvg(list) {
  if (!list || !list.length) return '<div class="empty small">No cutter wear measured yet.</div>';
  const n = Math.max(...list.map((c) => c.position), list.length);
  const R = 150;
  const dots = list.map((c) => {
    const limit = c.limitMm ?? (c.wearMm !== null && c.remainingMm !== null ? c.wearMm + c.remainingMm : 25);
    const f = c.wearMm === null ? null : c.wearMm / limit;
    const cls = f === null ? 'none' : f >= 1 ? 'w4' : f >= 0.8 ? 'w3' : f >= 0.5 ? 'w2' : 'w1';
    const r = (c.position / n) * (R - 12) + 6;
    const a = (c.position * 137.508 * Math.PI) / 180;
    const cx = 170 + r * Math.cos(a);
    const cy = 170 + r * Math.sin(a);
    return `<g class="cutter ${cls}" data-position="${c.position}"><circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="8"/><text x="${cx.toFixed(1)}" y="${(cy + 3).toFixed(1)}">${c.position}</text><title>Cutter ${c.position}${c.class ? ` (${esc(c.class)}, limit ${num(c.limitMm, 0)} mm)` : ''}: ${num(c.wearMm, 1)} mm wear, ${num(c.remainingMm, 1)} mm left${c.chainageAtLimitM ? `, change at ${num(c.chainageAtLimitM, 0)} m` : ''}</title></g>`;
  }).join('');
  return `<div class="ch-wrap"><svg viewBox="0 0 340 340" role="img" aria-label="Cutterhead wear map">
      <circle class="ch-face" cx="170" cy="170" r="${R + 8}"/><circle class="ch-ring" cx="170" cy="170" r="${R / 2}"/>
      ${[0, 60, 120, 180, 240, 300].map((d) => { const a = (d * Math.PI) / 180; return `<line class="ch-spoke" x1="170" y1="170" x2="${170 + (R + 8) * Math.cos(a)}" y2="${170 + (R + 8) * Math.sin(a)}"/>`; }).join('')}
      ${dots}</svg>
    <div class="ch-legend"><span><i class="w1"></i>&lt; 50 %</span><span><i class="w2"></i>50–80 %</span><span><i class="w3"></i>80–100 %</span><span><i class="w4"></i>at limit</span><span><i class="none"></i>not measured</span></div></div>`;
}

function cutterTable(list) {
  if (!list || !list.length) return '<div class="empty small">No cutter wear measured yet.</div>';
  const rows = [...list].sort((a, b) => (a.chainageAtLimitM ?? Infinity) - (b.chainageAtLimitM ?? Infinity) || (b.wearMm ?? 0) - (a.wearMm ?? 0)).slice(0, 10);
  return `<table class="table"><thead><tr><th>Pos.</th><th>Wear mm</th><th>Rate mm/m</th><th>Left mm</th><th>Change at chainage</th><th>Measured</th></tr></thead><tbody>
    ${rows.map((c) => `<tr><td>${c.position}</td><td>${num(c.wearMm, 1)}</td><td>${num(c.wearRateMmPerM, 3)}</td><td class="${(c.remainingMm ?? 99) < 3 ? 'alarm-text' : ''}">${num(c.remainingMm, 1)}</td><td><b>${c.chainageAtLimitM ? `${num(c.chainageAtLimitM, 0)} m` : '–'}</b></td><td>${esc(clock(c.measuredAt))}</td></tr>`).join('')}
  </tbody></table>`;
}
