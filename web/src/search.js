// Search as you type in the top bar, and the label filter beside it.

import { html, render } from 'lit-html';

import { api } from './api.js';
import { $, reportError, toast } from './dom.js';
import { t, labelName } from './i18n.js';
import { shapeSvg, LABEL_ORDER } from './theme.js';
import { openEntity } from './graph-view.js';
import { setView } from './views.js';

const search = { ctrl: null, items: [], active: -1, timer: null };
let schema = null;

export function renderSearchLabels() {
  const sel = $('#search-label');
  const v = sel.value;
  const counts = new Map((schema?.labels ?? []).map((l) => [l.label, l.count]));
  const labels = LABEL_ORDER.filter((l) => !schema || counts.has(l));
  render(html`<option value="">${t('search.any')}</option>${labels.map((l) => html`<option value=${l}>${labelName(l)}${counts.has(l) ? ` (${counts.get(l)})` : ''}</option>`)}`, sel);
  sel.value = v;
  $('#empty-overview').textContent = schema ? t('empty.overview', { nodes: schema.nodes ?? '', rels: schema.relationships ?? '' }) : '';
}

async function runSearch() {
  const input = $('#search-input');
  const q = input.value.trim();
  if (search.ctrl) search.ctrl.abort();
  if (!q) { $('#search-results').hidden = true; return; }
  search.ctrl = new AbortController();
  try {
    const res = await api.search(q, { label: $('#search-label').value || undefined, limit: 12 }, search.ctrl.signal);
    search.items = res.results ?? [];
    search.active = search.items.length ? 0 : -1;
    renderSearch();
  } catch (err) {
    if (err.name !== 'AbortError' && err.code !== 'NetworkError') reportError(err);
  }
}

function renderSearch() {
  const list = $('#search-results');
  const typed = $('#search-input').value.trim();
  list.hidden = false;
  render(search.items.length ? search.items.map((r, i) => {
    const label = r.labels?.[0];
    const alias = (r.properties?.aliases ?? []).find((a) => a.includes(typed) && a !== r.name);
    return html`<li role="option" class="result ${i === search.active ? 'active' : ''}" data-i=${i}>
      ${shapeSvg(label)}
      <span class="result-name">${r.name}${alias ? html`<small> · ${alias}</small>` : ''}</span>
      <span class="result-label">${labelName(label)}</span>
      <span class="result-degree" title="degree">${r.degree ?? ''}</span>
    </li>`;
  }) : html`<li class="muted none">${t('search.none')}</li>`, list);
}

function pickResult(i) {
  const r = search.items[i];
  if (!r) return;
  const input = $('#search-input');
  $('#search-results').hidden = true;
  input.value = r.name;
  input.blur();
  setView('graph');
  openEntity(r.id).catch(reportError);
}

export async function openByName(name, label) {
  const res = await api.search(name, { label, limit: 1 });
  const r = res.results?.[0];
  if (!r) { toast(t('toast.noResult'), 'error'); return; }
  $('#search-input').value = r.name;
  await openEntity(r.id);
}

export function initSearch() {
  const input = $('#search-input');
  const list = $('#search-results');
  api.schema().then((s) => { schema = s; renderSearchLabels(); }).catch(() => {});
  input.addEventListener('input', () => {
    clearTimeout(search.timer);
    search.timer = setTimeout(runSearch, 120);
  });
  input.addEventListener('focus', () => { if (input.value.trim()) runSearch(); });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      if (!search.items.length) return;
      search.active = (search.active + (ev.key === 'ArrowDown' ? 1 : search.items.length - 1)) % search.items.length;
      renderSearch();
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      if (search.active >= 0) pickResult(search.active);
    } else if (ev.key === 'Escape') {
      list.hidden = true;
    }
  });
  $('#search-label').addEventListener('change', runSearch);
  // mousedown, not click: the input's blur would close the list before a click lands.
  list.addEventListener('mousedown', (ev) => {
    const li = ev.target.closest('.result');
    if (li) { ev.preventDefault(); pickResult(Number(li.dataset.i)); }
  });
  document.addEventListener('mousedown', (ev) => { if (!ev.target.closest('.search')) list.hidden = true; });

  const names = ['大连高新区', '精细化工', '东北大学', '沈大国家自主创新示范区', '辽阳市科技局'];
  render(names.map((n) => html`<button class="btn suggestion" data-name=${n}>${n}</button>`), $('#empty-suggestions'));
  $('#empty-suggestions').addEventListener('click', (ev) => {
    const b = ev.target.closest('[data-name]');
    if (b) openByName(b.dataset.name).catch(reportError);
  });
}
