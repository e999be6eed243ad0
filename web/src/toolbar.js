// The stage's toolbar: layout, fit, clear, and export of the view as PNG, JSON or CSV; and the
// share button in the top bar.

import { $, stamp, toast } from './dom.js';
import { t } from './i18n.js';
import { state } from './state.js';
import { cy, clearView, runLayout } from './graph-view.js';
import { currentTable } from './table.js';
import { downloadBlob, toCsv, graphCsv } from './export.js';
import { saveUrl, saveUrlNow } from './url.js';

// Views other than the graph export themselves: name -> { png(), csv() } (see registerExporter).
const exporters = new Map();
export function registerExporter(view, exporter) { exporters.set(view, exporter); }

function viewData() {
  const visible = cy.elements(':visible');
  const strip = (d) => { const { caption: _c, size: _s, ...rest } = d; return rest; };
  return {
    nodes: visible.nodes().map((n) => strip(n.data())),
    edges: visible.edges().map((e) => strip(e.data())),
  };
}

function exported(file) { toast(t('toast.exported', { file })); }

export function initToolbar() {
  $('#layout-select').addEventListener('change', (ev) => {
    state.layout = ev.target.value;
    saveUrl();
    runLayout();
  });
  $('#btn-fit').addEventListener('click', () => cy.animate({ fit: { eles: cy.elements(':visible'), padding: 40 } }, { duration: 300 }));
  $('#btn-relayout').addEventListener('click', () => runLayout());
  $('#btn-clear').addEventListener('click', () => { clearView(); saveUrl(); });

  $('#btn-png').addEventListener('click', async () => {
    const own = exporters.get(state.view);
    const blob = own ? await own.png() : cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff', maxWidth: 6000, maxHeight: 6000 });
    const file = `innograph-${stamp()}.png`;
    downloadBlob(blob, file);
    exported(file);
  });
  $('#btn-json').addEventListener('click', () => {
    const file = `innograph-${stamp()}.json`;
    const own = exporters.get(state.view);
    const data = { exported: new Date().toISOString(), link: location.href, ...(own?.json ? own.json() : viewData()) };
    if (state.table && state.view === 'table') data.table = state.table;
    downloadBlob(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), file);
    exported(file);
  });
  $('#btn-csv').addEventListener('click', () => {
    const file = `innograph-${stamp()}.csv`;
    const own = exporters.get(state.view);
    let csv;
    if (own) csv = own.csv();
    else csv = state.view === 'table' ? toCsv(currentTable()) : graphCsv(viewData());
    // The BOM makes spreadsheet programs read the Chinese names as UTF-8.
    downloadBlob(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }), file);
    exported(file);
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
}
