// The ready-made questions tab: a form per question, answered as an ordinary query the console
// shows, or as a path search.

import { html, render } from 'lit-html';

import { api } from './api.js';
import { $, busy, toast, reportError } from './dom.js';
import { t, labelName } from './i18n.js';
import { QUESTIONS, cypherString } from './questions.js';
import { state } from './state.js';
import { cy, addElements, clearView, renderLegend, runLayout, select } from './graph-view.js';
import { runQuery, showQueryText } from './console.js';
import { setView } from './views.js';
import { saveUrl } from './url.js';

export function renderQuestions() {
  // Inputs keep what the user typed across re-renders: lit reuses the same elements and no
  // value is bound.
  render(QUESTIONS.map((q) => html`
    <form class="question" data-q=${q.id}>
      <div class="q-title">${t(q.title)}</div>
      <div class="q-desc">${t(q.desc)}</div>
      ${q.fields.map((f) => html`<label class="q-field"><span>${t(f.text)}</span>
        <input id="q-${q.id}-${f.key}" name=${f.key} list="dl-${q.id}-${f.key}" autocomplete="off" placeholder=${f.example} data-label=${f.label ?? ''}>
        <datalist id="dl-${q.id}-${f.key}"></datalist></label>`)}
      <button class="btn primary small" type="submit">${t('q.ask')}</button>
    </form>`), $('#questions'));
}

export async function askQuestion(qid, values) {
  const q = QUESTIONS.find((x) => x.id === qid);
  if (q.kind === 'path') return showPath(values.from, values.to);
  for (const f of q.fields) {
    const input = $(`#q-${q.id}-${f.key}`);
    if (input && values[f.key]) input.value = values[f.key];
  }
  const text = q.query(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, cypherString(v)])));
  showQueryText(text);
  const res = await runQuery(text, { mode: 'graph' });
  // Keep the entity the question is about in the side panel, marked as the centre.
  const subject = cy.nodes().filter((n) => n.data('name') === values.name || (n.data('aliases') ?? []).includes(values.name)).first();
  if (subject.nonempty()) {
    subject.addClass('center');
    select(subject.id());
  }
  return res;
}

export async function showPath(from, to) {
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

export function initQuestions() {
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
      render((res.results ?? []).map((r) => html`<option value=${r.name}>${labelName(r.labels?.[0])}</option>`), dl);
    } catch { /* suggestions are a convenience; the question still runs */ }
  });
}
