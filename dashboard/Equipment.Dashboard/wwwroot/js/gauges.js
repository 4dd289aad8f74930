// A 240° arc gauge in SVG: cheap to update in place at a few Hz, readable on a tablet across a control room.
import { num, esc } from './format.js';

const START = -210;
const SWEEP = 240;

function polar(cx, cy, r, deg) {
  const a = (deg * Math.PI) / 180;
  return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
}

function arc(cx, cy, r, from, to) {
  const [x1, y1] = polar(cx, cy, r, from);
  const [x2, y2] = polar(cx, cy, r, to);
  const large = to - from > 180 ? 1 : 0;
  return `M ${x1.toFixed(2)} ${y1.toFixed(2)} A ${r} ${r} 0 ${large} 1 ${x2.toFixed(2)} ${y2.toFixed(2)}`;
}

/** Creates a gauge element; returns {el, set(value)}. `warn`/`alarm` are fractions of max where the arc turns colour. */
export function gauge({ key, label, unit, max, digits = 1, warn = 0.85, alarm = 0.95 }) {
  const el = document.createElement('div');
  el.className = 'gauge';
  el.dataset.gauge = key;
  // Warning and alarm zones only where the scale has them (warn >= 1 means a plain track).
  const w = Math.min(1, warn);
  const a = Math.min(1, Math.max(w, alarm));
  const bands = [
    `<path d="${arc(60, 60, 46, START, START + SWEEP * w)}" class="g-track"/>`,
    a > w ? `<path d="${arc(60, 60, 46, START + SWEEP * w, START + SWEEP * a)}" class="g-track warn"/>` : '',
    a < 1 ? `<path d="${arc(60, 60, 46, START + SWEEP * a, START + SWEEP)}" class="g-track alarm"/>` : '',
  ].join('');
  el.innerHTML = `
    <svg viewBox="0 0 120 100" role="img" aria-label="${esc(label)}">
      ${bands}
      <path class="g-value" d=""/>
      <text x="60" y="58" class="g-num">–</text>
      <text x="60" y="74" class="g-unit">${esc(unit)}</text>
      <text x="16" y="96" class="g-scale">0</text>
      <text x="104" y="96" class="g-scale">${num(max, 0)}</text>
    </svg>
    <div class="gauge-label">${esc(label)}</div>
    <div class="gauge-value" hidden></div>`;
  const path = el.querySelector('.g-value');
  const text = el.querySelector('.g-num');
  const raw = el.querySelector('.gauge-value');
  return {
    el,
    set(value) {
      const has = typeof value === 'number' && Number.isFinite(value);
      const f = has ? Math.max(0, Math.min(1, value / max)) : 0;
      path.setAttribute('d', f > 0.002 ? arc(60, 60, 46, START, START + SWEEP * f) : '');
      path.setAttribute('class', `g-value ${f >= alarm ? 'alarm' : f >= warn ? 'warn' : ''}`);
      text.textContent = has ? num(value, digits) : '–';
      // Kept in a plain element as well, so tests and screen readers read the exact number.
      raw.textContent = has ? String(value) : '';
      el.dataset.value = has ? String(value) : '';
    },
  };
}

/** A horizontal bar with a label, for temperatures and levels. */
export function bar({ label, value, max, unit, digits = 0, warnAt, alarmAt, invert = false }) {
  const has = typeof value === 'number';
  const f = has ? Math.max(0, Math.min(1, value / max)) : 0;
  let cls = '';
  if (has && warnAt !== undefined) cls = invert ? (value <= alarmAt ? 'alarm' : value <= warnAt ? 'warn' : 'ok') : (value >= alarmAt ? 'alarm' : value >= warnAt ? 'warn' : 'ok');
  return `<div class="hbar"><div class="hbar-head"><span>${esc(label)}</span><b>${has ? num(value, digits) : '–'} <small>${esc(unit)}</small></b></div>
    <div class="hbar-track"><div class="hbar-fill ${cls}" style="width:${(f * 100).toFixed(1)}%"></div></div></div>`;
}
