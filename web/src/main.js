import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import dagre from 'cytoscape-dagre';

import './styles.css';
import { api, ApiError } from './api.js';
import { t, setLang, getLang, applyI18n, labelName, typeName } from './i18n.js';
import { cyStyle, shapeSvg, labelStyle, typeColor, LABEL_ORDER, TYPE_ORDER } from './theme.js';
import { QUESTIONS, EXAMPLES, cypherString } from './questions.js';
import { downloadBlob, toCsv, graphCsv } from './export.js';

cytoscape.use(fcose);
cytoscape.use(dagre);

const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

const DEFAULT_LIMIT = 100;
// Past this many nodes the canvas drops edge labels and textures while panning, so a big
// neighbourhood stays responsive.
const BIG_GRAPH = 300;

// Everything the URL has to carry to rebuild the view; see saveUrl/restoreUrl.
const state = {
  layout: 'fcose',
  view: 'graph',
  resultMode: 'graph',
  expansions: [], // {id, limit, types} in the order they were made
  query: null, // the query whose graph is the base of the view
  path: null, // {from, to}
  hidden: new Set(),
  hiddenLabels: new Set(),
  hiddenTypes: new Set(),
  selected: null,
  more: null, // {id, name, shown, total, limit, types}
  table: null, // last query result, for the table view
  details: null, // what the side panel shows, kept to redraw on a language switch
};

// Test hooks and an escape hatch for power users in the devtools console.
const ig = { state, layoutCount: 0, expandCount: 0, lastLayoutMs: null, ready: false };
window.__ig = ig;

// ---------------------------------------------------------------------------------------------
// Canvas

const cy = cytoscape({
  container: $('#cy'),
  style: cyStyle(),
  minZoom: 0.05,
  maxZoom: 4,
  boxSelectionEnabled: false,
});
ig.cy = cy;

function caption(d) {
  if (d.label === 'Document') {
    const title = d.title || d.name || d.docId || d.id;
    return title.length > 16 ? `${title.slice(0, 15)}…` : title;
  }
  return d.name ?? d.title ?? `#${d.id}`;
}

function nodeData(raw) {
  const d = { ...raw };
  d.id = String(d.id);
  d.label = d.label ?? d.labels?.[0] ?? 'Node';
  d.caption = caption(d);
  d.size = 30;
  return d;
}

function edgeData(raw) {
  const d = { ...raw };
  d.id = String(d.id);
  d.source = String(d.source);
  d.target = String(d.target);
  d.caption = typeName(d.type);
  return d;
}

function baseSize(label) {
  return { Zone: 46, Park: 40, Region: 36, University: 36, Industry: 34, Document: 28 }[label] ?? 30;
}

function refreshSizes() {
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const deg = n.degree(false);
      n.data('size', Math.round(baseSize(n.data('label')) + Math.min(26, Math.sqrt(deg) * 3)));
    });
  });
}

// Adds what is new, keeping existing nodes where they are; new nodes start around `near` so an
// incremental layout only has to settle them.
function addElements(elements, near) {
  const nodes = (elements.nodes ?? []).map((e) => e.data ?? e);
  const edges = (elements.edges ?? []).map((e) => e.data ?? e);
  const fresh = [];
  const origin = near && cy.getElementById(near).nonempty() ? cy.getElementById(near).position() : null;
  const newNodes = nodes.filter((d) => cy.getElementById(String(d.id)).empty());
  newNodes.forEach((d, i) => {
    const el = { group: 'nodes', data: nodeData(d) };
    if (origin) {
      const a = (2 * Math.PI * i) / Math.max(1, newNodes.length);
      const r = 80 + 6 * Math.sqrt(newNodes.length);
      el.position = { x: origin.x + r * Math.cos(a), y: origin.y + r * Math.sin(a) };
    }
    fresh.push(el);
  });
  for (const d of edges) {
    if (cy.getElementById(String(d.id)).nonempty()) continue;
    fresh.push({ group: 'edges', data: edgeData(d) });
  }
  let added = cy.collection();
  cy.batch(() => {
    added = cy.add(fresh.filter((e) => e.group === 'nodes'));
    // An edge whose end is not in the view (a truncated neighbourhood) cannot be drawn.
    const drawable = fresh.filter((e) => e.group === 'edges' && cy.getElementById(e.data.source).nonempty() && cy.getElementById(e.data.target).nonempty());
    added = added.union(cy.add(drawable));
  });
  refreshSizes();
  applyFilters();
  return added;
}

function layoutOptions(name, { incremental }) {
  const n = cy.nodes(':visible').length;
  // Animated layouts that get stopped midway (a new view replacing one still settling) never
  // report their successor's end in Cytoscape 3.34, so positions are applied at once.
  const animate = false;
  const center = cy.nodes('.center').first();
  switch (name) {
    case 'concentric':
      return {
        name: 'concentric', animate, animationDuration: 350, fit: true, padding: 40, minNodeSpacing: 24,
        nodeDimensionsIncludeLabels: true,
        concentric: (node) => (node.hasClass('center') ? 1000 : node.degree(false)),
        levelWidth: () => 2,
      };
    case 'dagre':
      return { name: 'dagre', rankDir: 'LR', nodeSep: 18, rankSep: 90, edgeSep: 8, animate, animationDuration: 350, fit: true, padding: 40 };
    case 'breadthfirst':
      return {
        name: 'breadthfirst', directed: false, spacingFactor: 1.1, animate, animationDuration: 350, fit: true, padding: 40,
        roots: center.nonempty() ? center : undefined,
      };
    default:
      return {
        // fcose's draft quality cannot start from existing positions, so incremental runs use default.
        name: 'fcose', quality: 'default', randomize: !incremental, animate, animationDuration: 400,
        fit: true, padding: 40, nodeDimensionsIncludeLabels: true, nodeRepulsion: () => 8000,
        // A hub's many leaves need a longer spoke to fit around it without piling up.
        idealEdgeLength: (e) => Math.max(90, 14 * Math.sqrt(Math.max(e.source().degree(false), e.target().degree(false)))),
        edgeElasticity: () => 0.45, numIter: 2500,
        packComponents: true, tile: true,
      };
  }
}

let layoutRun = null;
function stopLayout() {
  // A stopped layout still fires layoutstop; it must not count as a finished one.
  if (layoutRun) {
    layoutRun.superseded = true;
    layoutRun.stop();
    layoutRun = null;
  }
}

function runLayout({ incremental = false } = {}) {
  stopLayout();
  const eles = cy.elements(':visible');
  updateEmpty();
  if (eles.empty()) return Promise.resolve();
  const big = cy.nodes().length > BIG_GRAPH;
  // Labels and full-detail rendering while panning cost most at this size; drop them.
  cy.style().selector('edge').style('label', big ? '' : 'data(caption)').update();
  const started = performance.now();
  return new Promise((resolve) => {
    const layout = eles.layout(layoutOptions(state.layout, { incremental }));
    layoutRun = layout;
    layout.one('layoutstop', () => {
      if (layout.superseded) { resolve(null); return; }
      // Fitting a handful of nodes would blow them up to poster size.
      if (cy.zoom() > 1.25) {
        cy.zoom(1.25);
        cy.center(eles);
      }
      const ms = Math.round(performance.now() - started);
      ig.lastLayoutMs = ms;
      ig.layoutCount += 1;
      layoutRun = null;
      updateStats();
      resolve(ms);
    });
    try {
      layout.run();
    } catch (err) {
      // A layout that throws must not leave the view waiting for a layoutstop that never comes.
      console.error(err);
      layoutRun = null;
      resolve(null);
    }
  });
}

function updateEmpty() {
  $('#empty').hidden = cy.nodes().nonempty() || state.view !== 'graph';
}

function updateStats() {
  const nodes = cy.nodes(':visible').length;
  const edges = cy.edges(':visible').length;
  let s = t('stats.view', { nodes, edges });
  if (ig.lastLayoutMs != null && nodes) s += ` · ${t('stats.layout', { ms: ig.lastLayoutMs })}`;
  $('#stats').textContent = nodes ? s : '';
}

// ---------------------------------------------------------------------------------------------
// Busy indicator and messages

let busyCount = 0;
async function busy(promise) {
  busyCount += 1;
  $('#busy').hidden = false;
  try { return await promise; } finally {
    busyCount -= 1;
    if (!busyCount) $('#busy').hidden = true;
  }
}

let toastTimer = null;
function toast(msg, kind = 'info') {
  const el = $('#toast');
  el.textContent = msg;
  el.className = `toast ${kind}`;
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { el.hidden = true; }, 3200);
}

function reportError(err) {
  console.error(err);
  toast(t('toast.error', { msg: err.message || String(err) }), 'error');
}

// ---------------------------------------------------------------------------------------------
// Building the view

function clearView() {
  stopLayout();
  cy.elements().remove();
  state.expansions = [];
  state.query = null;
  state.path = null;
  state.hidden.clear();
  state.selected = null;
  state.more = null;
  state.table = null;
  renderMore();
  renderTable();
  showDetails(null);
  renderLegend();
  updateStats();
  updateEmpty();
}

async function expand(id, { limit = DEFAULT_LIMIT, types, relayout = true, record = true } = {}) {
  id = String(id);
  const res = await busy(api.neighbors(id, { limit, types }));
  const added = addElements(res, id);
  cy.nodes().removeClass('center');
  cy.getElementById(id).addClass('center');
  if (record) {
    const prev = state.expansions.find((e) => e.id === id && (e.types ?? '') === (types ?? ''));
    if (prev) prev.limit = Math.max(prev.limit, limit);
    else state.expansions.push({ id, limit, types });
  }
  const center = res.nodes?.find((n) => String(n.data?.id) === id)?.data;
  state.more = res.truncated || res.shown < res.total
    ? { id, name: center?.name ?? id, shown: res.shown, total: res.total, limit, types }
    : (state.more?.id === id ? null : state.more);
  renderMore();
  renderLegend();
  saveUrl();
  if (relayout && added.nonempty()) await runLayout({ incremental: cy.nodes().length > 2 * added.nodes().length });
  else updateStats();
  ig.expandCount += 1;
  return res;
}

async function openEntity(id) {
  clearView();
  await expand(id);
  select(String(id));
}

function renderMore() {
  const m = state.more;
  const bar = $('#more-bar');
  if (!m || m.shown >= m.total) { bar.hidden = true; return; }
  bar.hidden = false;
  $('#more-text').textContent = t('more.text', { shown: m.shown, total: m.total, name: m.name });
  $('#btn-more').textContent = t('more.more', { n: Math.min(DEFAULT_LIMIT, m.total - m.shown) });
}

$('#btn-more').addEventListener('click', () => {
  const m = state.more;
  if (m) expand(m.id, { limit: m.limit + DEFAULT_LIMIT, types: m.types }).catch(reportError);
});
$('#btn-all').addEventListener('click', () => {
  const m = state.more;
  if (m) expand(m.id, { limit: Math.max(m.total, m.limit), types: m.types }).catch(reportError);
});

// ---------------------------------------------------------------------------------------------
// Filters and legend

function applyFilters() {
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      n.toggleClass('filtered', state.hiddenLabels.has(n.data('label')));
      n.toggleClass('hidden-node', state.hidden.has(n.id()));
    });
    cy.edges().forEach((e) => e.toggleClass('filtered', state.hiddenTypes.has(e.data('type'))));
  });
  const n = state.hidden.size;
  $('#hidden-nodes').hidden = n === 0;
  $('#hidden-count').textContent = t('hidden.count', { n });
}

function renderLegend() {
  const labelCounts = new Map();
  cy.nodes().forEach((n) => {
    if (state.hidden.has(n.id())) return;
    const l = n.data('label');
    labelCounts.set(l, (labelCounts.get(l) ?? 0) + 1);
  });
  const typeCounts = new Map();
  cy.edges().forEach((e) => {
    const tp = e.data('type');
    typeCounts.set(tp, (typeCounts.get(tp) ?? 0) + 1);
  });
  const order = (known) => (a, b) => {
    const ia = known.indexOf(a), ib = known.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
  };
  const labels = [...labelCounts.keys()].sort(order(LABEL_ORDER));
  const types = [...typeCounts.keys()].sort(order(TYPE_ORDER));
  $('#legend-labels').innerHTML = labels.length ? labels.map((l) => `
    <li><label class="legend-item ${state.hiddenLabels.has(l) ? 'off' : ''}">
      <input type="checkbox" data-label="${esc(l)}" ${state.hiddenLabels.has(l) ? '' : 'checked'}>
      ${shapeSvg(l)}<span class="legend-name">${esc(labelName(l))}</span>
      <span class="legend-sub">${esc(getLang() === 'zh' ? l : '')}</span>
      <span class="count">${labelCounts.get(l)}</span>
    </label></li>`).join('') : `<li class="muted">${esc(t('legend.empty'))}</li>`;
  $('#legend-types').innerHTML = types.map((tp) => `
    <li><label class="legend-item ${state.hiddenTypes.has(tp) ? 'off' : ''}">
      <input type="checkbox" data-type="${esc(tp)}" ${state.hiddenTypes.has(tp) ? '' : 'checked'}>
      <span class="line-swatch" style="background:${typeColor(tp)}"></span>
      <span class="legend-name">${esc(typeName(tp))}</span>
      <span class="legend-sub">${esc(getLang() === 'zh' ? tp : '')}</span>
      <span class="count">${typeCounts.get(tp)}</span>
    </label></li>`).join('');
  updateStats();
}

$('#legend-labels').addEventListener('change', (ev) => {
  const l = ev.target.dataset.label;
  if (!l) return;
  if (ev.target.checked) state.hiddenLabels.delete(l); else state.hiddenLabels.add(l);
  applyFilters(); renderLegend(); saveUrl();
});
$('#legend-types').addEventListener('change', (ev) => {
  const tp = ev.target.dataset.type;
  if (!tp) return;
  if (ev.target.checked) state.hiddenTypes.delete(tp); else state.hiddenTypes.add(tp);
  applyFilters(); renderLegend(); saveUrl();
});

function hideNode(id) {
  state.hidden.add(String(id));
  if (state.selected === String(id)) select(null);
  applyFilters(); renderLegend(); saveUrl();
}
$('#btn-unhide').addEventListener('click', () => {
  state.hidden.clear();
  applyFilters(); renderLegend(); saveUrl();
});

// ---------------------------------------------------------------------------------------------
// Selection and the side panel

function select(id) {
  cy.elements().unselect();
  state.selected = id;
  if (!id) { showDetails(null); saveUrl(); return; }
  const el = cy.getElementById(id);
  if (el.nonempty()) el.select();
  if (el.nonempty() && el.isEdge()) showEdge(el.data());
  else showNode(id);
  saveUrl();
}

cy.on('tap', 'node', (ev) => select(ev.target.id()));
cy.on('tap', 'edge', (ev) => select(ev.target.id()));
cy.on('tap', (ev) => { if (ev.target === cy) select(null); });
cy.on('dbltap', 'node', (ev) => expand(ev.target.id()).catch(reportError));

function showDetails(kind, data) {
  state.details = kind ? { kind, data } : null;
  const body = $('#details-body');
  if (!kind) {
    body.innerHTML = `<div class="details-empty">${esc(t('details.empty'))}</div>`;
    return;
  }
  body.innerHTML = kind === 'node' ? nodePanel(data) : edgePanel(data);
}

function chip(label) {
  const { color } = labelStyle(label);
  return `<span class="chip" style="--c:${color}">${shapeSvg(label, 12)}${esc(labelName(label))}</span>`;
}

function typeChip(type) {
  const sub = typeName(type) === type ? '' : `<small>${esc(type)}</small>`;
  return `<span class="chip type" style="--c:${typeColor(type)}">${esc(typeName(type))}${sub}</span>`;
}

const DOC_ICON = '<svg class="doc-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true"><path d="M3 1h7l3 3v11H3z" fill="none" stroke="currentColor" stroke-width="1.4"/><path d="M5 7h6M5 10h6M5 13h4" stroke="currentColor" stroke-width="1.2"/></svg>';

const HIDDEN_PROPS = new Set(['name', 'aliases', 'text', 'evidence', 'evidenceDocs', 'evidenceOffsets', 'sources', 'contentHash']);

function formatValue(v) {
  if (Array.isArray(v)) return v.map(formatValue).join('、');
  if (v && typeof v === 'object') return JSON.stringify(v);
  const s = String(v);
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
}

async function showNode(id) {
  const token = Symbol('node');
  showNode.token = token;
  const local = cy.getElementById(id);
  if (local.nonempty()) showDetails('node', { node: { id, labels: local.data('labels') ?? [local.data('label')], properties: local.data() }, loading: true });
  try {
    const info = await api.entity(id);
    if (showNode.token !== token) return;
    showDetails('node', info);
  } catch (err) {
    if (showNode.token === token) reportError(err);
  }
}

function questionsFor(label) {
  return QUESTIONS.filter((q) => q.fields.some((f) => f.label === label && f.primary));
}

function nodePanel(info) {
  const n = info.node;
  const p = n.properties ?? {};
  const label = n.labels?.[0] ?? p.label;
  const name = p.name ?? p.title ?? `#${n.id}`;
  const aliases = (p.aliases ?? []).filter((a) => a && a !== name);
  const props = Object.entries(p).filter(([k, v]) => !HIDDEN_PROPS.has(k) && v !== null && v !== '' && !['id', 'label', 'labels', 'caption', 'size'].includes(k));
  const degree = Object.entries(info.degree ?? {}).sort((a, b) => b[1].total - a[1].total);
  const docs = info.documents ?? [];
  const qs = questionsFor(label);
  return `
    <div class="panel-head">
      ${chip(label)}
      <h2 class="entity-name">${esc(name)}</h2>
      <div class="muted small">id ${esc(n.id)}</div>
    </div>
    <div class="actions">
      <button class="btn small primary" data-act="expand" data-id="${esc(n.id)}">${esc(t('action.expand'))}</button>
      <button class="btn small" data-act="focus" data-id="${esc(n.id)}">${esc(t('action.focus'))}</button>
      <button class="btn small" data-act="hide" data-id="${esc(n.id)}">${esc(t('action.hide'))}</button>
      <button class="btn small" data-act="path-from" data-name="${esc(name)}">${esc(t('action.pathFrom'))}</button>
      <button class="btn small" data-act="path-to" data-name="${esc(name)}">${esc(t('action.pathTo'))}</button>
    </div>
    ${qs.length ? `<section><h4>${esc(t('details.questions'))}</h4><div class="q-links">${qs.map((q) => `
      <button class="q-link" data-act="question" data-q="${q.id}" data-name="${esc(name)}">${esc(t(q.title))}</button>`).join('')}</div></section>` : ''}
    ${aliases.length ? `<section><h4>${esc(t('details.aliases'))}</h4><div class="aliases">${aliases.map((a) => `<span class="alias">${esc(a)}</span>`).join('')}</div></section>` : ''}
    ${props.length ? `<section><h4>${esc(t('details.properties'))}</h4><table class="props">${props.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(formatValue(v))}</td></tr>`).join('')}</table></section>` : ''}
    ${info.loading ? '' : `
    <section><h4>${esc(t('details.degree'))}</h4>
      ${degree.length ? `<table class="degree">
        <tr><th>${esc(t('details.degree.type'))}</th><th>${esc(t('details.degree.out'))}</th><th>${esc(t('details.degree.in'))}</th><th>${esc(t('details.degree.total'))}</th></tr>
        ${degree.map(([tp, d]) => `<tr class="clickable" data-act="expand-type" data-id="${esc(n.id)}" data-type="${esc(tp)}">
          <td>${typeChip(tp)}</td><td>${d.out ?? 0}</td><td>${d.in ?? 0}</td><td><b>${d.total ?? 0}</b></td></tr>`).join('')}
      </table>` : '<div class="muted">—</div>'}
    </section>
    <section><h4>${esc(t('details.documents'))}</h4>
      ${docs.length ? `<ul class="doc-list">${docs.map((d) => `
        <li><button class="doc-link" data-act="open-doc" data-doc="${esc(d.docId ?? d.id)}" data-terms="${esc(JSON.stringify([name, ...aliases]))}">
          <span class="doc-title">${esc(d.title || d.docId)}</span>
          <span class="doc-meta">${esc(d.date || '')} · ${esc(t('details.mentions', { n: d.count }))}</span>
        </button></li>`).join('')}</ul>` : `<div class="muted">${esc(t('details.noDocuments'))}</div>`}
    </section>`}`;
}

let docIndex = null;
async function documentsById() {
  if (!docIndex) {
    docIndex = api.documents().then((r) => {
      const m = new Map();
      for (const d of r.documents ?? []) { m.set(String(d.docId), d); m.set(String(d.id), d); }
      return m;
    }).catch(() => new Map());
  }
  return docIndex;
}

function showEdge(d) {
  showDetails('edge', { edge: d, docs: null });
  documentsById().then((docs) => {
    if (state.details?.kind === 'edge' && state.details.data.edge.id === d.id) showDetails('edge', { edge: d, docs });
  });
}

function edgePanel({ edge: d, docs }) {
  const src = cy.getElementById(d.source);
  const dst = cy.getElementById(d.target);
  const end = (el, id) => (el.nonempty()
    ? `<button class="end-link" data-act="select" data-id="${esc(id)}">${chip(el.data('label'))}<span>${esc(el.data('name') ?? el.data('caption'))}</span></button>`
    : `<span>#${esc(id)}</span>`);
  const evidence = d.evidence ?? [];
  const evDocs = d.evidenceDocs ?? [];
  const docTitle = (id) => docs?.get(String(id))?.title || id;
  return `
    <div class="panel-head">
      ${typeChip(d.type)}
      <h2 class="entity-name">${esc(src.data('name') ?? d.source)} → ${esc(dst.data('name') ?? d.target)}</h2>
      <div class="muted small">id ${esc(d.relId ?? d.id)}</div>
    </div>
    <table class="props ends">
      <tr><th>${esc(t('details.from'))}</th><td>${end(src, d.source)}</td></tr>
      <tr><th>${esc(t('details.to'))}</th><td>${end(dst, d.target)}</td></tr>
    </table>
    <section><h4>${esc(t('details.evidence'))}</h4>
      ${evidence.length ? evidence.map((s, i) => `
        <figure class="evidence">
          <blockquote>${highlightTerms(s, [src.data('name'), dst.data('name')])}</blockquote>
          ${evDocs[i] ? `<figcaption><button class="doc-link inline" data-act="open-doc" data-doc="${esc(evDocs[i])}" data-terms="${esc(JSON.stringify([s]))}">
            ${DOC_ICON}${esc(docTitle(evDocs[i]))} · ${esc(t('action.open'))}</button></figcaption>` : ''}
        </figure>`).join('') : `<div class="muted">${esc(t('details.noEvidence'))}</div>`}
    </section>
    ${(d.sources ?? []).length ? `<section><h4>${esc(t('details.sources'))}</h4><ul class="doc-list">${d.sources.map((s) => `
      <li><button class="doc-link" data-act="open-doc" data-doc="${esc(s)}" data-terms="${esc(JSON.stringify(evidence))}">
        <span class="doc-title">${esc(docTitle(s))}</span><span class="doc-meta">${esc(docs?.get(String(s))?.date ?? '')}</span>
      </button></li>`).join('')}</ul></section>` : ''}`;
}

// Marks the names of the relationship's two ends inside its evidence sentence.
function highlightTerms(text, terms) {
  const ranges = findRanges(text, terms.filter(Boolean));
  let out = '', at = 0;
  for (const [b, e] of ranges) { out += esc(text.slice(at, b)) + `<mark>${esc(text.slice(b, e))}</mark>`; at = e; }
  return out + esc(text.slice(at));
}

// Non-overlapping [begin, end) ranges of every occurrence of any term, longest term first.
function findRanges(text, terms) {
  const ranges = [];
  const sorted = [...new Set(terms)].filter((x) => x && x.length > 0).sort((a, b) => b.length - a.length);
  for (const term of sorted) {
    let i = text.indexOf(term);
    while (i >= 0) {
      const e = i + term.length;
      if (!ranges.some(([b, f]) => i < f && e > b)) ranges.push([i, e]);
      i = text.indexOf(term, e);
    }
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

$('#details').addEventListener('click', (ev) => {
  const el = ev.target.closest('[data-act]');
  if (!el) return;
  const { act, id } = el.dataset;
  if (act === 'expand') expand(id).catch(reportError);
  else if (act === 'expand-type') expand(id, { types: el.dataset.type }).catch(reportError);
  else if (act === 'hide') hideNode(id);
  else if (act === 'focus') {
    const n = cy.getElementById(id);
    if (n.nonempty()) cy.animate({ center: { eles: n }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 300 });
  } else if (act === 'select') select(id);
  else if (act === 'open-doc') openReader(el.dataset.doc, JSON.parse(el.dataset.terms || '[]')).catch(reportError);
  else if (act === 'question') askQuestion(el.dataset.q, { name: el.dataset.name }).catch(reportError);
  else if (act === 'path-from' || act === 'path-to') {
    switchTab('questions');
    const input = $(`#q-path-${act === 'path-from' ? 'from' : 'to'}`);
    input.value = el.dataset.name;
    input.focus();
  }
});

// ---------------------------------------------------------------------------------------------
// Document reader

const reader = { marks: [], at: -1 };

async function openReader(docId, terms) {
  const doc = await busy(api.document(docId));
  const text = doc.text ?? '';
  let ranges = findRanges(text, terms);
  // The extractor normalises whitespace and punctuation in sentences; fall back to a sentence's
  // opening words when the whole sentence is not found verbatim.
  if (!ranges.length) {
    for (const s of terms) {
      const head = s.slice(0, 18);
      const i = head.length >= 6 ? text.indexOf(head) : -1;
      if (i >= 0) {
        const stop = text.slice(i).search(/[。！？\n]/);
        ranges.push([i, stop < 0 ? text.length : i + stop + 1]);
      }
    }
    ranges = ranges.sort((a, b) => a[0] - b[0]);
  }
  let html = '', at = 0;
  ranges.forEach(([b, e], k) => { html += esc(text.slice(at, b)) + `<mark data-k="${k}">${esc(text.slice(b, e))}</mark>`; at = e; });
  html += esc(text.slice(at));
  $('#reader-title').textContent = doc.title || t('reader.untitled');
  const meta = [doc.docId, doc.date, doc.issuer ? `${t('reader.issuer')}：${doc.issuer}` : '', ranges.length ? t('reader.highlights', { n: ranges.length }) : ''];
  $('#reader-meta').textContent = meta.filter(Boolean).join(' · ');
  $('#reader-text').innerHTML = html;
  const facts = doc.facts ?? [];
  $('#reader-facts').innerHTML = `<h4>${esc(t('reader.facts'))} <span class="count">${facts.length}</span></h4>
    <ul>${facts.slice(0, 400).map((f) => `<li><button class="fact" data-sentence="${esc(f.evidence?.[0]?.sentence ?? '')}">
      ${typeChip(f.type)}<span>${esc(f.start?.name)} → ${esc(f.end?.name)}</span></button></li>`).join('')}</ul>`;
  $('#reader').hidden = false;
  reader.marks = $$('#reader-text mark');
  reader.at = -1;
  $('#reader-next').hidden = reader.marks.length < 2;
  nextMark();
}

function nextMark() {
  if (!reader.marks.length) { $('#reader-text').scrollTop = 0; return; }
  reader.marks.forEach((m) => m.classList.remove('current'));
  reader.at = (reader.at + 1) % reader.marks.length;
  const m = reader.marks[reader.at];
  m.classList.add('current');
  m.scrollIntoView({ block: 'center' });
}

$('#reader-next').addEventListener('click', nextMark);
$('#reader-close').addEventListener('click', () => { $('#reader').hidden = true; });
$('#reader').addEventListener('click', (ev) => { if (ev.target.id === 'reader') $('#reader').hidden = true; });
$('#reader-facts').addEventListener('click', (ev) => {
  const b = ev.target.closest('.fact');
  if (!b) return;
  const s = b.dataset.sentence;
  const text = $('#reader-text').textContent;
  const i = text.indexOf(s);
  if (i < 0) return;
  // Re-mark the document around this fact's sentence only.
  $('#reader-text').innerHTML = `${esc(text.slice(0, i))}<mark class="current">${esc(s)}</mark>${esc(text.slice(i + s.length))}`;
  reader.marks = $$('#reader-text mark');
  reader.at = -1;
  nextMark();
});
document.addEventListener('keydown', (ev) => {
  if (ev.key === 'Escape' && !$('#reader').hidden) $('#reader').hidden = true;
  if ((ev.key === 'Delete' || ev.key === 'Backspace') && document.activeElement === document.body) {
    const sel = cy.nodes(':selected').first();
    if (sel.nonempty()) hideNode(sel.id());
  }
});

// ---------------------------------------------------------------------------------------------
// Search as you type

const search = { ctrl: null, items: [], active: -1, timer: null };
const searchInput = $('#search-input');
const searchList = $('#search-results');

let schema = null;
function renderSearchLabels() {
  const sel = $('#search-label');
  const v = sel.value;
  const counts = new Map((schema?.labels ?? []).map((l) => [l.label, l.count]));
  const labels = LABEL_ORDER.filter((l) => !schema || counts.has(l));
  sel.innerHTML = `<option value="">${esc(t('search.any'))}</option>${labels.map((l) => `<option value="${l}">${esc(labelName(l))}${counts.has(l) ? ` (${counts.get(l)})` : ''}</option>`).join('')}`;
  sel.value = v;
  $('#empty-overview').textContent = schema ? t('empty.overview', { nodes: schema.nodes ?? '', rels: schema.relationships ?? '' }) : '';
}

api.schema().then((s) => { schema = s; renderSearchLabels(); }).catch(() => {});

async function runSearch() {
  const q = searchInput.value.trim();
  if (search.ctrl) search.ctrl.abort();
  if (!q) { searchList.hidden = true; return; }
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
  searchList.hidden = false;
  if (!search.items.length) {
    searchList.innerHTML = `<li class="muted none">${esc(t('search.none'))}</li>`;
    return;
  }
  searchList.innerHTML = search.items.map((r, i) => {
    const label = r.labels?.[0];
    const alias = (r.properties?.aliases ?? []).find((a) => a.includes(searchInput.value.trim()) && a !== r.name);
    return `<li role="option" class="result ${i === search.active ? 'active' : ''}" data-i="${i}">
      ${shapeSvg(label)}
      <span class="result-name">${esc(r.name)}${alias ? `<small> · ${esc(alias)}</small>` : ''}</span>
      <span class="result-label">${esc(labelName(label))}</span>
      <span class="result-degree" title="degree">${r.degree ?? ''}</span>
    </li>`;
  }).join('');
}

function pickResult(i) {
  const r = search.items[i];
  if (!r) return;
  searchList.hidden = true;
  searchInput.value = r.name;
  searchInput.blur();
  setView('graph');
  openEntity(r.id).catch(reportError);
}

searchInput.addEventListener('input', () => {
  clearTimeout(search.timer);
  search.timer = setTimeout(runSearch, 120);
});
searchInput.addEventListener('focus', () => { if (searchInput.value.trim()) runSearch(); });
searchInput.addEventListener('keydown', (ev) => {
  if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
    ev.preventDefault();
    if (!search.items.length) return;
    search.active = (search.active + (ev.key === 'ArrowDown' ? 1 : search.items.length - 1)) % search.items.length;
    renderSearch();
  } else if (ev.key === 'Enter') {
    ev.preventDefault();
    if (search.active >= 0) pickResult(search.active);
  } else if (ev.key === 'Escape') {
    searchList.hidden = true;
  }
});
$('#search-label').addEventListener('change', runSearch);
// mousedown, not click: the input's blur would close the list before a click lands.
searchList.addEventListener('mousedown', (ev) => {
  const li = ev.target.closest('.result');
  if (li) { ev.preventDefault(); pickResult(Number(li.dataset.i)); }
});
document.addEventListener('mousedown', (ev) => { if (!ev.target.closest('.search')) searchList.hidden = true; });

async function openByName(name, label) {
  const res = await api.search(name, { label, limit: 1 });
  const r = res.results?.[0];
  if (!r) { toast(t('toast.noResult'), 'error'); return; }
  searchInput.value = r.name;
  await openEntity(r.id);
}

// ---------------------------------------------------------------------------------------------
// Query console and table

const queryInput = $('#query-input');

function showQueryError(err) {
  const box = $('#query-error');
  box.hidden = false;
  $('.error-code', box).textContent = err.code ?? 'Error';
  $('.error-pos', box).textContent = err.line ? t('error.pos', { line: err.line, column: err.column }) : '';
  $('.error-msg', box).textContent = err.message;
  $('.error-excerpt', box).textContent = err.excerpt ?? '';
  $('.error-excerpt', box).hidden = !err.excerpt;
  // Put the caret where the server says the problem is, so the fix is one keystroke away.
  if (err.line) {
    const lines = queryInput.value.split('\n');
    let pos = 0;
    for (let i = 0; i < err.line - 1 && i < lines.length; i++) pos += lines[i].length + 1;
    pos += Math.max(0, (err.column ?? 1) - 1);
    queryInput.focus();
    queryInput.setSelectionRange(pos, pos);
  }
}

async function runQuery(text = queryInput.value, { mode = state.resultMode, record = true, highlightPath = false } = {}) {
  $('#query-error').hidden = true;
  $('#query-status').textContent = t('console.running');
  let res;
  try {
    res = await busy(api.query(text));
  } catch (err) {
    $('#query-status').textContent = '';
    if (err instanceof ApiError) { showQueryError(err); return null; }
    throw err;
  }
  const st = res.stats ?? {};
  $('#query-status').textContent = t('console.rows', { rows: st.rows ?? res.rows?.length ?? 0, ms: (st.elapsed_ms ?? 0).toFixed(1) }) + (st.truncated ? t('console.truncated') : '');
  state.table = { columns: res.columns ?? [], rows: res.rows ?? [] };
  renderTable();
  const hasGraph = (res.graph?.nodes ?? []).length > 0;
  if (mode === 'graph' && hasGraph) {
    clearView();
    state.table = { columns: res.columns ?? [], rows: res.rows ?? [] };
    renderTable();
    state.query = text;
    const added = addElements(res.graph);
    if (highlightPath) added.addClass('path');
    renderLegend();
    setView('graph');
    saveUrl();
    await runLayout();
  } else {
    if (mode === 'graph') toast(t('console.graphEmpty'));
    if (record) { state.query = text; }
    setView('table');
    saveUrl();
  }
  return res;
}

function renderCell(v) {
  if (v === null || v === undefined) return '<span class="null">null</span>';
  if (Array.isArray(v)) return `<span class="list">[${v.map(renderCell).join(', ')}]</span>`;
  if (typeof v === 'object') {
    if (v.labels && v.properties) {
      const label = v.labels[0];
      return `<button class="cell-node" data-id="${esc(v.id)}">${shapeSvg(label, 11)}${esc(v.properties.name ?? v.properties.title ?? `#${v.id}`)}</button>`;
    }
    if (v.type && v.start !== undefined && v.end !== undefined) return `<span class="cell-rel">[:${esc(v.type)}]</span>`;
    if (v.nodes && v.relationships) return `<span class="cell-path">${v.nodes.map(renderCell).join(' → ')}</span>`;
    return `<code>${esc(JSON.stringify(v))}</code>`;
  }
  return esc(typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(4).replace(/0+$/, '') : v);
}

function currentTable() {
  if (state.table) return state.table;
  // Without a query result the table lists the view's nodes, so it is never empty for nothing.
  const rows = cy.nodes().map((n) => [n.id(), labelName(n.data('label')), n.data('name') ?? n.data('caption'), n.degree(false)]);
  return { columns: ['id', 'label', 'name', 'degree'], rows, fromGraph: true };
}

function renderTable() {
  const tv = $('#table-view');
  const tb = currentTable();
  if (!tb.rows.length && !tb.columns.length) {
    tv.innerHTML = `<div class="table-empty">${esc(t('table.empty'))}</div>`;
    return;
  }
  tv.innerHTML = `${tb.fromGraph ? `<div class="table-caption">${esc(t('table.graph'))}</div>` : ''}
    <table class="result-table"><thead><tr><th class="rownum">#</th>${tb.columns.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead>
    <tbody>${tb.rows.map((r, i) => `<tr><td class="rownum">${i + 1}</td>${r.map((v) => `<td>${renderCell(v)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

$('#table-view').addEventListener('click', (ev) => {
  const b = ev.target.closest('.cell-node');
  if (b) { setView('graph'); openEntity(b.dataset.id).catch(reportError); }
});

$('#btn-run').addEventListener('click', () => runQuery().catch(reportError));
queryInput.addEventListener('keydown', (ev) => {
  if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
    ev.preventDefault();
    runQuery().catch(reportError);
  }
});

function segmented(root, attr, onPick) {
  root.addEventListener('click', (ev) => {
    const b = ev.target.closest('button');
    if (!b) return;
    onPick(b.dataset[attr]);
  });
}
function markSeg(root, attr, value) {
  for (const b of $$('button', root)) b.classList.toggle('active', b.dataset[attr] === value);
}

segmented($('#result-mode'), 'mode', (m) => { state.resultMode = m; markSeg($('#result-mode'), 'mode', m); });
segmented($('#view-mode'), 'view', (v) => setView(v));

function setView(v) {
  state.view = v;
  markSeg($('#view-mode'), 'view', v);
  $('#table-view').hidden = v !== 'table';
  $('#cy').style.visibility = v === 'table' ? 'hidden' : 'visible';
  $('#stats').hidden = v === 'table';
  if (v === 'table') $('#more-bar').hidden = true;
  else renderMore();
  if (v === 'table') renderTable();
  updateEmpty();
  saveUrl();
}

function renderExamples() {
  $('#examples').innerHTML = EXAMPLES.map((e, i) => `<li><button class="example" data-i="${i}">
    <span>${esc(getLang() === 'zh' ? e.zh : e.en)}</span><code>${esc(e.query.split('\n')[0])}</code></button></li>`).join('');
}
$('#examples').addEventListener('click', (ev) => {
  const b = ev.target.closest('.example');
  if (!b) return;
  queryInput.value = EXAMPLES[Number(b.dataset.i)].query;
  runQuery().catch(reportError);
});

// ---------------------------------------------------------------------------------------------
// Ready-made questions

function renderQuestions() {
  const keep = Object.fromEntries($$('#questions input').map((i) => [i.id, i.value]));
  $('#questions').innerHTML = QUESTIONS.map((q) => `
    <form class="question" data-q="${q.id}">
      <div class="q-title">${esc(t(q.title))}</div>
      <div class="q-desc">${esc(t(q.desc))}</div>
      ${q.fields.map((f) => `<label class="q-field"><span>${esc(t(f.text))}</span>
        <input id="q-${q.id}-${f.key}" name="${f.key}" list="dl-${q.id}-${f.key}" autocomplete="off" placeholder="${esc(f.example)}" data-label="${f.label ?? ''}">
        <datalist id="dl-${q.id}-${f.key}"></datalist></label>`).join('')}
      <button class="btn primary small" type="submit">${esc(t('q.ask'))}</button>
    </form>`).join('');
  for (const [id, v] of Object.entries(keep)) { const el = document.getElementById(id); if (el) el.value = v; }
}

$('#questions').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const form = ev.target.closest('.question');
  const q = QUESTIONS.find((x) => x.id === form.dataset.q);
  const values = {};
  for (const f of q.fields) values[f.key] = (form.elements[f.key].value.trim() || f.example);
  askQuestion(q.id, values).catch(reportError);
});

// Suggest names for a question's field from the entity search, limited to the field's label.
$('#questions').addEventListener('input', async (ev) => {
  const input = ev.target;
  if (input.tagName !== 'INPUT' || !input.value.trim()) return;
  try {
    const res = await api.search(input.value.trim(), { label: input.dataset.label || undefined, limit: 8 });
    const dl = document.getElementById(input.getAttribute('list'));
    dl.innerHTML = (res.results ?? []).map((r) => `<option value="${esc(r.name)}">${esc(labelName(r.labels?.[0]))}</option>`).join('');
  } catch { /* suggestions are a convenience; the question still runs */ }
});

async function askQuestion(qid, values) {
  const q = QUESTIONS.find((x) => x.id === qid);
  if (q.kind === 'path') return showPath(values.from, values.to);
  for (const f of q.fields) {
    const input = $(`#q-${q.id}-${f.key}`);
    if (input && values[f.key]) input.value = values[f.key];
  }
  const text = q.query(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, cypherString(v)])));
  queryInput.value = text;
  const res = await runQuery(text, { mode: 'graph' });
  // Keep the entity the question is about in the side panel, marked as the centre.
  const subject = cy.nodes().filter((n) => n.data('name') === values.name || (n.data('aliases') ?? []).includes(values.name)).first();
  if (subject.nonempty()) {
    subject.addClass('center');
    select(subject.id());
  }
  return res;
}

async function showPath(from, to) {
  const res = await busy(api.paths(from, to, 6));
  if (!res.paths?.length) { toast(t('q.noPath', { from, to }), 'error'); return; }
  clearView();
  state.path = { from, to };
  addElements(res);
  const onPath = new Set(res.paths.flatMap((p) => [...p.nodes.map(String), ...p.edges.map(String)]));
  cy.elements().filter((e) => onPath.has(e.id())).addClass('path');
  const first = res.paths[0];
  cy.getElementById(String(first.nodes[0])).addClass('center');
  renderLegend();
  setView('graph');
  saveUrl();
  await runLayout();
}

// ---------------------------------------------------------------------------------------------
// Toolbar

$('#layout-select').addEventListener('change', (ev) => {
  state.layout = ev.target.value;
  saveUrl();
  runLayout();
});
$('#btn-fit').addEventListener('click', () => cy.animate({ fit: { eles: cy.elements(':visible'), padding: 40 } }, { duration: 300 }));
$('#btn-relayout').addEventListener('click', () => runLayout());
$('#btn-clear').addEventListener('click', () => { clearView(); saveUrl(); });

function stamp() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

$('#btn-png').addEventListener('click', () => {
  const blob = cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff', maxWidth: 6000, maxHeight: 6000 });
  const file = `innograph-${stamp()}.png`;
  downloadBlob(blob, file);
  toast(t('toast.exported', { file }));
});

function viewData() {
  const visible = cy.elements(':visible');
  const strip = (d) => { const { caption: _c, size: _s, ...rest } = d; return rest; };
  return {
    nodes: visible.nodes().map((n) => strip(n.data())),
    edges: visible.edges().map((e) => strip(e.data())),
  };
}

$('#btn-json').addEventListener('click', () => {
  const file = `innograph-${stamp()}.json`;
  const data = { exported: new Date().toISOString(), link: location.href, ...viewData() };
  if (state.table && state.view === 'table') data.table = state.table;
  downloadBlob(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), file);
  toast(t('toast.exported', { file }));
});

$('#btn-csv').addEventListener('click', () => {
  const file = `innograph-${stamp()}.csv`;
  const csv = state.view === 'table'
    ? toCsv(currentTable())
    : graphCsv(viewData());
  // The BOM makes spreadsheet programs read the Chinese names as UTF-8.
  downloadBlob(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }), file);
  toast(t('toast.exported', { file }));
});

$('#btn-share').addEventListener('click', async () => {
  saveUrlNow();
  try {
    await navigator.clipboard.writeText(location.href);
    toast(t('toast.copied'));
  } catch {
    toast(t('toast.copyFailed'), 'error');
  }
});

// ---------------------------------------------------------------------------------------------
// Tabs and language

function switchTab(name) {
  for (const b of $$('.tab')) b.classList.toggle('active', b.dataset.tab === name);
  for (const p of $$('.tab-panel')) p.hidden = p.dataset.panel !== name;
}
for (const b of $$('.tab')) b.addEventListener('click', () => switchTab(b.dataset.tab));

function renderEmptySuggestions() {
  const names = ['大连高新区', '精细化工', '东北大学', '沈大国家自主创新示范区', '辽阳市科技局'];
  $('#empty-suggestions').innerHTML = names.map((n) => `<button class="btn suggestion" data-name="${esc(n)}">${esc(n)}</button>`).join('');
}
$('#empty-suggestions').addEventListener('click', (ev) => {
  const b = ev.target.closest('[data-name]');
  if (b) openByName(b.dataset.name).catch(reportError);
});

function applyLanguage(l) {
  setLang(l);
  $('#btn-lang').textContent = l === 'zh' ? 'EN' : '中文';
  applyI18n();
  renderSearchLabels();
  renderQuestions();
  renderExamples();
  renderLegend();
  renderMore();
  renderTable();
  cy.batch(() => cy.edges().forEach((e) => e.data('caption', typeName(e.data('type')))));
  if (state.details) showDetails(state.details.kind, state.details.data);
  else showDetails(null);
  applyFilters();
  updateStats();
}
$('#btn-lang').addEventListener('click', () => {
  applyLanguage(getLang() === 'zh' ? 'en' : 'zh');
  saveUrl();
});

// ---------------------------------------------------------------------------------------------
// The view's state in the URL. Compact and replayable: the page rebuilds the view from the
// same requests rather than storing positions, so a shared link shows current data.

let saveTimer = null;
let restoring = false;
function saveUrl() {
  if (restoring) return;
  clearTimeout(saveTimer);
  saveTimer = setTimeout(saveUrlNow, 150);
}
function saveUrlNow() {
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
  const hash = p.toString();
  history.replaceState(null, '', hash ? `#${hash}` : location.pathname + location.search);
}

async function restoreUrl() {
  const p = new URLSearchParams(location.hash.slice(1));
  restoring = true;
  try {
    applyLanguage(p.get('lang') === 'en' ? 'en' : 'zh');
    state.layout = p.get('layout') || 'fcose';
    $('#layout-select').value = state.layout;
    for (const l of (p.get('hl') || '').split(',').filter(Boolean)) state.hiddenLabels.add(l);
    for (const tp of (p.get('ht') || '').split(',').filter(Boolean)) state.hiddenTypes.add(tp);
    const view = p.get('view') || 'graph';
    if (p.get('q')) {
      queryInput.value = p.get('q');
      await runQuery(p.get('q'), { mode: view });
    }
    if (p.get('path')) {
      const [from, to] = p.get('path').split('|');
      await showPath(from, to);
    }
    for (const part of (p.get('x') || '').split(',').filter(Boolean)) {
      const [id, limit, types] = part.split(':');
      await expand(id, { limit: Number(limit) || DEFAULT_LIMIT, types: types || undefined, relayout: false });
    }
    for (const id of (p.get('hide') || '').split(',').filter(Boolean)) state.hidden.add(id);
    applyFilters();
    renderLegend();
    setView(view);
    if (cy.nodes().nonempty()) await runLayout();
    if (p.get('sel')) select(p.get('sel'));
  } finally {
    restoring = false;
  }
  saveUrlNow();
}

// ---------------------------------------------------------------------------------------------

queryInput.value = EXAMPLES[0].query;
renderEmptySuggestions();
restoreUrl()
  .catch(reportError)
  .finally(() => {
    ig.ready = true;
    document.body.dataset.ready = '1';
  });
