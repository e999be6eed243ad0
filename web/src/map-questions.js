// Questions that answer on the map: where an industry is hosted, which universities partner
// with the parks of an industry (lines from each university to its park), and what a province
// plans (its parks and their industries). Each runs an ordinary query, which the console shows.

import { html, render } from 'lit-html';

import { api } from './api.js';
import { $, busy, reportError } from './dom.js';
import { t } from './i18n.js';
import { cypherString } from './questions.js';
import { showQueryText } from './console.js';
import { setView } from './views.js';
import { timeAllows } from './time.js';
import { loadPlaces, setAnswer, setMeasure } from './map-view.js';
import { registerUrlPart, saveUrl } from './url.js';

export const MAP_QUESTIONS = [
  { id: 'hosts', field: 'industry', example: '机器人', label: 'Industry' },
  { id: 'partners', field: 'industry', example: '精细化工', label: 'Industry' },
  { id: 'plan', field: 'province', example: '辽宁省', label: 'Region' },
];

export const MAP_QUERIES = {
  hosts: (lit) => `MATCH (p)-[r:HOSTS]->(i:Industry ${lit})\nRETURN p, r, i`,
  // A park partners directly, or through the region it is located in (as the graph's question).
  partners: (lit) => `MATCH (i:Industry ${lit})<-[:HOSTS]-(p)-[:LOCATED_IN*0..1]->(x)-[r:PARTNERS_WITH]->(u)\nWHERE u:University OR u:Institute\nRETURN p, r, u, x`,
  plan: (names) => `MATCH (p)-[r:HOSTS]->(i:Industry)\nWHERE p.name IN [${names.map(cypherString).join(', ')}]\nRETURN p, r, i`,
};

const where = (p) => (p ? [p.province, p.city].filter(Boolean).join(' · ') : null);

// The query's graph: nodes by id, and HOSTS/PARTNERS_WITH edges inside the chosen period, each
// carrying its ends' names so the side panel can show it without the graph view.
function graphOf(res) {
  const nodes = new Map((res.graph?.nodes ?? []).map((n) => [String(n.data.id), n.data]));
  const edges = (res.graph?.edges ?? []).map((e) => e.data).filter((e) => timeAllows(e.sources)).map((e) => {
    const s = nodes.get(String(e.source)), d = nodes.get(String(e.target));
    return { ...e, id: String(e.id), sourceName: s?.name, sourceLabel: s?.label, targetName: d?.name, targetLabel: d?.label };
  });
  return { nodes, edges };
}

async function run(text) {
  showQueryText(text);
  return busy(api.query(text, { maxRows: 20000 }));
}

let last = null;

// Asks the last question again (the period changed).
export function rerunMapQuestion() {
  return last ? askMapQuestion(last.id, last.value) : Promise.resolve();
}

export async function askMapQuestion(id, value) {
  last = { id, value };
  const places = await loadPlaces();
  const input = $(`#mq-${id}`);
  if (input) input.value = value;
  const placeOf = (nid) => places.byId.get(String(nid));
  let answer;
  if (id === 'hosts') {
    const { edges } = graphOf(await run(MAP_QUERIES.hosts(cypherString(value))));
    answer = { kind: id, title: t('mq.hosts.answer', { name: value }), ids: new Set(), edges: new Map(), edgeFor: new Map(), list: [], lines: [] };
    for (const e of edges) {
      answer.ids.add(String(e.source));
      answer.edges.set(e.id, e);
      answer.edgeFor.set(String(e.source), e.id);
      answer.list.push({ id: String(e.source), label: e.sourceLabel, name: e.sourceName, where: where(placeOf(e.source)), edge: e });
    }
    await setMeasure('industry', { industry: value });
  } else if (id === 'partners') {
    // Rows, not just the graph: each pairs the park (p) with the fact (r), whose start is the
    // park itself or its region (x).
    const res = await run(MAP_QUERIES.partners(cypherString(value)));
    const { edges } = graphOf(res);
    // Graph edges are "e7" for relationship 7.
    const byId = new Map(edges.map((e) => [String(e.relId ?? e.id), e]));
    answer = { kind: id, title: t('mq.partners.answer', { name: value }), ids: new Set(), edges: new Map(), edgeFor: new Map(), list: [], lines: [] };
    const seen = new Set();
    for (const [pv, rv] of res.rows ?? []) {
      const e = byId.get(String(rv?.id));
      if (!e || !pv) continue;
      const parkId = String(pv.id), parkName = pv.properties?.name;
      if (seen.has(`${parkId}|${e.id}`)) continue;
      seen.add(`${parkId}|${e.id}`);
      const park = placeOf(parkId), uni = placeOf(e.target);
      answer.ids.add(parkId).add(String(e.target));
      answer.edges.set(e.id, e);
      answer.edgeFor.set(String(e.target), e.id);
      if (!answer.edgeFor.has(parkId)) answer.edgeFor.set(parkId, e.id);
      answer.lines.push({ from: uni && [uni.lon, uni.lat], to: park && [park.lon, park.lat], edge: e });
      const via = String(e.source) !== parkId ? ` ${t('mq.partners.via', { name: e.sourceName })}` : '';
      answer.list.push({ id: String(e.target), label: e.targetLabel, name: e.targetName, where: where(uni), edge: e, sub: `→ ${parkName}${park ? ` (${where(park)})` : ''}${via}` });
    }
    await setMeasure('partners');
  } else {
    const inProvince = places.list.filter((p) => p.province === value || p.province.startsWith(value) || value.startsWith(p.province));
    const hosts = inProvince.filter((p) => p.label !== 'University' && p.label !== 'Institute');
    answer = { kind: id, title: t('mq.plan.answer', { name: value }), ids: new Set(inProvince.map((p) => String(p.id))), edges: new Map(), edgeFor: new Map(), list: [], lines: [] };
    const names = [...new Set(hosts.map((p) => p.name))].slice(0, 500);
    const industries = new Map();
    if (names.length) {
      const { edges } = graphOf(await run(MAP_QUERIES.plan(names)));
      for (const e of edges) {
        if (!industries.has(String(e.source))) industries.set(String(e.source), []);
        industries.get(String(e.source)).push(e.targetName);
        answer.edges.set(e.id, e);
      }
    } else {
      showQueryText(MAP_QUERIES.plan([]));
    }
    for (const p of hosts) {
      const list = industries.get(String(p.id)) ?? [];
      // A region that hosts nothing says nothing about the plan; its parks are listed anyway.
      if (p.label === 'Region' && !list.length) continue;
      answer.list.push({ id: String(p.id), label: p.label, name: p.name, where: where(p), sub: list.length ? list.join('、') : t('mq.plan.noIndustry') });
    }
    answer.list.sort((a, b) => (industries.get(b.id)?.length ?? 0) - (industries.get(a.id)?.length ?? 0));
    await setMeasure('parks');
  }
  if (id !== 'partners') answer.list.sort((a, b) => (a.where ?? '~').localeCompare(b.where ?? '~', 'zh'));
  setView('map');
  setAnswer(answer);
  saveUrl();
  return answer;
}

export function renderMapQuestions() {
  render(html`<h3>${t('mq.heading')}</h3>${MAP_QUESTIONS.map((q) => html`
    <form class="question map-question" data-mq=${q.id}>
      <div class="q-title">${t(`mq.${q.id}.title`)}</div>
      <div class="q-desc">${t(`mq.${q.id}.desc`)}</div>
      <label class="q-field"><span>${t(`mq.${q.id}.field`)}</span>
        <input id="mq-${q.id}" name="value" autocomplete="off" placeholder=${q.example}></label>
      <button class="btn primary small" type="submit">${t('mq.show')}</button>
    </form>`)}`, $('#map-questions'));
}

export function initMapQuestions() {
  // The question on the map is part of the view: a shared link asks it again.
  registerUrlPart({
    write: (p) => { if (last) p.set('mq', `${last.id}|${last.value}`); },
    read: async (p) => {
      const [id, ...rest] = (p.get('mq') || '').split('|');
      if (MAP_QUESTIONS.some((q) => q.id === id) && rest.length) await askMapQuestion(id, rest.join('|'));
    },
  });
  $('#map-questions').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const form = ev.target.closest('[data-mq]');
    const q = MAP_QUESTIONS.find((x) => x.id === form.dataset.mq);
    const value = form.elements.value.value.trim() || q.example;
    askMapQuestion(q.id, value).catch(reportError);
  });
}
