// Small page helpers shared by every module: element lookup, the busy indicator, messages.

import { t } from './i18n.js';

export const $ = (sel, root = document) => root.querySelector(sel);
export const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];

let busyCount = 0;
export async function busy(promise) {
  busyCount += 1;
  $('#busy').hidden = false;
  try { return await promise; } finally {
    busyCount -= 1;
    if (!busyCount) $('#busy').hidden = true;
  }
}

let toastTimer = null;
export function toast(msg, kind = 'info') {
  const el = $('#toast');
  el.textContent = msg;
  el.className = `toast ${kind}`;
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { el.hidden = true; }, 3200);
}

export function reportError(err) {
  console.error(err);
  toast(t('toast.error', { msg: err.message || String(err) }), 'error');
}

// A timestamp for exported file names.
export function stamp() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

// A row of buttons of which one is active (data-ATTR tells them apart).
export function segmented(root, attr, onPick) {
  root.addEventListener('click', (ev) => {
    const b = ev.target.closest('button');
    if (!b) return;
    onPick(b.dataset[attr]);
  });
}
export function markSeg(root, attr, value) {
  for (const b of $$('button', root)) b.classList.toggle('active', b.dataset[attr] === value);
}
