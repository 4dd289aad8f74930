// Shift report: advance against plan, strokes, time use, the ten longest stops (reasons can be reassigned by an
// operator), the completion forecast. Printable on one A4 page (see @media print in app.css).
import { api, download } from '../api.js';
import { machines } from '../store.js';
import { esc, num, displayName } from '../format.js';

export const REASONS = [
  [1, 'cutter_change', 'Cutter change'], [2, 'rock_support', 'Rock support'], [3, 'haulage', 'Haulage'],
  [4, 'maintenance', 'Maintenance'], [5, 'breakdown', 'Breakdown'], [6, 'regrip', 'Regrip'], [7, 'other', 'Other'],
];
const LABEL = Object.fromEntries([[ 'unknown', 'Not given' ], ...REASONS.map(([, k, l]) => [k, l])]);
const COLOR = {
  boring: '#3fb950', regrip: '#58a6ff', cutter_change: '#f5a524', rock_support: '#a371f7', haulage: '#f0883e',
  maintenance: '#39c5cf', breakdown: '#f85149', other: '#8b949e', unknown: '#6e7681', noData: '#30363d',
};

/** The production day and shift now at the site, from the registration (IANA zone or fixed offset). */
export function currentShift(tbm, now = Date.now()) {
  const first = tbm?.firstShiftStartHour ?? 6;
  const length = tbm?.shiftLengthHours ?? 8;
  const shifted = new Date(now - first * 3600e3);
  let date; let hour;
  if (tbm?.siteTimeZone) {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: tbm.siteTimeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(shifted).map((p) => [p.type, p.value]));
    date = `${parts.year}-${parts.month}-${parts.day}`;
    hour = Number(parts.hour) + Number(parts.minute) / 60;
  } else {
    const local = new Date(shifted.getTime() + (tbm?.siteUtcOffsetHours ?? 0) * 3600e3);
    date = local.toISOString().slice(0, 10);
    hour = local.getUTCHours() + local.getUTCMinutes() / 60;
  }
  return { date, shift: Math.floor(hour / length) + 1 };
}

const hm = (s) => { const m = Math.round((s ?? 0) / 60); return `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`; };
const pct = (x) => (x === null || x === undefined ? '–' : `${num(x * 100, 1)} %`);
const when = (t, zone) => new Date(t).toLocaleString('en-GB', { timeZone: zone?.startsWith('UTC') ? 'UTC' : zone, day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit' });
const day = (t) => (t ? new Date(t).toLocaleDateString('en-GB', { day: '2-digit', month: 'short', year: 'numeric', timeZone: 'UTC' }) : '–');

export function render(root, [id, date, shift]) {
  const tbms = machines('tbm');
  if (!id && tbms[0]) { location.hash = `#/shift/${encodeURIComponent(tbms[0].id)}`; return null; }
  root.innerHTML = `
    <div class="page-head shift-head">
      <div><h1 id="sr-title">Shift report</h1><p class="sub" id="sr-sub"></p></div>
      <div class="filters no-print">
        <label>Machine <select id="sr-machine">${tbms.map((m) => `<option value="${esc(m.id)}"${m.id === id ? ' selected' : ''}>${esc(displayName(m))}</option>`).join('')}</select></label>
        <label>Day <input type="date" id="sr-date"></label>
        <label>Shift <select id="sr-shift"></select></label>
        <button class="link" id="sr-csv" type="button">CSV</button>
        <button class="primary small" id="sr-print" type="button">Print</button>
      </div>
    </div>
    <div id="sr-body"><div class="empty">Loading…</div></div>`;
  let disposed = false;
  const go = (d, s) => { location.hash = `#/shift/${encodeURIComponent(root.querySelector('#sr-machine').value || id)}/${d}/${s}`; };
  root.querySelector('#sr-machine').addEventListener('change', () => go(root.querySelector('#sr-date').value, root.querySelector('#sr-shift').value));
  root.querySelector('#sr-date').addEventListener('change', (e) => go(e.target.value, root.querySelector('#sr-shift').value));
  root.querySelector('#sr-shift').addEventListener('change', (e) => go(root.querySelector('#sr-date').value, e.target.value));
  root.querySelector('#sr-print').addEventListener('click', () => window.print());

  (async () => {
    const reg = await api(`/api/equipment/${encodeURIComponent(id)}/registration`);
    if (!date || !shift) { const c = currentShift(reg.tbm); location.hash = `#/shift/${encodeURIComponent(id)}/${c.date}/${c.shift}`; return; }
    const path = `/api/tbm/${encodeURIComponent(id)}/shifts/${date}/${shift}`;
    root.querySelector('#sr-csv').addEventListener('click', () => download(`${path}?format=csv`, `${id}-${date}-shift${shift}.csv`));
    const load = async () => {
      const r = await api(path);
      if (disposed) return;
      root.querySelector('#sr-date').value = r.date;
      root.querySelector('#sr-shift').innerHTML = Array.from({ length: r.shiftsPerDay }, (_, i) => `<option value="${i + 1}"${i + 1 === r.shift ? ' selected' : ''}>${i + 1}</option>`).join('');
      root.querySelector('#sr-title').textContent = `Shift report · ${reg.name || id}`;
      root.querySelector('#sr-sub').textContent = `${id} · ${r.date} shift ${r.shift} of ${r.shiftsPerDay} · ${when(r.from, r.timeZone)} – ${when(r.to, r.timeZone)} (${r.timeZone})`;
      root.querySelector('#sr-body').innerHTML = body(r);
      root.querySelectorAll('[data-stop]').forEach((sel) => sel.addEventListener('change', async () => {
        sel.disabled = true;
        try {
          await api(`/api/tbm/${encodeURIComponent(id)}/stops/${encodeURIComponent(sel.dataset.stop)}/reason`, { method: 'POST', body: { reason: Number(sel.value) } });
          await load();
        } catch (e) {
          const { toast } = await import('../app.js');
          toast(`Reason not saved: ${e.message}`);
          sel.disabled = false;
        }
      }));
    };
    await load();
  })().catch((e) => { if (!disposed) root.querySelector('#sr-body').innerHTML = `<div class="empty">${esc(e.message)}</div>`; });
  return () => { disposed = true; };
}

function body(r) {
  const t = r.timeUse;
  const parts = [['boring', t.boringS], ['regrip', t.regripS], ...Object.entries(t.standstillByReasonS), ['noData', t.noDataS]].filter(([, s]) => s > 0);
  const label = (k) => (k === 'boring' ? 'Boring' : k === 'regrip' ? 'Regrip' : k === 'noData' ? 'No data' : LABEL[k] || k);
  const ofPlan = r.plannedAdvanceM > 0 ? Math.min(100, (r.advanceM / r.plannedAdvanceM) * 100) : 0;
  const f = r.forecast;
  return `
    <div class="grid3 sr-tiles">
      <section class="panel"><h2>Advance</h2>
        <div class="big"><span id="sr-advance">${num(r.advanceM, 2)}</span><small>m of ${num(r.plannedAdvanceM, 2)} m planned</small></div>
        <div class="progress lg"><div class="${ofPlan >= 100 ? 'ok' : ofPlan >= 60 ? '' : 'behind'}" style="width:${ofPlan}%"></div></div>
        <div class="kv sr-kv"><div><span>Of plan</span><b id="sr-ofplan">${pct(r.advanceOfPlan)}</b></div>
          <div><span>Chainage</span><b>${num(r.chainageStartM, 2)} → ${num(r.chainageEndM, 2)} m</b></div></div></section>
      <section class="panel"><h2>Strokes</h2>
        <div class="big"><span id="sr-strokes">${r.strokesRegular + r.strokesExceptional}</span><small>closed</small></div>
        <div class="kv sr-kv"><div><span>Regular</span><b id="sr-regular">${r.strokesRegular}</b></div><div><span>Exceptional</span><b id="sr-exceptional">${r.strokesExceptional}</b></div></div></section>
      <section class="panel"><h2>Utilisation</h2>
        <div class="big"><span id="sr-utilisation">${pct(t.utilisation)}</span><small>of the shift boring</small></div>
        <div class="kv sr-kv"><div><span>Boring</span><b>${hm(t.boringS)} h</b></div><div><span>Standstill</span><b>${hm(t.standstillS)} h</b></div></div></section>
    </div>
    <section class="panel"><h2>Time use</h2>
      <div class="sr-bar" role="img" aria-label="Time use">${parts.map(([k, s]) => `<i style="width:${(s / t.periodS) * 100}%;background:${COLOR[k] || COLOR.other}" title="${esc(label(k))} ${hm(s)} h"></i>`).join('')}</div>
      <table class="table sr-timeuse" id="sr-timeuse"><thead><tr><th>Class</th><th>h:mm</th><th>Seconds</th><th>Share</th></tr></thead><tbody>
      ${parts.map(([k, s]) => `<tr data-class="${esc(k)}"><td><i class="sw" style="background:${COLOR[k] || COLOR.other}"></i> ${esc(label(k))}</td><td>${hm(s)}</td><td>${num(s, 0)}</td><td>${pct(s / t.periodS)}</td></tr>`).join('')}
      </tbody></table></section>
    <section class="panel"><h2>Longest stops</h2>
      ${r.longestStops.length === 0 ? '<div class="empty">No stops in this shift.</div>' : `<table class="table" id="sr-stops"><thead><tr><th>#</th><th>Start</th><th>Duration</th><th>Reason</th><th>Machine said</th><th>Changed by</th></tr></thead><tbody>
      ${r.longestStops.map((s, i) => `<tr><td>${i + 1}</td><td>${esc(when(s.start, r.timeZone))}</td><td>${hm(s.durationS)} h</td>
        <td><span class="print-only">${esc(LABEL[s.reason] || s.reason)}</span><select class="no-print" data-stop="${esc(s.start)}" aria-label="Reason of stop ${i + 1}">
          ${s.reasonCode === 0 ? '<option value="0" selected>Not given</option>' : ''}${REASONS.map(([c, , l]) => `<option value="${c}"${c === s.reasonCode ? ' selected' : ''}>${l}</option>`).join('')}</select></td>
        <td>${esc(LABEL[s.machineReason] || s.machineReason)}</td>
        <td>${s.assignedBy ? `${esc(s.assignedBy)} <small class="muted">${esc(when(s.assignedAt, r.timeZone))}${s.history.length > 1 ? ` · ${s.history.length} changes` : ''}</small>` : '–'}</td></tr>`).join('')}
      </tbody></table>`}</section>
    <section class="panel"><h2>Completion forecast</h2><div id="sr-forecast">${f ? `
      <div class="kv sr-forecast">
        <div><span>Target chainage</span><b>${num(f.targetChainageM, 1)} m</b></div>
        <div><span>Remaining</span><b>${num(f.remainingM, 1)} m</b></div>
        <div><span>Pace (last ${f.daysCounted} days)</span><b>${num(f.paceMPerDay, 2)} ± ${num(f.paceSdMPerDay, 2)} m/day</b></div>
        <div><span>Reached</span><b id="sr-completion">${f.date ? `${day(f.date)} (${day(f.earliest)} – ${f.latest ? day(f.latest) : 'open'})` : 'no advance: no date'}</b></div>
      </div>` : '<p class="muted">No target chainage registered (targetChainageM).</p>'}</div></section>
    <p class="muted sr-foot">Generated ${esc(new Date().toISOString().slice(0, 16).replace('T', ' '))} UTC · time use per the domain README (“Time use”).</p>`;
}
