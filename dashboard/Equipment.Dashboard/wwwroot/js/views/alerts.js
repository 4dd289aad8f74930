// Alerts: the live list with filters, acknowledgement in the signed-in user's name, and the cleared history.
import { api, session } from '../api.js';
import { store, subscribe, mergeAlert, machines } from '../store.js';
import { esc, num, clock, ago, SEVERITIES } from '../format.js';
import { toast } from '../app.js';

const ORDER = { critical: 0, major: 1, minor: 2, warning: 3 };

export function render(root, _params, query) {
  root.innerHTML = `
    <div class="page-head"><div><h1>Alerts</h1><p class="sub">Live · acknowledgements are recorded as <b>${esc(session.user)}</b></p></div></div>
    <div class="filters">
      <label>State <select id="f-state"><option value="open">open (active + acknowledged)</option><option value="active">active</option><option value="acknowledged">acknowledged</option><option value="cleared">cleared</option><option value="all">all</option></select></label>
      <label>Severity <select id="f-sev"><option value="">all</option>${SEVERITIES.map((s) => `<option>${s}</option>`).join('')}</select></label>
      <label>Machine <select id="f-machine"></select></label>
      <span class="muted" id="count"></span>
    </div>
    <section class="panel"><table class="table alerts" id="alerts-table"><thead><tr><th>Severity</th><th>Machine</th><th>Alert</th><th>Value / limit</th><th>Raised</th><th>State</th><th></th></tr></thead><tbody></tbody></table></section>
    <section class="panel"><h2>Recently cleared</h2><table class="table alerts" id="cleared-table"><thead><tr><th>Severity</th><th>Machine</th><th>Alert</th><th>Raised</th><th>Cleared</th><th>Acknowledged by</th></tr></thead><tbody></tbody></table></section>`;
  const state = root.querySelector('#f-state');
  const sev = root.querySelector('#f-sev');
  const machine = root.querySelector('#f-machine');
  if (query?.get('severity')) sev.value = query.get('severity');
  if (query?.get('state')) state.value = query.get('state');
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
    const shown = all.filter((a) => (state.value === 'all' ? true : state.value === 'open' ? a.state !== 'cleared' : a.state === state.value))
      .sort((a, b) => (a.state === 'active' ? 0 : 1) - (b.state === 'active' ? 0 : 1) || ORDER[a.severity] - ORDER[b.severity] || new Date(b.raisedAt) - new Date(a.raisedAt));
    root.querySelector('#count').textContent = `${shown.length} shown`;
    root.querySelector('#alerts-table tbody').innerHTML = shown.length ? shown.map(row).join('') : '<tr><td colspan="7" class="empty small">No alerts match. All clear.</td></tr>';
    const cleared = all.filter((a) => a.state === 'cleared').sort((a, b) => new Date(b.clearedAt) - new Date(a.clearedAt)).slice(0, 50);
    root.querySelector('#cleared-table tbody').innerHTML = cleared.length ? cleared.map((a) => `
      <tr data-alert-id="${esc(a.id)}"><td><span class="sev sev-${a.severity}">${a.severity}</span></td><td><a href="${link(a)}">${esc(a.equipmentId)}</a></td><td>${esc(a.message || a.ruleId)}</td><td>${esc(clock(a.raisedAt))}</td><td>${esc(clock(a.clearedAt))}</td>
      <td>${a.acknowledgedBy ? esc(a.acknowledgedBy) : '<span class="warn-text">not acknowledged</span>'}</td></tr>`).join('') : '<tr><td colspan="6" class="empty small">Nothing cleared yet.</td></tr>';
  };

  root.addEventListener('click', async (e) => {
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
  const timer = setInterval(draw, 15000);
  let queued = false;
  const off = subscribe((kind) => { if (kind !== 'equipment' && !queued) { queued = true; requestAnimationFrame(() => { queued = false; draw(); }); } });
  return () => { off(); clearInterval(timer); };
}

function link(a) {
  const m = store.equipment.get(a.equipmentId);
  return `#/${m?.kind || 'tbm'}/${encodeURIComponent(a.equipmentId)}`;
}

function row(a) {
  const canAck = a.state === 'active' || a.clearedUnacknowledged;
  return `<tr data-alert-id="${esc(a.id)}" data-state="${a.state}" class="${a.state}">
    <td><span class="sev sev-${a.severity}">${a.severity}</span></td>
    <td><a href="${link(a)}">${esc(a.equipmentId)}</a></td>
    <td><b>${esc(a.message || a.ruleId)}</b><small class="rule">${esc(a.ruleId)}</small></td>
    <td>${num(a.value, 1)} / ${num(a.threshold, 1)}</td>
    <td title="${esc(clock(a.raisedAt))}">${esc(ago(a.raisedAt))}</td>
    <td class="state">${a.state === 'acknowledged' ? `acknowledged by <b data-ack-by>${esc(a.acknowledgedBy || '')}</b>` : a.state}</td>
    <td>${canAck ? `<button type="button" class="primary small" data-ack="${esc(a.id)}">Acknowledge</button>` : ''}</td></tr>`;
}
