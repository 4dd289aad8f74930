// Alerts: the live list with filters, acknowledgement in the signed-in user's name, shelving (operators: one alert or a
// machine's rule, for a set time with a reason; the shelved list shows who, why and until when), and the cleared history.
import { api, session } from '../api.js';
import { store, subscribe, mergeAlert, machines } from '../store.js';
import { esc, num, clock, ago, SEVERITIES } from '../format.js';
import { toast } from '../app.js';

const ORDER = { critical: 0, major: 1, minor: 2, warning: 3 };
const DURATIONS = [[15, '15 min'], [60, '1 h'], [240, '4 h'], [480, '8 h (a shift)'], [1440, '24 h'], [10080, '7 days']];

export function render(root, _params, query) {
  root.innerHTML = `
    <div class="page-head"><div><h1>Alerts</h1><p class="sub">Live · acknowledgements are recorded as <b>${esc(session.user)}</b></p></div></div>
    <div class="filters">
      <label>State <select id="f-state"><option value="open">open (active + acknowledged)</option><option value="active">active</option><option value="acknowledged">acknowledged</option><option value="shelved">shelved</option><option value="cleared">cleared</option><option value="all">all</option></select></label>
      <label>Severity <select id="f-sev"><option value="">all</option>${SEVERITIES.map((s) => `<option>${s}</option>`).join('')}</select></label>
      <label>Machine <select id="f-machine"></select></label>
      <span class="muted" id="count"></span>
    </div>
    <form class="panel shelve-form" id="shelve-form" hidden>
      <h2>Shelve <span id="shelve-what"></span></h2>
      <p class="sub">A shelved alert stays listed below but does not notify and does not count as alerting; the shelf ends by itself.</p>
      <div class="filters">
        <label id="shelve-machine-l">Machine <select name="machine"></select></label>
        <label id="shelve-rule-l">Rule <select name="rule"></select></label>
        <label>For <select name="minutes">${DURATIONS.map(([m, t]) => `<option value="${m}"${m === 480 ? ' selected' : ''}>${t}</option>`).join('')}</select></label>
        <label class="grow">Reason <input name="reason" type="text" maxlength="500" placeholder="e.g. sensor cable broken, fitter on the way" size="44"></label>
        <button type="submit" class="primary small">Shelve</button> <button type="button" class="small" data-cancel>Cancel</button>
      </div>
      <p class="error" role="alert" hidden></p>
    </form>
    <section class="panel"><table class="table alerts" id="alerts-table"><thead><tr><th>Severity</th><th>Machine</th><th>Alert</th><th>Value / limit</th><th>Raised</th><th>State</th><th></th></tr></thead><tbody></tbody></table></section>
    <section class="panel" id="shelved-panel"><h2>Shelved <span class="muted small" id="shelved-count"></span> <button type="button" class="small" data-shelve-rule hidden>Shelve a rule…</button></h2>
      <table class="table alerts" id="shelved-table"><thead><tr><th>Machine</th><th>Shelved</th><th>Alert now</th><th>Reason</th><th>By</th><th>Since</th><th>Until</th><th></th></tr></thead><tbody></tbody></table></section>
    <section class="panel"><h2>Recently cleared</h2><table class="table alerts" id="cleared-table"><thead><tr><th>Severity</th><th>Machine</th><th>Alert</th><th>Raised</th><th>Cleared</th><th>Acknowledged by</th></tr></thead><tbody></tbody></table></section>`;
  const state = root.querySelector('#f-state');
  const sev = root.querySelector('#f-sev');
  const machine = root.querySelector('#f-machine');
  if (query?.get('severity')) sev.value = query.get('severity');
  if (query?.get('state')) state.value = query.get('state');
  const form = root.querySelector('#shelve-form');
  let shelves = [];
  let operator = false;
  let target = null; // { alertId } or { equipmentId, ruleId }
  const fillMachines = () => {
    const current = machine.value || query?.get('machine') || '';
    machine.innerHTML = '<option value="">all</option>' + machines().map((m) => `<option value="${esc(m.id)}">${esc(m.name || m.id)}</option>`).join('');
    machine.value = current;
  };

  const draw = () => {
    fillMachines();
    const all = [...store.alerts.values()]
      .filter((a) => !sev.value || a.severity === sev.value)
      .filter((a) => !machine.value || a.equipmentId === machine.value);
    // A shelved alert is listed as shelved only: nobody has to act on it while the shelf holds.
    const shown = all.filter((a) => (state.value === 'all' ? true
      : state.value === 'shelved' ? a.state !== 'cleared' && a.shelf
      : state.value === 'open' ? a.state !== 'cleared' && !a.shelf : a.state === state.value && (a.state === 'cleared' || !a.shelf)))
      .sort((a, b) => (a.state === 'active' ? 0 : 1) - (b.state === 'active' ? 0 : 1) || ORDER[a.severity] - ORDER[b.severity] || new Date(b.raisedAt) - new Date(a.raisedAt));
    root.querySelector('#count').textContent = `${shown.length} shown`;
    root.querySelector('#alerts-table tbody').innerHTML = shown.length ? shown.map((a) => row(a, operator)).join('') : '<tr><td colspan="7" class="empty small">No alerts match. All clear.</td></tr>';
    const cleared = all.filter((a) => a.state === 'cleared').sort((a, b) => new Date(b.clearedAt) - new Date(a.clearedAt)).slice(0, 50);
    root.querySelector('#cleared-table tbody').innerHTML = cleared.length ? cleared.map((a) => `
      <tr data-alert-id="${esc(a.id)}"><td><span class="sev sev-${a.severity}">${a.severity}</span></td><td><a href="${link(a)}">${esc(a.equipmentId)}</a></td><td>${esc(a.message || a.ruleId)}</td><td>${esc(clock(a.raisedAt))}</td><td>${esc(clock(a.clearedAt))}</td>
      <td>${a.acknowledgedBy ? esc(a.acknowledgedBy) : '<span class="warn-text">not acknowledged</span>'}</td></tr>`).join('') : '<tr><td colspan="6" class="empty small">Nothing cleared yet.</td></tr>';
    drawShelves(all);
  };

  // Shelves in force: the alert book's list, plus the shelf an open alert carries (pushed before the list is reloaded).
  const drawShelves = (all) => {
    const now = Date.now();
    const byKey = new Map(shelves.map((s) => [`${s.equipmentId}:${s.ruleId}`, s]));
    for (const a of all) if (a.shelf && a.state !== 'cleared' && !byKey.has(`${a.equipmentId}:${a.ruleId}`)) byKey.set(`${a.equipmentId}:${a.ruleId}`, a.shelf);
    const list = [...byKey.values()].filter((s) => new Date(s.until) > now && (!machine.value || s.equipmentId === machine.value)).sort((x, y) => new Date(x.until) - new Date(y.until));
    const open = new Map(all.filter((a) => a.state !== 'cleared').map((a) => [`${a.equipmentId}:${a.ruleId}`, a]));
    root.querySelector('#shelved-count').textContent = list.length ? `${list.length}` : '';
    root.querySelector('#shelved-table tbody').innerHTML = list.length ? list.map((s) => {
      const a = open.get(`${s.equipmentId}:${s.ruleId}`);
      return `<tr data-shelf="${esc(s.equipmentId)}:${esc(s.ruleId)}">
        <td><a href="${link(s)}">${esc(s.equipmentId)}</a></td>
        <td><b>${s.scope === 'rule' ? 'rule' : 'alert'}</b> <span class="rule">${esc(s.alertId || s.ruleId)}</span></td>
        <td>${a ? `<span class="sev sev-${a.severity}">${a.severity}</span> ${num(a.value, 1)} / ${num(a.threshold, 1)}` : '<span class="muted">normal</span>'}</td>
        <td data-reason>${esc(s.reason)}</td><td>${esc(s.by)}</td>
        <td title="${esc(clock(s.at))}">${esc(ago(s.at))}</td>
        <td data-until title="${esc(clock(s.until))}">${esc(clock(s.until))} <small class="muted">(in ${esc(left(s.until))})</small></td>
        <td>${operator ? `<button type="button" class="small" data-unshelve="${esc(s.equipmentId)}" data-rule="${esc(s.ruleId)}">Unshelve</button>` : ''}</td></tr>`;
    }).join('') : '<tr><td colspan="8" class="empty small">Nothing shelved.</td></tr>';
  };

  const loadShelves = async () => {
    try { shelves = await api('/api/alerts/shelves'); } catch { /* keep the last list */ }
    draw();
  };

  const openForm = async (what) => {
    target = what;
    form.hidden = false;
    form.querySelector('.error').hidden = true;
    form.reason.value = '';
    const forRule = !what.alertId;
    form.querySelector('#shelve-machine-l').hidden = !forRule;
    form.querySelector('#shelve-rule-l').hidden = !forRule;
    root.querySelector('#shelve-what').textContent = forRule ? 'a rule of a machine' : `alert ${what.alertId}`;
    if (forRule) {
      form.machine.innerHTML = machines().map((m) => `<option value="${esc(m.id)}">${esc(m.name || m.id)}</option>`).join('');
      form.machine.value = machine.value || form.machine.value;
      await fillRules();
    }
    form.reason.focus();
  };
  const fillRules = async () => {
    const rules = form.machine.value ? await api(`/api/equipment/${encodeURIComponent(form.machine.value)}/rules`).catch(() => []) : [];
    form.rule.innerHTML = rules.filter((r) => r.enabled).map((r) => `<option value="${esc(r.id)}">${esc(r.description || r.id)}${r.latching ? ' (latching)' : ''}</option>`).join('');
  };
  form.machine.addEventListener('change', fillRules);
  form.querySelector('[data-cancel]').addEventListener('click', () => { form.hidden = true; target = null; });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const error = form.querySelector('.error');
    error.hidden = true;
    const body = { minutes: Number(form.minutes.value), reason: form.reason.value, by: session.user };
    const path = target?.alertId
      ? `/api/alerts/${encodeURIComponent(target.alertId)}/shelve`
      : `/api/equipment/${encodeURIComponent(form.machine.value)}/rules/${encodeURIComponent(form.rule.value)}/shelf`;
    try {
      const shelf = await api(path, { method: 'POST', body });
      shelves = [...shelves.filter((s) => !(s.equipmentId === shelf.equipmentId && s.ruleId === shelf.ruleId)), shelf];
      const a = [...store.alerts.values()].find((x) => x.equipmentId === shelf.equipmentId && x.ruleId === shelf.ruleId && x.state !== 'cleared');
      if (a) mergeAlert({ ...a, shelf });
      form.hidden = true;
      target = null;
      toast(`Shelved until ${clock(shelf.until)}`);
      draw();
    } catch (err) {
      error.textContent = err.message;
      error.hidden = false;
    }
  });

  root.addEventListener('click', async (e) => {
    const shelveButton = e.target.closest('button[data-shelve]');
    if (shelveButton) { openForm({ alertId: shelveButton.dataset.shelve }); return; }
    if (e.target.closest('button[data-shelve-rule]')) { openForm({}); return; }
    const unshelve = e.target.closest('button[data-unshelve]');
    if (unshelve) {
      unshelve.disabled = true;
      try {
        const ended = await api(`/api/equipment/${encodeURIComponent(unshelve.dataset.unshelve)}/rules/${encodeURIComponent(unshelve.dataset.rule)}/shelf`, { method: 'DELETE' });
        shelves = shelves.filter((s) => !(s.equipmentId === ended.equipmentId && s.ruleId === ended.ruleId));
        const a = [...store.alerts.values()].find((x) => x.equipmentId === ended.equipmentId && x.ruleId === ended.ruleId && x.state !== 'cleared');
        if (a) mergeAlert({ ...a, shelf: null });
        draw();
      } catch (err) {
        toast(`Unshelve failed: ${err.message}`);
        unshelve.disabled = false;
      }
      return;
    }
    const button = e.target.closest('button[data-ack]');
    if (!button) return;
    button.disabled = true;
    button.textContent = 'Acknowledging…';
    try {
      const updated = await api(`/api/alerts/${encodeURIComponent(button.dataset.ack)}/ack`, { method: 'POST', body: { by: session.user } });
      if (updated) mergeAlert(updated);
    } catch (err) {
      toast(`Acknowledge failed: ${err.message}`);
      button.disabled = false;
      button.textContent = 'Acknowledge';
    }
  });
  [state, sev, machine].forEach((s) => s.addEventListener('change', draw));
  draw();
  loadShelves();
  // Shelving is for operators: the buttons appear once the session says so (the API enforces it either way).
  api('/api/session').then((me) => {
    operator = (me?.roles || []).includes('operator');
    root.querySelector('[data-shelve-rule]').hidden = !operator;
    draw();
  }).catch(() => {});
  const timer = setInterval(loadShelves, 15000);
  let queued = false;
  // A raise under a shelf is not pushed as an alert; it arrives inside the machine's state, so those redraw too.
  const off = subscribe((kind, payload) => {
    const relevant = kind !== 'equipment' || (payload?.openAlerts || []).some((a) => a.shelf);
    if (relevant && !queued) { queued = true; requestAnimationFrame(() => { queued = false; draw(); }); }
  });
  return () => { off(); clearInterval(timer); };
}

function left(until) {
  const s = Math.max(0, (new Date(until) - Date.now()) / 1000);
  if (s < 90) return `${Math.round(s)} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  if (s < 172800) return `${(s / 3600).toFixed(1)} h`;
  return `${(s / 86400).toFixed(1)} d`;
}

function link(a) {
  const m = store.equipment.get(a.equipmentId);
  return `#/${m?.kind || 'tbm'}/${encodeURIComponent(a.equipmentId)}`;
}

function row(a, operator) {
  const canAck = a.state === 'active' || a.clearedUnacknowledged;
  const canShelve = operator && a.state !== 'cleared' && !a.shelf;
  const state = a.shelf ? `shelved until ${esc(clock(a.shelf.until))}`
    : a.state === 'acknowledged' ? `acknowledged by <b data-ack-by>${esc(a.acknowledgedBy || '')}</b>`
    : a.latched ? 'active · <span class="warn-text">back to normal, acknowledge to clear</span>' : a.state;
  return `<tr data-alert-id="${esc(a.id)}" data-state="${a.state}" class="${a.state}">
    <td><span class="sev sev-${a.severity}">${a.severity}</span></td>
    <td><a href="${link(a)}">${esc(a.equipmentId)}</a></td>
    <td><b>${esc(a.message || a.ruleId)}</b><small class="rule">${esc(a.ruleId)}</small></td>
    <td>${num(a.value, 1)} / ${num(a.threshold, 1)}</td>
    <td title="${esc(clock(a.raisedAt))}">${esc(ago(a.raisedAt))}</td>
    <td class="state">${state}</td>
    <td class="actions">${canAck ? `<button type="button" class="primary small" data-ack="${esc(a.id)}">Acknowledge</button>` : ''}
      ${canShelve ? `<button type="button" class="small" data-shelve="${esc(a.id)}">Shelve…</button>` : ''}</td></tr>`;
}
