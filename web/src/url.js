// The view's state in the URL. Compact and replayable: the page rebuilds the view from the
// same requests rather than storing positions, so a shared link shows current data.

import { $ } from './dom.js';
import { getLang } from './i18n.js';
import { state, DEFAULT_LIMIT } from './state.js';

// Each part of the page that keeps state in the URL registers a writer (adds its parameters)
// and a reader (rebuilds from them, awaited in registration order).
const parts = [];
export function registerUrlPart({ write, read }) { parts.push({ write, read }); }

let saveTimer = null;
let restoring = false;
export function saveUrl() {
  if (restoring) return;
  clearTimeout(saveTimer);
  saveTimer = setTimeout(saveUrlNow, 150);
}

export function saveUrlNow() {
  if (restoring) return;
  const p = new URLSearchParams();
  if (getLang() !== 'zh') p.set('lang', getLang());
  if (state.layout !== 'fcose') p.set('layout', state.layout);
  if (state.view !== 'graph') p.set('view', state.view);
  if (state.query) p.set('q', state.query);
  if (state.path) p.set('path', `${state.path.from}|${state.path.to}`);
  if (state.expansions.length) p.set('x', state.expansions.map((e) => [e.id, e.limit, e.types ?? ''].join(':').replace(/:$/, '')).join(','));
  if (state.hidden.size) p.set('hide', [...state.hidden].join(','));
  if (state.hiddenLabels.size) p.set('hl', [...state.hiddenLabels].join(','));
  if (state.hiddenTypes.size) p.set('ht', [...state.hiddenTypes].join(','));
  if (state.selected) p.set('sel', state.selected);
  for (const part of parts) part.write(p);
  const hash = p.toString();
  history.replaceState(null, '', hash ? `#${hash}` : location.pathname + location.search);
}

// app: the functions that rebuild a view, passed in by main.js so this module depends on none.
export async function restoreUrl(app) {
  const p = new URLSearchParams(location.hash.slice(1));
  restoring = true;
  try {
    app.applyLanguage(p.get('lang') === 'en' ? 'en' : 'zh');
    state.layout = p.get('layout') || 'fcose';
    $('#layout-select').value = state.layout;
    for (const l of (p.get('hl') || '').split(',').filter(Boolean)) state.hiddenLabels.add(l);
    for (const tp of (p.get('ht') || '').split(',').filter(Boolean)) state.hiddenTypes.add(tp);
    for (const part of parts) await part.read(p);
    const view = p.get('view') || 'graph';
    if (p.get('q')) {
      $('#query-input').value = p.get('q');
      await app.runQuery(p.get('q'), { mode: view === 'table' ? 'table' : 'graph' });
    }
    if (p.get('path')) {
      const [from, to] = p.get('path').split('|');
      await app.showPath(from, to);
    }
    for (const part of (p.get('x') || '').split(',').filter(Boolean)) {
      const [id, limit, types] = part.split(':');
      await app.expand(id, { limit: Number(limit) || DEFAULT_LIMIT, types: types || undefined, relayout: false });
    }
    for (const id of (p.get('hide') || '').split(',').filter(Boolean)) state.hidden.add(id);
    app.applyFilters();
    app.renderLegend();
    app.setView(view);
    if (app.hasGraph()) await app.runLayout();
    if (p.get('sel')) app.select(p.get('sel'));
  } finally {
    restoring = false;
  }
  saveUrlNow();
}
