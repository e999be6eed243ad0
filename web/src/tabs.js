// The sidebar's tabs.

import { $$ } from './dom.js';

export function switchTab(name) {
  for (const b of $$('.tab')) b.classList.toggle('active', b.dataset.tab === name);
  for (const p of $$('.tab-panel')) p.hidden = p.dataset.panel !== name;
}

export function initTabs() {
  for (const b of $$('.tab')) b.addEventListener('click', () => switchTab(b.dataset.tab));
}
