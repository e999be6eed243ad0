// Time: every document's date on a timeline, and a period that restricts the graph, the map
// and the comparisons to facts from documents published in it (facts carry their documents in
// `sources`; see time.js).

import { html, svg, render } from 'lit-html';

import { $, reportError } from './dom.js';
import { t } from './i18n.js';
import { state } from './state.js';
import { documentsById, forgetDocuments } from './documents.js';
import { setDocumentDates, inPeriod } from './time.js';
import { applyFilters, renderLegend } from './graph-view.js';
import { registerUrlPart, saveUrl } from './url.js';
import { openReader } from './reader.js';

// Parts of the page that must redo their work when the period changes.
const listeners = [];
export function onPeriodChange(fn) { listeners.push(fn); }

let docs = [];

export async function loadTimeline() {
  const byId = await documentsById();
  docs = [...new Map([...byId.values()].map((d) => [d.docId, d])).values()].filter((d) => d.docId);
  setDocumentDates(new Map(docs.map((d) => [String(d.docId), d.date ?? ''])));
  renderTimeline();
}

const yearOf = (d) => Number((d.date ?? '').slice(0, 4)) || null;

export function renderTimeline() {
  const dated = docs.filter(yearOf);
  const years = dated.map(yearOf);
  const min = years.length ? Math.min(...years) : 2000, max = years.length ? Math.max(...years) : 2025;
  const W = 360, H = 26, pad = 10;
  const x = (d) => {
    const [y, m = 1] = d.date.split('-').map(Number);
    return pad + ((y + (m - 1) / 12 - min) / Math.max(1, max + 1 - min)) * (W - 2 * pad);
  };
  const yearList = [];
  for (let y = min; y <= max; y++) yearList.push(y);
  const every = Math.max(1, Math.ceil(yearList.length / 8));
  const p = state.period ?? {};
  const fromY = p.from?.slice(0, 4) ?? '', toY = p.to?.slice(0, 4) ?? '';
  // Documents of the same month stack upwards so each stays visible.
  const stack = new Map();
  render(html`
    <span class="tool-label">${t('time.label')}</span>
    <svg class="timeline-svg" width=${W} height=${H} viewBox="0 0 ${W} ${H}" role="img" aria-label=${t('time.label')}>
      ${svg`<line x1=${pad} x2=${W - pad} y1=${H - 6} y2=${H - 6} stroke="#cbd5e1"></line>`}
      ${yearList.filter((y) => (y - min) % every === 0).map((y) => svg`<text x=${pad + ((y - min) / Math.max(1, max + 1 - min)) * (W - 2 * pad)} y=${H - 0.5} font-size="7" fill="#94a3b8">${y}</text>`)}
      ${dated.map((d) => {
        const k = d.date.slice(0, 7);
        const n = stack.get(k) ?? 0;
        stack.set(k, n + 1);
        return svg`<circle class="doc-dot ${inPeriod(d.date) ? 'in' : 'out'}" data-doc=${d.docId} cx=${x(d)} cy=${H - 10 - n * 4} r="3.2"><title>${d.date} · ${d.title || d.docId}</title></circle>`;
      })}
    </svg>
    <select id="time-from" aria-label=${t('time.from')}><option value="">${t('time.any')}</option>${yearList.map((y) => html`<option value=${y} ?selected=${String(y) === fromY}>${y}</option>`)}</select>
    <span>–</span>
    <select id="time-to" aria-label=${t('time.to')}><option value="">${t('time.any')}</option>${yearList.map((y) => html`<option value=${y} ?selected=${String(y) === toY}>${y}</option>`)}</select>
    <span id="time-status" class="muted small">${t('time.status', { n: dated.filter((d) => inPeriod(d.date)).length, total: docs.length })}${docs.length > dated.length ? ` · ${t('time.undated', { n: docs.length - dated.length })}` : ''}</span>`, $('#timeline'));
  $('#time-from').value = fromY;
  $('#time-to').value = toY;
}

export async function setPeriod(from, to) {
  // Documents may have been added since the page loaded; their dates decide what counts.
  forgetDocuments();
  await loadTimeline();
  state.period = from || to ? { from: from ? `${from}-01-01` : null, to: to ? `${to}-12-31` : null } : null;
  renderTimeline();
  applyFilters();
  renderLegend();
  saveUrl();
  for (const fn of listeners) await fn();
}

export function initTimeline() {
  $('#timeline').addEventListener('change', (ev) => {
    if (ev.target.id === 'time-from' || ev.target.id === 'time-to') {
      setPeriod($('#time-from').value, $('#time-to').value).catch(reportError);
    }
  });
  $('#timeline').addEventListener('click', (ev) => {
    const dot = ev.target.closest('.doc-dot');
    if (dot) openReader(dot.dataset.doc, []).catch(reportError);
  });
  registerUrlPart({
    write: (p) => {
      if (state.period?.from) p.set('from', state.period.from.slice(0, 4));
      if (state.period?.to) p.set('to', state.period.to.slice(0, 4));
    },
    read: async (p) => {
      const from = p.get('from'), to = p.get('to');
      state.period = from || to ? { from: from ? `${from}-01-01` : null, to: to ? `${to}-12-31` : null } : null;
    },
  });
  loadTimeline().catch(reportError);
}
