// The query console: the editor, running a query into the graph or the table, errors with line,
// column and caret, and the example queries.

import { html, render } from 'lit-html';

import { api, ApiError } from './api.js';
import { $, busy, markSeg, segmented, toast, reportError } from './dom.js';
import { t, getLang } from './i18n.js';
import { EXAMPLES } from './questions.js';
import { state } from './state.js';
import { addElements, clearView, renderLegend, runLayout } from './graph-view.js';
import { renderTable } from './table.js';
import { setView } from './views.js';
import { saveUrl } from './url.js';

export const queryInput = () => $('#query-input');

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
    const input = queryInput();
    const lines = input.value.split('\n');
    let pos = 0;
    for (let i = 0; i < err.line - 1 && i < lines.length; i++) pos += lines[i].length + 1;
    pos += Math.max(0, (err.column ?? 1) - 1);
    input.focus();
    input.setSelectionRange(pos, pos);
  }
}

// Shows a query in the console without running it (questions answered elsewhere show theirs).
export function showQueryText(text) {
  queryInput().value = text;
}

export async function runQuery(text = queryInput().value, { mode = state.resultMode, record = true, highlightPath = false } = {}) {
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

export function renderExamples() {
  const zh = getLang() === 'zh';
  render(EXAMPLES.map((e, i) => html`<li><button class="example" data-i=${i}>
    <span>${zh ? e.zh : e.en}</span><code>${e.query.split('\n')[0]}</code></button></li>`), $('#examples'));
}

export function initConsole() {
  $('#btn-run').addEventListener('click', () => runQuery().catch(reportError));
  queryInput().addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      runQuery().catch(reportError);
    }
  });
  segmented($('#result-mode'), 'mode', (m) => { state.resultMode = m; markSeg($('#result-mode'), 'mode', m); });
  $('#examples').addEventListener('click', (ev) => {
    const b = ev.target.closest('.example');
    if (!b) return;
    queryInput().value = EXAMPLES[Number(b.dataset.i)].query;
    runQuery().catch(reportError);
  });
  queryInput().value = EXAMPLES[0].query;
}
