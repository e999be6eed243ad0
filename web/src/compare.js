// Compare two places side by side (a province, a city or a park): the industries each hosts and
// those both host, their partners and their lead departments, each with its sources; or one
// place in two documents or years (industries added and dropped). Exported as CSV or PNG.

import { html, render, nothing } from 'lit-html';

import { api } from './api.js';
import { $, busy, reportError, toast } from './dom.js';
import { t } from './i18n.js';
import { openReader } from './reader.js';
import { showQueryText } from './console.js';
import { registerView, setView } from './views.js';
import { registerExporter } from './toolbar.js';
import { registerUrlPart, saveUrl } from './url.js';
import { loadPlaces } from './map-view.js';
import { timeAllows } from './time.js';
import { documentsById, forgetDocuments } from './documents.js';
import { toCsv } from './export.js';

const cmp = { mode: 'places', a: '', b: '', result: null };

// The places a name stands for: every placed node of a province or a city, or one node by name.
function membersOf(places, name) {
  const n = name.trim();
  const short = n.replace(/(省|市|自治区|特别行政区|壮族自治区|回族自治区|维吾尔自治区)$/, '');
  const inProvince = places.list.filter((p) => p.province === n || (p.province.startsWith(short) && short.length >= 2 && !places.cityProvince.has(short)));
  if (inProvince.length) return { kind: 'province', members: inProvince };
  const inCity = places.list.filter((p) => p.city && (p.city === n || p.city === short));
  if (inCity.length) return { kind: 'city', members: inCity };
  const one = places.list.filter((p) => p.name === n);
  return { kind: 'node', members: one.length ? one : places.unplaced.filter((p) => p.name === n) };
}

export const COMPARE_QUERIES = {
  hosts: (ids) => `MATCH (p)-[r:HOSTS]->(i:Industry)\nWHERE id(p) IN [${ids.join(', ')}]\nRETURN p, r, i`,
  partners: (ids) => `MATCH (p)-[r:PARTNERS_WITH]->(u)\nWHERE id(p) IN [${ids.join(', ')}]\nRETURN p, r, u`,
  leads: () => 'MATCH (d:Department)-[r:LEADS]->(t)\nRETURN d, r, t',
};

async function graphRows(query) {
  const res = await busy(api.query(query, { maxRows: 50000 }));
  const nodes = new Map((res.graph?.nodes ?? []).map((n) => [String(n.data.id), n.data]));
  return (res.graph?.edges ?? []).map((e) => e.data).map((e) => ({
    ...e, from: nodes.get(String(e.source)), to: nodes.get(String(e.target)),
  }));
}

// name -> {name, sources:Set, evidence:[], docs:[]} for the facts passing `keep`.
function collect(edges, keep, pick) {
  const out = new Map();
  for (const e of edges) {
    if (!keep(e)) continue;
    const node = pick(e);
    if (!node?.name) continue;
    if (!out.has(node.name)) out.set(node.name, { name: node.name, sources: new Set(), evidence: [] });
    const item = out.get(node.name);
    for (const s of e.sources ?? []) item.sources.add(String(s));
    item.evidence.push(...(e.evidence ?? []));
  }
  return out;
}

function split(a, b) {
  const both = [...a.keys()].filter((k) => b.has(k)).sort().map((k) => ({ ...a.get(k), sources: new Set([...a.get(k).sources, ...b.get(k).sources]), evidence: [...a.get(k).evidence, ...b.get(k).evidence] }));
  const onlyA = [...a.keys()].filter((k) => !b.has(k)).sort().map((k) => a.get(k));
  const onlyB = [...b.keys()].filter((k) => !a.has(k)).sort().map((k) => b.get(k));
  return { onlyA, both, onlyB };
}

function startsWithPlace(name, place) {
  const short = place.replace(/(省|市|自治区|特别行政区)$/, '');
  return name.startsWith(place) || (short.length >= 2 && name.startsWith(short));
}

// Which documents a period choice keeps: "y:2016" a year, "d:<docId>" one document.
function periodKeep(choice, docs) {
  if (!choice) return () => true;
  if (choice.startsWith('d:')) return (e) => (e.sources ?? []).map(String).includes(choice.slice(2));
  const year = choice.slice(2);
  return (e) => (e.sources ?? []).some((s) => (docs.get(String(s))?.date ?? '').startsWith(year));
}

export async function comparePlaces(a, b) {
  cmp.mode = 'places'; cmp.a = a; cmp.b = b;
  const places = await loadPlaces();
  const A = membersOf(places, a), B = membersOf(places, b);
  const idsA = new Set(A.members.map((p) => String(p.id))), idsB = new Set(B.members.map((p) => String(p.id)));
  const ids = [...new Set([...idsA, ...idsB])];
  const hostsQuery = COMPARE_QUERIES.hosts(ids.length ? ids : [-1]);
  showQueryText(hostsQuery);
  const [hosts, partners, leads] = await Promise.all([
    graphRows(hostsQuery), graphRows(COMPARE_QUERIES.partners(ids.length ? ids : [-1])), graphRows(COMPARE_QUERIES.leads()),
  ]);
  const inTime = (e) => timeAllows(e.sources);
  const side = (set) => (e) => inTime(e) && set.has(String(e.source));
  const industries = split(collect(hosts, side(idsA), (e) => e.to), collect(hosts, side(idsB), (e) => e.to));
  const partnersOf = split(collect(partners, side(idsA), (e) => e.to), collect(partners, side(idsB), (e) => e.to));
  forgetDocuments(); // documents added since the page loaded have dates too
  docCache = await documentsById();
  const leadsA = collect(leads, (e) => inTime(e) && startsWithPlace(e.from?.name ?? '', a), (e) => e.from);
  const leadsB = collect(leads, (e) => inTime(e) && startsWithPlace(e.from?.name ?? '', b), (e) => e.from);
  cmp.result = {
    mode: 'places', a, b, kindA: A.kind, kindB: B.kind, membersA: A.members.length, membersB: B.members.length,
    sections: [
      { key: 'industries', ...industries },
      { key: 'partners', ...partnersOf },
      { key: 'leads', ...split(leadsA, leadsB) },
    ],
  };
  setView('compare');
  renderCompare();
  saveUrl();
  return cmp.result;
}

// One place in two documents or years: the industries it hosts in each, added and dropped.
export async function compareYears(place, from, to) {
  cmp.mode = 'years'; cmp.a = from; cmp.b = to; cmp.place = place;
  const places = await loadPlaces();
  const P = membersOf(places, place);
  const ids = P.members.map((p) => String(p.id));
  const q = COMPARE_QUERIES.hosts(ids.length ? ids : [-1]);
  showQueryText(q);
  const hosts = await graphRows(q);
  forgetDocuments(); // documents added since the page loaded have dates too
  const docs = await documentsById();
  docCache = docs;
  const keepA = periodKeep(from, docs), keepB = periodKeep(to, docs);
  const s = split(collect(hosts, keepA, (e) => e.to), collect(hosts, keepB, (e) => e.to));
  cmp.result = { mode: 'years', a: from, b: to, place, sections: [{ key: 'years', ...s }] };
  setView('compare');
  renderCompare();
  saveUrl();
  return cmp.result;
}

function choiceLabel(c, docs) {
  if (!c) return '';
  if (c.startsWith('y:')) return c.slice(2);
  const d = docs?.get(c.slice(2));
  return d ? `${d.title || d.docId}${d.date ? ` (${d.date})` : ''}` : c.slice(2);
}

let docCache = null;

function sourceLinks(item) {
  return html`<span class="cmp-sources">${[...item.sources].map((s) => {
    const d = docCache?.get(s);
    return d
      ? html`<button class="doc-link inline cmp-src" data-act="open-doc" data-doc=${s} data-terms=${JSON.stringify([item.name, ...item.evidence.slice(0, 3)])} title=${`${d.date ?? ''} ${d.title || s}`}>${(d.date ?? '').slice(0, 4) || (d.title || s).slice(0, 8)}</button>`
      : html`<span class="cmp-src ref" title=${s}>${s.startsWith('gazetteer:') ? t('cmp.reference') : s}</span>`;
  })}</span>`;
}

function column(items, cls) {
  return html`<ul class="cmp-list ${cls}">${items.length ? items.map((it) => html`<li><span class="cmp-name">${it.name}</span>${sourceLinks(it)}</li>`) : html`<li class="muted">—</li>`}</ul>`;
}

function renderCompare() {
  const r = cmp.result;
  const docsOptions = docCache ? [...new Map([...docCache.values()].map((d) => [d.docId, d])).values()].sort((x, y) => (x.date ?? '').localeCompare(y.date ?? '')) : [];
  const years = [...new Set(docsOptions.map((d) => (d.date ?? '').slice(0, 4)).filter(Boolean))].sort();
  const periodOptions = (sel) => html`${years.map((y) => html`<option value="y:${y}" ?selected=${sel === `y:${y}`}>${y}</option>`)}
    ${docsOptions.map((d) => html`<option value="d:${d.docId}" ?selected=${sel === `d:${d.docId}`}>${(d.date ?? '').slice(0, 4)} · ${d.title || d.docId}</option>`)}`;
  render(html`
    <form class="cmp-form" data-mode="places">
      <b>${t('cmp.places')}</b>
      <input id="cmp-a" name="a" placeholder="河北省" .value=${cmp.mode === 'places' ? cmp.a : ''}>
      <span>↔</span>
      <input id="cmp-b" name="b" placeholder="山东省" .value=${cmp.mode === 'places' ? cmp.b : ''}>
      <button class="btn primary small" type="submit">${t('cmp.go')}</button>
    </form>
    <form class="cmp-form" data-mode="years">
      <b>${t('cmp.years')}</b>
      <input id="cmp-place" name="place" placeholder="山东省" .value=${cmp.mode === 'years' ? cmp.place ?? '' : ''}>
      <select id="cmp-from" name="from">${periodOptions(cmp.mode === 'years' ? cmp.a : '')}</select>
      <span>→</span>
      <select id="cmp-to" name="to">${periodOptions(cmp.mode === 'years' ? cmp.b : `y:${years[years.length - 1] ?? ''}`)}</select>
      <button class="btn primary small" type="submit">${t('cmp.go')}</button>
    </form>
    ${r ? html`<div class="cmp-result">
      ${r.mode === 'places' ? html`<h3 class="cmp-title">${r.a} ↔ ${r.b}
        <small>${t('cmp.members', { a: r.membersA, b: r.membersB })}</small></h3>` : html`<h3 class="cmp-title">${r.place}: ${choiceLabel(r.a, docCache)} → ${choiceLabel(r.b, docCache)}</h3>`}
      ${r.sections.map((s) => html`<section class="cmp-section" data-section=${s.key}>
        <h4>${t(`cmp.section.${s.key}`)}</h4>
        <div class="cmp-grid">
          <div><div class="cmp-head">${r.mode === 'places' ? t('cmp.only', { name: r.a }) : t('cmp.dropped')}</div>${column(s.onlyA, 'only-a')}</div>
          <div><div class="cmp-head">${r.mode === 'places' ? t('cmp.both') : t('cmp.kept')}</div>${column(s.both, 'both')}</div>
          <div><div class="cmp-head">${r.mode === 'places' ? t('cmp.only', { name: r.b }) : t('cmp.added')}</div>${column(s.onlyB, 'only-b')}</div>
        </div></section>`)}
    </div>` : html`<p class="hint">${t('cmp.hint')}</p>`}
    ${nothing}`, $('#compare-view'));
}

function compareCsv() {
  const r = cmp.result;
  if (!r) return toCsv({ columns: ['section', 'side', 'name', 'sources'], rows: [] });
  const sideName = (k) => (r.mode === 'places' ? { onlyA: r.a, both: 'both', onlyB: r.b } : { onlyA: 'dropped', both: 'kept', onlyB: 'added' })[k];
  const rows = r.sections.flatMap((s) => ['onlyA', 'both', 'onlyB'].flatMap((k) => s[k].map((it) => [s.key, sideName(k), it.name, [...it.sources].join('|')])));
  return toCsv({ columns: ['section', 'side', 'name', 'sources'], rows });
}

// A plain picture of the comparison: three columns per section, drawn on a canvas.
async function comparePng() {
  const r = cmp.result;
  const sections = r?.sections ?? [];
  const rowsPer = sections.map((s) => Math.max(1, s.onlyA.length, s.both.length, s.onlyB.length));
  const W = 1200, line = 22, height = 80 + rowsPer.reduce((a, n) => a + 50 + n * line, 0);
  const canvas = document.createElement('canvas');
  canvas.width = W; canvas.height = height;
  const g = canvas.getContext('2d');
  g.fillStyle = '#fff'; g.fillRect(0, 0, W, height);
  g.fillStyle = '#0f172a'; g.font = 'bold 22px "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';
  g.fillText(r ? (r.mode === 'places' ? `${r.a} ↔ ${r.b}` : `${r.place}: ${r.a} → ${r.b}`) : '', 24, 40);
  let y = 80;
  sections.forEach((s, i) => {
    g.font = 'bold 16px "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif'; g.fillStyle = '#1d4ed8';
    g.fillText(t(`cmp.section.${s.key}`), 24, y);
    const heads = r.mode === 'places' ? [t('cmp.only', { name: r.a }), t('cmp.both'), t('cmp.only', { name: r.b })] : [t('cmp.dropped'), t('cmp.kept'), t('cmp.added')];
    g.font = '14px "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';
    ['onlyA', 'both', 'onlyB'].forEach((k, c) => {
      g.fillStyle = '#64748b'; g.fillText(heads[c], 24 + c * 390, y + 24);
      g.fillStyle = '#0f172a';
      s[k].forEach((it, j) => g.fillText(`${it.name}  [${it.sources.size}]`, 24 + c * 390, y + 24 + (j + 1) * line));
    });
    y += 50 + rowsPer[i] * line;
  });
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}

function showCompare(on) {
  $('#compare-view').hidden = !on;
  if (on) {
    forgetDocuments();
    documentsById().then((d) => { docCache = d; renderCompare(); });
  }
}

export function rerunCompare() {
  if (!cmp.result) return Promise.resolve();
  return cmp.mode === 'places' ? comparePlaces(cmp.a, cmp.b) : compareYears(cmp.place, cmp.a, cmp.b);
}

export function initCompare() {
  registerView('compare', showCompare);
  $('#compare-view').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f = ev.target.closest('.cmp-form');
    const v = (k) => f.elements[k].value.trim() || f.elements[k].placeholder;
    if (f.dataset.mode === 'places') comparePlaces(v('a'), v('b')).catch(reportError);
    else if (!f.elements.from.value || !f.elements.to.value) toast(t('cmp.choose'), 'error');
    else compareYears(v('place'), f.elements.from.value, f.elements.to.value).catch(reportError);
  });
  registerExporter('compare', { png: comparePng, csv: compareCsv, json: () => ({ compare: cmp.result && { ...cmp.result, sections: cmp.result.sections.map((s) => ({ ...s, onlyA: s.onlyA.map(plain), both: s.both.map(plain), onlyB: s.onlyB.map(plain) })) } }) });
  registerUrlPart({
    write: (p) => {
      if (!cmp.result) return;
      p.set('cmp', cmp.mode === 'places' ? `${cmp.a}|${cmp.b}` : `${cmp.place}|${cmp.a}|${cmp.b}`);
    },
    read: async (p) => {
      const c = p.get('cmp');
      if (!c) return;
      const parts = c.split('|');
      if (parts.length === 2) await comparePlaces(parts[0], parts[1]);
      else if (parts.length === 3) await compareYears(parts[0], parts[1], parts[2]);
    },
  });
  $('#compare-view').addEventListener('click', (ev) => {
    const b = ev.target.closest('[data-act="open-doc"]');
    if (b) openReader(b.dataset.doc, JSON.parse(b.dataset.terms || '[]')).catch(reportError);
  });
  renderCompare();
}

const plain = (it) => ({ name: it.name, sources: [...it.sources] });

export const renderCompareView = () => renderCompare();
