// The node-link view: the Cytoscape canvas, adding elements, layouts, filters and the legend,
// expanding neighbourhoods and selection.

import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import dagre from 'cytoscape-dagre';
import { html, render } from 'lit-html';

import { api } from './api.js';
import { $, busy, reportError } from './dom.js';
import { t, getLang, labelName, typeName } from './i18n.js';
import { cyStyle, shapeSvg, typeColor, LABEL_ORDER, TYPE_ORDER } from './theme.js';
import { state, ig, DEFAULT_LIMIT } from './state.js';
import { showDetails, showNode, showEdge } from './details.js';
import { renderTable } from './table.js';
import { saveUrl } from './url.js';
import { timeAllows } from './time.js';

cytoscape.use(fcose);
cytoscape.use(dagre);

// Past this many nodes the canvas drops edge labels and textures while panning, so a big
// neighbourhood stays responsive.
const BIG_GRAPH = 300;

export let cy = null;

export function initGraphView() {
  cy = cytoscape({
    container: $('#cy'),
    style: cyStyle(),
    minZoom: 0.05,
    maxZoom: 4,
    boxSelectionEnabled: false,
  });
  ig.cy = cy;
  cy.on('tap', 'node', (ev) => select(ev.target.id()));
  cy.on('tap', 'edge', (ev) => select(ev.target.id()));
  cy.on('tap', (ev) => { if (ev.target === cy) select(null); });
  cy.on('dbltap', 'node', (ev) => expand(ev.target.id()).catch(reportError));

  $('#btn-more').addEventListener('click', () => {
    const m = state.more;
    if (m) expand(m.id, { limit: m.limit + DEFAULT_LIMIT, types: m.types }).catch(reportError);
  });
  $('#btn-all').addEventListener('click', () => {
    const m = state.more;
    if (m) expand(m.id, { limit: Math.max(m.total, m.limit), types: m.types }).catch(reportError);
  });
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
  $('#btn-unhide').addEventListener('click', () => {
    state.hidden.clear();
    applyFilters(); renderLegend(); saveUrl();
  });
}

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
export function addElements(elements, near) {
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

export function runLayout({ incremental = false } = {}) {
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

export function updateEmpty() {
  $('#empty').hidden = cy.nodes().nonempty() || state.view !== 'graph';
}

export function updateStats() {
  const nodes = cy.nodes(':visible').length;
  const edges = cy.edges(':visible').length;
  let s = t('stats.view', { nodes, edges });
  if (ig.lastLayoutMs != null && nodes) s += ` · ${t('stats.layout', { ms: ig.lastLayoutMs })}`;
  $('#stats').textContent = nodes ? s : '';
}

export function clearView() {
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

export async function expand(id, { limit = DEFAULT_LIMIT, types, relayout = true, record = true } = {}) {
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

export async function openEntity(id) {
  clearView();
  await expand(id);
  select(String(id));
}

export function renderMore() {
  const m = state.more;
  const bar = $('#more-bar');
  if (!m || m.shown >= m.total || state.view !== 'graph') { bar.hidden = true; return; }
  bar.hidden = false;
  $('#more-text').textContent = t('more.text', { shown: m.shown, total: m.total, name: m.name });
  $('#btn-more').textContent = t('more.more', { n: Math.min(DEFAULT_LIMIT, m.total - m.shown) });
}

// Labels and types the user switched off, hidden nodes, and facts outside the chosen period.
export function applyFilters() {
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      n.toggleClass('filtered', state.hiddenLabels.has(n.data('label')));
      n.toggleClass('hidden-node', state.hidden.has(n.id()));
    });
    cy.edges().forEach((e) => e.toggleClass('filtered', state.hiddenTypes.has(e.data('type')) || !timeAllows(e.data('sources'))));
    // A node all of whose facts fall outside the chosen period stays, faded.
    const period = !!(state.period && (state.period.from || state.period.to));
    cy.nodes().forEach((n) => {
      const es = n.connectedEdges();
      n.toggleClass('faded', period && es.nonempty() && es.every((e) => !timeAllows(e.data('sources'))));
    });
  });
  const n = state.hidden.size;
  $('#hidden-nodes').hidden = n === 0;
  $('#hidden-count').textContent = t('hidden.count', { n });
}

const byKnownOrder = (known) => (a, b) => {
  const ia = known.indexOf(a), ib = known.indexOf(b);
  return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
};

export function renderLegend() {
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
  const labels = [...labelCounts.keys()].sort(byKnownOrder(LABEL_ORDER));
  const types = [...typeCounts.keys()].sort(byKnownOrder(TYPE_ORDER));
  const zh = getLang() === 'zh';
  render(labels.length ? labels.map((l) => html`
    <li><label class="legend-item ${state.hiddenLabels.has(l) ? 'off' : ''}">
      <input type="checkbox" data-label=${l} .checked=${!state.hiddenLabels.has(l)}>
      ${shapeSvg(l)}<span class="legend-name">${labelName(l)}</span>
      <span class="legend-sub">${zh ? l : ''}</span>
      <span class="count">${labelCounts.get(l)}</span>
    </label></li>`) : html`<li class="muted">${t('legend.empty')}</li>`, $('#legend-labels'));
  render(types.map((tp) => html`
    <li><label class="legend-item ${state.hiddenTypes.has(tp) ? 'off' : ''}">
      <input type="checkbox" data-type=${tp} .checked=${!state.hiddenTypes.has(tp)}>
      <span class="line-swatch" style="background:${typeColor(tp)}"></span>
      <span class="legend-name">${typeName(tp)}</span>
      <span class="legend-sub">${zh ? tp : ''}</span>
      <span class="count">${typeCounts.get(tp)}</span>
    </label></li>`), $('#legend-types'));
  updateStats();
}

export function hideNode(id) {
  state.hidden.add(String(id));
  if (state.selected === String(id)) select(null);
  applyFilters(); renderLegend(); saveUrl();
}

export function select(id) {
  cy.elements().unselect();
  state.selected = id;
  if (!id) { showDetails(null); saveUrl(); return; }
  const el = cy.getElementById(id);
  if (el.nonempty()) el.select();
  if (el.nonempty() && el.isEdge()) showEdge(el.data());
  else showNode(id);
  saveUrl();
}

export function relabelEdges() {
  cy.batch(() => cy.edges().forEach((e) => e.data('caption', typeName(e.data('type')))));
}
