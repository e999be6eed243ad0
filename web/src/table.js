// The table view: a query's rows, or the view's nodes when no query ran.

import { html, render } from 'lit-html';

import { $ } from './dom.js';
import { t, labelName } from './i18n.js';
import { shapeSvg } from './theme.js';
import { state } from './state.js';
import { cy } from './graph-view.js';

function renderCell(v) {
  if (v === null || v === undefined) return html`<span class="null">null</span>`;
  if (Array.isArray(v)) return html`<span class="list">[${v.map((x, i) => html`${i ? ', ' : ''}${renderCell(x)}`)}]</span>`;
  if (typeof v === 'object') {
    if (v.labels && v.properties) {
      const label = v.labels[0];
      return html`<button class="cell-node" data-id=${v.id}>${shapeSvg(label, 11)}${v.properties.name ?? v.properties.title ?? `#${v.id}`}</button>`;
    }
    if (v.type && v.start !== undefined && v.end !== undefined) return html`<span class="cell-rel">[:${v.type}]</span>`;
    if (v.nodes && v.relationships) return html`<span class="cell-path">${v.nodes.map((x, i) => html`${i ? ' → ' : ''}${renderCell(x)}`)}</span>`;
    return html`<code>${JSON.stringify(v)}</code>`;
  }
  return typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(4).replace(/0+$/, '') : String(v);
}

export function currentTable() {
  if (state.table) return state.table;
  // Without a query result the table lists the view's nodes, so it is never empty for nothing.
  const rows = cy.nodes().map((n) => [n.id(), labelName(n.data('label')), n.data('name') ?? n.data('caption'), n.degree(false)]);
  return { columns: ['id', 'label', 'name', 'degree'], rows, fromGraph: true };
}

export function renderTable() {
  const tv = $('#table-view');
  const tb = currentTable();
  if (!tb.rows.length && !tb.columns.length) {
    render(html`<div class="table-empty">${t('table.empty')}</div>`, tv);
    return;
  }
  render(html`${tb.fromGraph ? html`<div class="table-caption">${t('table.graph')}</div>` : ''}
    <table class="result-table"><thead><tr><th class="rownum">#</th>${tb.columns.map((c) => html`<th>${c}</th>`)}</tr></thead>
    <tbody>${tb.rows.map((r, i) => html`<tr><td class="rownum">${i + 1}</td>${r.map((v) => html`<td>${renderCell(v)}</td>`)}</tr>`)}</tbody></table>`, tv);
}
