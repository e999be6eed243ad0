// The view's state: everything the URL has to carry to rebuild it (see url.js), plus the test
// hooks on window.__ig.

export const DEFAULT_LIMIT = 100;

export const state = {
  layout: 'fcose',
  view: 'graph',
  resultMode: 'graph',
  expansions: [], // {id, limit, types} in the order they were made
  query: null, // the query whose graph is the base of the view
  path: null, // {from, to}
  hidden: new Set(),
  hiddenLabels: new Set(),
  hiddenTypes: new Set(),
  selected: null,
  more: null, // {id, name, shown, total, limit, types}
  table: null, // last query result, for the table view
  details: null, // what the side panel shows, kept to redraw on a language switch
};

// Test hooks and an escape hatch for power users in the devtools console.
export const ig = { state, layoutCount: 0, expandCount: 0, lastLayoutMs: null, ready: false };
window.__ig = ig;
