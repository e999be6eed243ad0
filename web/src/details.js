// The side panel: a node's names, properties, relationship counts and documents; a
// relationship's ends, evidence sentences and sources.

import { html, render, nothing } from 'lit-html';

import { api } from './api.js';
import { $, reportError } from './dom.js';
import { t, labelName, typeName } from './i18n.js';
import { labelStyle, shapeSvg, typeColor } from './theme.js';
import { QUESTIONS } from './questions.js';
import { state } from './state.js';
import { cy, expand, hideNode, select } from './graph-view.js';
import { openReader } from './reader.js';
import { askQuestion } from './questions-ui.js';
import { switchTab } from './tabs.js';
import { highlightTerms } from './text-ranges.js';
import { documentsById } from './documents.js';
import { mapNodeData } from './map-view.js';

export function chip(label) {
  const { color } = labelStyle(label);
  return html`<span class="chip" style="--c:${color}">${shapeSvg(label, 12)}${labelName(label)}</span>`;
}

export function typeChip(type) {
  const sub = typeName(type) === type ? nothing : html`<small>${type}</small>`;
  return html`<span class="chip type" style="--c:${typeColor(type)}">${typeName(type)}${sub}</span>`;
}

export const DOC_ICON = html`<svg class="doc-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true"><path d="M3 1h7l3 3v11H3z" fill="none" stroke="currentColor" stroke-width="1.4"/><path d="M5 7h6M5 10h6M5 13h4" stroke="currentColor" stroke-width="1.2"/></svg>`;

const HIDDEN_PROPS = new Set(['name', 'aliases', 'text', 'evidence', 'evidenceDocs', 'evidenceOffsets', 'sources', 'contentHash']);

function formatValue(v) {
  if (Array.isArray(v)) return v.map(formatValue).join('、');
  if (v && typeof v === 'object') return JSON.stringify(v);
  const s = String(v);
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
}

export function showDetails(kind, data) {
  state.details = kind ? { kind, data } : null;
  const body = $('#details-body');
  if (!kind) {
    render(html`<div class="details-empty">${t('details.empty')}</div>`, body);
    return;
  }
  render(kind === 'node' ? nodePanel(data) : edgePanel(data), body);
}

// Where the node is known locally: the graph view or the map's places.
function localNode(id) {
  const el = cy.getElementById(id);
  return el.nonempty() ? el.data() : mapNodeData(id);
}

export async function showNode(id) {
  const token = Symbol('node');
  showNode.token = token;
  const local = localNode(id);
  if (local) showDetails('node', { node: { id, labels: local.labels ?? [local.label], properties: local }, loading: true });
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

const docButton = (docId, terms, body) => html`<button class="doc-link" data-act="open-doc" data-doc=${docId} data-terms=${JSON.stringify(terms)}>${body}</button>`;

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
  return html`
    <div class="panel-head">
      ${chip(label)}
      <h2 class="entity-name">${name}</h2>
      <div class="muted small">id ${n.id}</div>
    </div>
    <div class="actions">
      <button class="btn small primary" data-act="expand" data-id=${n.id}>${t('action.expand')}</button>
      <button class="btn small" data-act="focus" data-id=${n.id}>${t('action.focus')}</button>
      <button class="btn small" data-act="hide" data-id=${n.id}>${t('action.hide')}</button>
      <button class="btn small" data-act="path-from" data-name=${name}>${t('action.pathFrom')}</button>
      <button class="btn small" data-act="path-to" data-name=${name}>${t('action.pathTo')}</button>
    </div>
    ${qs.length ? html`<section><h4>${t('details.questions')}</h4><div class="q-links">${qs.map((q) => html`
      <button class="q-link" data-act="question" data-q=${q.id} data-name=${name}>${t(q.title)}</button>`)}</div></section>` : nothing}
    ${aliases.length ? html`<section><h4>${t('details.aliases')}</h4><div class="aliases">${aliases.map((a) => html`<span class="alias">${a}</span>`)}</div></section>` : nothing}
    ${props.length ? html`<section><h4>${t('details.properties')}</h4><table class="props">${props.map(([k, v]) => html`<tr><th>${k}</th><td>${formatValue(v)}</td></tr>`)}</table></section>` : nothing}
    ${info.loading ? nothing : html`
    <section><h4>${t('details.degree')}</h4>
      ${degree.length ? html`<table class="degree">
        <tr><th>${t('details.degree.type')}</th><th>${t('details.degree.out')}</th><th>${t('details.degree.in')}</th><th>${t('details.degree.total')}</th></tr>
        ${degree.map(([tp, d]) => html`<tr class="clickable" data-act="expand-type" data-id=${n.id} data-type=${tp}>
          <td>${typeChip(tp)}</td><td>${d.out ?? 0}</td><td>${d.in ?? 0}</td><td><b>${d.total ?? 0}</b></td></tr>`)}
      </table>` : html`<div class="muted">—</div>`}
    </section>
    <section><h4>${t('details.documents')}</h4>
      ${docs.length ? html`<ul class="doc-list">${docs.map((d) => html`
        <li>${docButton(d.docId ?? d.id, [name, ...aliases], html`
          <span class="doc-title">${d.title || d.docId}</span>
          <span class="doc-meta">${d.date || ''} · ${t('details.mentions', { n: d.count })}</span>`)}</li>`)}</ul>`
        : html`<div class="muted">${t('details.noDocuments')}</div>`}
    </section>`}`;
}

export function showEdge(d) {
  // A node's details still on their way must not replace the edge's when they arrive.
  showNode.token = null;
  showDetails('edge', { edge: d, docs: null });
  documentsById().then((docs) => {
    if (state.details?.kind === 'edge' && state.details.data.edge.id === d.id) showDetails('edge', { edge: d, docs });
  });
}

// An edge's ends come from the graph view, or from the edge itself when it was drawn elsewhere
// (the map), which carries the ends' names and labels.
function endOf(d, which) {
  const id = d[which];
  const el = cy.getElementById(id);
  if (el.nonempty()) return { id, label: el.data('label'), name: el.data('name') ?? el.data('caption') };
  const local = mapNodeData(id);
  return { id, label: d[`${which}Label`] ?? local?.label, name: d[`${which}Name`] ?? local?.name };
}

function edgePanel({ edge: d, docs }) {
  const src = endOf(d, 'source');
  const dst = endOf(d, 'target');
  const end = (e) => (e.name
    ? html`<button class="end-link" data-act="select" data-id=${e.id}>${chip(e.label)}<span>${e.name}</span></button>`
    : html`<span>#${e.id}</span>`);
  const evidence = d.evidence ?? [];
  const evDocs = d.evidenceDocs ?? [];
  const docTitle = (id) => docs?.get(String(id))?.title || id;
  return html`
    <div class="panel-head">
      ${typeChip(d.type)}
      <h2 class="entity-name">${src.name ?? d.source} → ${dst.name ?? d.target}</h2>
      <div class="muted small">id ${d.relId ?? d.id}</div>
    </div>
    <table class="props ends">
      <tr><th>${t('details.from')}</th><td>${end(src)}</td></tr>
      <tr><th>${t('details.to')}</th><td>${end(dst)}</td></tr>
    </table>
    <section><h4>${t('details.evidence')}</h4>
      ${evidence.length ? evidence.map((s, i) => html`
        <figure class="evidence">
          <blockquote>${highlightTerms(s, [src.name, dst.name])}</blockquote>
          ${evDocs[i] ? html`<figcaption><button class="doc-link inline" data-act="open-doc" data-doc=${evDocs[i]} data-terms=${JSON.stringify([s])}>
            ${DOC_ICON}${docTitle(evDocs[i])} · ${t('action.open')}</button></figcaption>` : nothing}
        </figure>`) : html`<div class="muted">${t('details.noEvidence')}</div>`}
    </section>
    ${(d.sources ?? []).length ? html`<section><h4>${t('details.sources')}</h4><ul class="doc-list">${d.sources.map((s) => html`
      <li>${docButton(s, evidence, html`<span class="doc-title">${docTitle(s)}</span><span class="doc-meta">${docs?.get(String(s))?.date ?? ''}</span>`)}</li>`)}</ul></section>` : nothing}`;
}

export function initDetails() {
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
}
