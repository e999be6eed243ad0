// The page's entry point: wires the modules together and rebuilds the view from the URL.
//
// Where things are:
//   graph-view.js  the node-link canvas, layouts, filters, legend, selection
//   table.js       the table view          views.js     switching views
//   details.js     the side panel          reader.js    the document reader
//   search.js      search as you type      console.js   the query console
//   questions-ui.js ready-made questions   url.js       the view's state in the URL
//   toolbar.js     layout and export       api.js       the HTTP API
//   map-view.js    the map of China        map-questions.js  questions answered on the map
//   compare.js     two places or years     timeline.js  documents' dates and the period
// Templates are lit-html: every ${value} is escaped by construction.

import './styles.css';
import { $, reportError } from './dom.js';
import { setLang, getLang, applyI18n } from './i18n.js';
import { ig, state } from './state.js';
import {
  cy, initGraphView, expand, applyFilters, renderLegend, renderMore, runLayout, select, updateStats, relabelEdges,
} from './graph-view.js';
import { initDetails, showDetails } from './details.js';
import { initReader, readerOpen, closeReader } from './reader.js';
import { initSearch, renderSearchLabels } from './search.js';
import { initConsole, renderExamples, runQuery } from './console.js';
import { initQuestions, renderQuestions, showPath } from './questions-ui.js';
import { renderTable } from './table.js';
import { initViews, setView } from './views.js';
import { initToolbar } from './toolbar.js';
import { initTabs } from './tabs.js';
import { restoreUrl, saveUrl } from './url.js';
import { hideNode } from './graph-view.js';
import { initMapView, renderMapControls } from './map-view.js';
import { initMapQuestions, renderMapQuestions, rerunMapQuestion } from './map-questions.js';
import { initCompare, renderCompareView, rerunCompare } from './compare.js';
import { initTimeline, renderTimeline, onPeriodChange } from './timeline.js';
import { refreshMap } from './map-view.js';

// Everything that shows text re-renders here when the language changes.
const onLanguage = [];
export function onLanguageChange(fn) { onLanguage.push(fn); }

function applyLanguage(l) {
  setLang(l);
  $('#btn-lang').textContent = l === 'zh' ? 'EN' : '中文';
  applyI18n();
  renderSearchLabels();
  renderQuestions();
  renderMapQuestions();
  renderMapControls();
  renderCompareView();
  renderTimeline();
  renderExamples();
  renderLegend();
  renderMore();
  renderTable();
  relabelEdges();
  if (state.details) showDetails(state.details.kind, state.details.data);
  else showDetails(null);
  applyFilters();
  updateStats();
  for (const fn of onLanguage) fn();
}

initGraphView();
initDetails();
initReader();
initSearch();
initConsole();
initQuestions();
initViews();
initToolbar();
initTabs();
initMapView();
initMapQuestions();
initCompare();
initTimeline();
// A new period redoes whatever shows facts: the map (its counts and answer) and the comparison;
// the graph view filters its relationships itself (applyFilters).
onPeriodChange(async () => {
  if (state.view === 'map') { await refreshMap(); await rerunMapQuestion(); }
  if (state.view === 'compare') await rerunCompare();
});

$('#btn-lang').addEventListener('click', () => {
  applyLanguage(getLang() === 'zh' ? 'en' : 'zh');
  saveUrl();
});
document.addEventListener('keydown', (ev) => {
  if (ev.key === 'Escape' && readerOpen()) closeReader();
  if ((ev.key === 'Delete' || ev.key === 'Backspace') && document.activeElement === document.body) {
    const sel = cy.nodes(':selected').first();
    if (sel.nonempty()) hideNode(sel.id());
  }
});

restoreUrl({
  applyLanguage, runQuery, showPath, expand, applyFilters, renderLegend, setView, runLayout, select,
  hasGraph: () => cy.nodes().nonempty(),
})
  .catch(reportError)
  .finally(() => {
    ig.ready = true;
    document.body.dataset.ready = '1';
  });
