// Which view fills the stage: the graph, the table (and, from their own modules, the map).

import { $, markSeg, segmented, reportError } from './dom.js';
import { state } from './state.js';
import { renderMore, updateEmpty, openEntity } from './graph-view.js';
import { renderTable } from './table.js';
import { saveUrl } from './url.js';

// Views beyond graph and table register here: show(visible) is called on every switch.
const extraViews = new Map();
export function registerView(name, show) { extraViews.set(name, show); }

export function setView(v) {
  state.view = v;
  // The layout tools only mean something for the graph.
  document.body.dataset.view = v;
  markSeg($('#view-mode'), 'view', v);
  $('#table-view').hidden = v !== 'table';
  $('#cy').style.visibility = v === 'graph' ? 'visible' : 'hidden';
  $('#stats').hidden = v !== 'graph';
  renderMore();
  if (v === 'table') renderTable();
  for (const [name, show] of extraViews) show(name === v);
  updateEmpty();
  saveUrl();
}

export function initViews() {
  segmented($('#view-mode'), 'view', (v) => setView(v));
  $('#table-view').addEventListener('click', (ev) => {
    const b = ev.target.closest('.cell-node');
    if (b) { setView('graph'); openEntity(b.dataset.id).catch(reportError); }
  });
}
