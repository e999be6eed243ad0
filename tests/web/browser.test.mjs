// The web page in a real browser (Debian's chromium through playwright-core) against a real
// `innograph serve` that this test starts on a free loopback port with a fresh store built from
// the corpus. Steps share one page, like a person working through the explorer, and each leaves
// a screenshot in $INNOGRAPH_SCREENSHOTS.
//
// Run by ctest (label "web"); by hand:
//   INNOGRAPH_BIN=build/app/innograph INNOGRAPH_WEB_DIST=build/web/dist node --test tests/web/browser.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const source = path.resolve(here, '../..');
const env = {
  bin: process.env.INNOGRAPH_BIN ?? path.join(source, 'build/app/innograph'),
  dist: process.env.INNOGRAPH_WEB_DIST ?? path.join(source, 'build/web/dist'),
  corpus: process.env.INNOGRAPH_CORPUS ?? path.join(source, 'data/corpus'),
  modules: process.env.INNOGRAPH_WEB_MODULES ?? path.join(source, 'web/node_modules'),
  shots: process.env.INNOGRAPH_SCREENSHOTS ?? path.join(os.tmpdir(), 'innograph-web-screenshots'),
  chromium: process.env.CHROMIUM ?? '/usr/bin/chromium',
};

const TOKEN = 'web-test-token-0123456789';
const HUB = '测试枢纽园区';
const HUB_SIZE = 500;

let tmp;
let server;
let serverExit;
let base;
let context;
let page;
const pageErrors = [];

function startServer() {
  fs.writeFileSync(path.join(tmp, 'token'), TOKEN);
  server = spawn(env.bin, [
    'serve', '--db', path.join(tmp, 'db'), '--corpus', env.corpus, '--static-dir', env.dist,
    '--host', '127.0.0.1', '--port', '0', '--token-file', path.join(tmp, 'token'), '--threads', '2',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  serverExit = new Promise((resolve) => server.once('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`innograph serve did not start within 90 s:\n${log}`)), 90_000);
    server.stderr.on('data', (chunk) => {
      log += chunk;
      const m = /serving http:\/\/([\d.]+):(\d+)/.exec(log);
      if (m) { clearTimeout(timer); resolve(`http://${m[1]}:${m[2]}`); }
    });
    server.once('exit', (code) => { clearTimeout(timer); reject(new Error(`innograph serve exited (${code}):\n${log}`)); });
  });
}

async function seedHub() {
  // A hub with HUB_SIZE neighbours: the corpus alone has no neighbourhood this large.
  const res = await fetch(`${base}/v1/query`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({
      query: `CREATE (h:Park {name: "${HUB}"}) WITH h UNWIND range(1, ${HUB_SIZE}) AS i
              CREATE (h)-[:HOSTS]->(:Enterprise {name: "测试企业" + toString(i)}) RETURN count(*)`,
    }),
  });
  const body = await res.json();
  assert.equal(res.status, 200, JSON.stringify(body));
  assert.equal(body.rows[0][0], HUB_SIZE);
}

async function write(query, parameters = {}) {
  const res = await fetch(`${base}/v1/query`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ query, parameters }),
  });
  const body = await res.json();
  assert.equal(res.status, 200, JSON.stringify(body));
  return body;
}

// A small fixture of places the corpus does not have (yet): two documents of different years,
// a park placed by its name (济南…), one by LOCATED_IN (石家庄市), a province hosting an
// industry, a university in 青岛市 and an institute no rule can place.
const FIX = {
  industry: '测试机器人',
  jinan: '济南测试高新区',
  shijiazhuang: '测试智造园',
  university: '测试工业大学',
  nowhere: '无处测试研究院',
  sentence2016: '济南测试高新区重点发展测试机器人产业。',
  sentence2021: '测试智造园重点发展测试机器人和测试新材料产业。',
};
async function seedPlaces() {
  await write(`CREATE (:Document {name: 'fixture_2016', docId: 'fixture_2016', title: '测试规划（2016）', date: '2016-03-01', text: $t16}),
                      (:Document {name: 'fixture_2021', docId: 'fixture_2021', title: '测试规划（2021）', date: '2021-06-01', text: $t21})`,
  { t16: `一、总体要求\n${FIX.sentence2016}\n山东省重点发展测试新材料产业。`, t21: `一、重点任务\n${FIX.sentence2021}\n${FIX.jinan}与测试工业大学深化合作。` });
  await write(`CREATE (a:Park {name: $jinan}), (b:Park {name: $sjz}), (i:Industry {name: $ind}), (m:Industry {name: '测试新材料'}),
                      (s:Region {name: '石家庄市'}), (q:Region {name: '青岛市'}), (sd:Region {name: '山东省'}),
                      (u:University {name: $uni}), (x:Institute {name: $nowhere}),
                      (b)-[:LOCATED_IN {sources: ['fixture_2021']}]->(s), (u)-[:LOCATED_IN {sources: ['gazetteer:universities']}]->(q),
                      (a)-[:HOSTS {sources: ['fixture_2016'], evidence: [$e16], evidenceDocs: ['fixture_2016']}]->(i),
                      (b)-[:HOSTS {sources: ['fixture_2021'], evidence: [$e21], evidenceDocs: ['fixture_2021']}]->(i),
                      (b)-[:HOSTS {sources: ['fixture_2021'], evidence: [$e21], evidenceDocs: ['fixture_2021']}]->(m),
                      (sd)-[:HOSTS {sources: ['fixture_2016'], evidence: ['山东省重点发展测试新材料产业。'], evidenceDocs: ['fixture_2016']}]->(m),
                      (a)-[:PARTNERS_WITH {sources: ['fixture_2021'], evidence: ['济南测试高新区与测试工业大学深化合作。'], evidenceDocs: ['fixture_2021']}]->(u),
                      (b)-[:PARTNERS_WITH {sources: ['fixture_2021'], evidence: ['测试智造园与无处测试研究院合作。'], evidenceDocs: ['fixture_2021']}]->(x)`,
  { jinan: FIX.jinan, sjz: FIX.shijiazhuang, ind: FIX.industry, uni: FIX.university, nowhere: FIX.nowhere, e16: FIX.sentence2016, e21: FIX.sentence2021 });
}

const markers = () => page.evaluate(() => window.__ig.mapMarkers ?? []);
async function markerOf(name) {
  const m = (await markers()).find((x) => x.name === name);
  assert.ok(m, `${name} is on the map`);
  return m;
}
// Where a marker is on screen, so the test clicks it as a person would.
async function markerPoint(name) {
  const m = await markerOf(name);
  return page.evaluate((coord) => {
    const { chart } = window.__ig.map;
    const [x, y] = chart.convertToPixel({ geoIndex: 0 }, coord);
    const box = chart.getDom().getBoundingClientRect();
    return { x: box.left + x, y: box.top + y };
  }, m.coord);
}
async function askOnMap(id, value) {
  await page.click('.tab[data-tab="questions"]');
  await page.fill(`#mq-${id}`, value);
  const n = await page.evaluate(() => window.__ig.mapAnswers ?? 0);
  await page.click(`form[data-mq="${id}"] button[type="submit"]`);
  await page.waitForFunction(([k, kind]) => (window.__ig.mapAnswers ?? 0) > k && window.__ig.map.answer?.kind === kind, [n, id]);
}

async function shot(name) {
  await page.screenshot({ path: path.join(env.shots, `${name}.png`) });
}

const layoutCount = () => page.evaluate(() => window.__ig.layoutCount);
const expandCount = () => page.evaluate(() => window.__ig.expandCount);
async function waitLayoutAfter(n, timeout = 60_000) {
  await page.waitForFunction((k) => window.__ig.layoutCount > k, n, { timeout });
}

// Where a node is on screen, so the test clicks it as a person would.
async function nodePoint(name) {
  const p = await page.evaluate((nm) => {
    const { cy } = window.__ig;
    const n = cy.nodes().filter((x) => x.data('name') === nm && x.visible())[0];
    if (!n) return null;
    const r = n.renderedPosition();
    const box = cy.container().getBoundingClientRect();
    return { x: box.left + r.x, y: box.top + r.y };
  }, name);
  assert.ok(p, `node ${name} is in the view`);
  return p;
}

const nodeNames = () => page.evaluate(() => window.__ig.cy.nodes(':visible').map((n) => n.data('name')));

async function searchAndPick(typed, expectedName) {
  await page.fill('#search-input', '');
  await page.type('#search-input', typed, { delay: 40 });
  const item = page.locator('.search-results .result', { hasText: expectedName }).first();
  await item.waitFor({ timeout: 10_000 });
  return item;
}

before(async () => {
  if (!fs.existsSync(env.chromium)) {
    throw new Error(`${env.chromium} is missing: install Debian's chromium (scripts/install-deps)`);
  }
  assert.ok(fs.existsSync(path.join(env.dist, 'index.html')), `the built page is at ${env.dist}`);
  const require = createRequire(path.join(env.modules, 'noop.js'));
  const { chromium } = require('playwright-core');
  fs.mkdirSync(env.shots, { recursive: true });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'innograph-web-test-'));
  base = await startServer();
  await seedHub();
  context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
    executablePath: env.chromium,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'],
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  page = context.pages()[0] ?? await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(err.message));
  // Nothing but the server under test may be asked for anything.
  await page.route('**/*', (route) => (route.request().url().startsWith(base) || route.request().url().startsWith('data:')
    ? route.continue() : route.abort()));
  await page.goto(`${base}/`);
  await page.waitForSelector('body[data-ready="1"]');
  await shot('00-start');
});

after(async () => {
  await context?.close().catch(() => {});
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    const stopped = await Promise.race([serverExit, new Promise((r) => setTimeout(() => r(null), 10_000))]);
    if (!stopped) server.kill('SIGKILL');
  }
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('search 大连高新区 and see the node with its neighbourhood', async () => {
  const before = await layoutCount();
  const item = await searchAndPick('大连高新区', '大连高新区');
  await shot('01-search-results');
  await item.click();
  await waitLayoutAfter(before);
  const names = await nodeNames();
  assert.ok(names.includes('大连高新区'));
  assert.ok(names.length > 5, `neighbours shown: ${names.length}`);
  await page.locator('.entity-name', { hasText: '大连高新区' }).waitFor();
  await page.locator('.doc-list .doc-link').first().waitFor();
  await shot('02-entity');
});

test('double-click expands neighbours', async () => {
  // Double-click the park itself (its neighbours are all shown already), then one of its
  // industries, whose other parks come in.
  let n = await expandCount();
  let p = await nodePoint('大连高新区');
  await page.mouse.dblclick(p.x, p.y);
  await page.waitForFunction((k) => window.__ig.expandCount > k, n);
  const before = (await nodeNames()).length;
  n = await expandCount();
  p = await nodePoint('集成电路');
  await page.mouse.dblclick(p.x, p.y);
  await page.waitForFunction((k) => window.__ig.expandCount > k, n, { timeout: 60_000 });
  const names = await nodeNames();
  assert.ok(names.length > before, `${names.length} > ${before}`);
  assert.ok(names.includes('沈阳高新区'), 'another park hosting 集成电路 appears');
  await shot('03-expanded');
});

test('click a HOSTS edge and read its evidence', async () => {
  // Points along the line, away from both ends' labels; another node may lie across the line,
  // so several are tried, and then again with the edge zoomed to fill the view.
  const edgePoints = (zoomIn) => page.evaluate((z) => {
    const { cy } = window.__ig;
    const e = cy.edges('[type = "HOSTS"]').filter((x) => x.source().data('name') === '大连高新区' && x.target().data('name') === '集成电路')[0];
    if (z) cy.fit(e, 120);
    const box = cy.container().getBoundingClientRect();
    const s = e.sourceEndpoint(), t = e.targetEndpoint();
    const pan = cy.pan(), zoom = cy.zoom();
    const pts = [0.5, 0.4, 0.6, 0.3, 0.7, 0.45, 0.55, 0.35, 0.65].map((f) => ({
      x: box.left + pan.x + zoom * (s.x + f * (t.x - s.x)),
      y: box.top + pan.y + zoom * (s.y + f * (t.y - s.y)),
    }));
    return { id: e.id(), pts };
  }, zoomIn);
  let found = await edgePoints(false);
  let selected = null;
  for (const zoomIn of [false, true]) {
    if (zoomIn) found = await edgePoints(true);
    for (const pt of found.pts) {
      await page.mouse.click(pt.x, pt.y);
      selected = await page.evaluate(() => window.__ig.state.selected);
      if (selected === found.id) break;
    }
    if (selected === found.id) break;
  }
  assert.equal(selected, found.id, 'the HOSTS edge is selected');
  const quote = page.locator('.evidence blockquote').first();
  await quote.waitFor();
  assert.match(await quote.innerText(), /集成电路产业重点依托/);
  await shot('04-edge-evidence');
  await page.locator('.evidence .doc-link').first().click();
  await page.locator('#reader-text mark').first().waitFor();
  assert.match(await page.locator('#reader-text mark').first().innerText(), /集成电路/);
  await shot('05-document-reader');
  await page.click('#reader-close');
});

test('run a query in the console and see the table', async () => {
  await page.click('.tab[data-tab="console"]');
  await page.click('#result-mode button[data-mode="table"]');
  await page.fill('#query-input', 'MATCH (p:Park)-[:HOSTS]->(i:Industry)\nRETURN p.name AS park, count(i) AS industries\nORDER BY industries DESC\nLIMIT 8');
  await page.focus('#query-input');
  await page.keyboard.press('Control+Enter');
  await page.locator('.result-table tbody tr').first().waitFor();
  const headers = await page.locator('.result-table th').allInnerTexts();
  assert.deepEqual(headers.slice(1), ['park', 'industries']);
  assert.ok(await page.locator('.result-table tbody tr').count() >= 3);
  assert.match(await page.locator('#query-status').innerText(), /8 行/);
  await shot('06-console-table');
});

test('a broken query shows its line, column and caret', async () => {
  await page.fill('#query-input', 'MATCH (p:Park)\nRETURN p.nam +');
  await page.focus('#query-input');
  await page.keyboard.press('Control+Enter');
  await page.locator('#query-error').waitFor();
  assert.match(await page.locator('#query-error .error-pos').innerText(), /第 2 行，第 15 列/);
  assert.match(await page.locator('#query-error .error-excerpt').innerText(), /RETURN p\.nam \+\n\s*\^/);
  await shot('07-console-error');
  await page.click('.tab[data-tab="explore"]');
  await page.click('#view-mode button[data-view="graph"]');
});

test('精细 finds 精细化工, and its partner universities are two clicks away', async () => {
  let n = await layoutCount();
  const item = await searchAndPick('精细', '精细化工');
  await item.click(); // click 1
  await waitLayoutAfter(n);
  n = await layoutCount();
  await page.locator('.q-link[data-q="partners"]').click(); // click 2
  await waitLayoutAfter(n);
  const universities = await page.evaluate(() => window.__ig.cy.nodes('[label = "University"]').map((x) => x.data('name')));
  assert.ok(universities.includes('东北大学'), universities.join(','));
  assert.ok(universities.length >= 3);
  await shot('08-industry-universities');
});

test('filter by label, hide a node, switch layouts', async () => {
  const visible = (label) => page.evaluate((l) => window.__ig.cy.nodes(`[label = "${l}"]`).filter((n) => n.visible()).length, label);
  assert.ok(await visible('University') >= 3);
  await page.click('#legend-labels input[data-label="University"]');
  await page.click('#legend-labels input[data-label="University"]');
  assert.ok(await visible('University') >= 3);

  const p = await nodePoint('辽阳市');
  await page.mouse.click(p.x, p.y);
  await page.locator('.entity-name', { hasText: '辽阳市' }).waitFor();
  const showsName = (name, yes) => page.waitForFunction(([nm, y]) => window.__ig.cy.nodes()
    .filter((x) => x.visible() && x.data('name') === nm).length === (y ? 1 : 0), [name, yes], { timeout: 5_000 });
  await page.click('#details [data-act="hide"]');
  await showsName('辽阳市', false);
  await page.locator('#hidden-nodes').waitFor();
  await page.click('#btn-unhide');
  await showsName('辽阳市', true);

  for (const layout of ['concentric', 'breadthfirst', 'dagre']) {
    const n = await layoutCount();
    await page.selectOption('#layout-select', layout);
    await waitLayoutAfter(n);
    await shot(`09-layout-${layout}`);
  }
  await page.click('#btn-fit');
  await page.selectOption('#layout-select', 'fcose');
});

test('shortest connection between two entities', async () => {
  await page.click('.tab[data-tab="questions"]');
  await page.fill('#q-path-from', '大连高新区');
  await page.fill('#q-path-to', '东北大学');
  const n = await layoutCount();
  await page.click('form[data-q="path"] button[type="submit"]');
  await waitLayoutAfter(n);
  const onPath = await page.evaluate(() => window.__ig.cy.nodes('.path').map((x) => x.data('name')));
  assert.ok(onPath.includes('大连高新区') && onPath.includes('东北大学'), onPath.join(','));
  await shot('10-shortest-path');
  await page.click('.tab[data-tab="explore"]');
});

test(`a neighbourhood of ${HUB_SIZE} nodes lays out and becomes interactive`, async () => {
  let n = await expandCount();
  const item = await searchAndPick('测试枢纽', HUB);
  await item.click();
  await page.waitForFunction((k) => window.__ig.expandCount > k, n, { timeout: 60_000 });
  await page.locator('#more-text', { hasText: `100 / 共 ${HUB_SIZE}` }).waitFor({ timeout: 10_000 });
  await shot('11-hub-capped');
  n = await layoutCount();
  const t0 = Date.now();
  await page.click('#btn-all');
  await waitLayoutAfter(n, 120_000);
  const laidOut = Date.now() - t0;
  // Interactive: a click on a node after the layout selects it and fills the side panel. The
  // outermost node, so no neighbour overlaps it.
  const outer = await page.evaluate(() => {
    const { cy } = window.__ig;
    const hub = cy.nodes('.center').position();
    const far = cy.nodes().max((n) => Math.hypot(n.position('x') - hub.x, n.position('y') - hub.y)).ele;
    return far.data('name');
  });
  const p = await nodePoint(outer);
  await page.mouse.click(p.x, p.y);
  await page.locator('.entity-name', { hasText: outer }).waitFor();
  const interactive = Date.now() - t0;
  const count = await page.evaluate(() => window.__ig.cy.nodes().length);
  const inPage = await page.evaluate(() => window.__ig.lastLayoutMs);
  assert.equal(count, HUB_SIZE + 1);
  assert.ok(await page.locator('#more-bar').isHidden());
  console.log(`# ${count}-node neighbourhood: fetch+layout ${laidOut} ms (layout alone ${inPage} ms), interactive after ${interactive} ms`);
  await shot('12-hub-500');
});

test('the view is in the URL: a shared link rebuilds it, in English', async () => {
  let n = await layoutCount();
  const item = await searchAndPick('大连高新区', '大连高新区');
  await item.click();
  await waitLayoutAfter(n);
  await page.click('#btn-lang');
  await page.selectOption('#layout-select', 'concentric');
  await page.waitForTimeout(400);
  const url = page.url();
  assert.match(url, /lang=en/);
  assert.match(url, /layout=concentric/);
  const expected = (await nodeNames()).length;
  const other = await context.newPage();
  await other.goto(url);
  await other.waitForSelector('body[data-ready="1"]');
  await other.waitForFunction((k) => window.__ig.cy.nodes(':visible').length === k, expected);
  assert.equal(await other.locator('.tab[data-tab="console"]').innerText(), 'Query console');
  page = other;
  await shot('13-shared-link-english');
});

test('the map draws China with every park at its city, and lists what it cannot place', async () => {
  await seedPlaces();
  // The shared-link step left the page in English; the names asserted below are Chinese.
  if ((await page.innerText('#btn-lang')) === '中文') await page.click('#btn-lang');
  await page.click('.tab[data-tab="explore"]');
  await page.click('#view-mode button[data-view="map"]');
  await page.waitForFunction(() => (window.__ig.mapDraws ?? 0) > 0 && (window.__ig.mapMarkers ?? []).length > 0);
  const dalian = await markerOf('大连高新区');
  assert.deepEqual([dalian.city, dalian.province], ['大连', '辽宁省']);
  const jinan = await markerOf(FIX.jinan);
  assert.deepEqual([jinan.city, jinan.province], ['济南', '山东省']);
  assert.equal((await markerOf(FIX.shijiazhuang)).city, '石家庄');
  assert.equal((await markerOf(FIX.university)).city, '青岛');
  // At its city: the marker sits within a few kilometres of the city's centroid.
  const places = await (await fetch(`${base}/v1/geo/places`)).json();
  const city = places.cities.find((c) => c.city === '济南');
  assert.ok(Math.hypot(jinan.coord[0] - city.lon, jinan.coord[1] - city.lat) < 0.5, JSON.stringify([jinan.coord, city]));
  await page.locator('.map-unplaced .map-hit', { hasText: FIX.nowhere }).waitFor();
  await shot('14-map');
});

test('a choropleth by a count the user picks, with a legend', async () => {
  await page.selectOption('#map-measure', 'parks');
  await page.click('#map-level button[data-level="city"]');
  await page.waitForFunction(() => document.querySelector('#map-legend .map-legend-level')?.textContent.includes('市'));
  assert.match(await page.locator('#map-legend .map-legend-title').innerText(), /园区数/);
  const top = await page.locator('#map-legend .map-legend-top li').allInnerTexts();
  // Which cities lead depends on the corpus: the list is ordered, led by the scale's maximum.
  const counts = top.map((x) => Number(x.split('\n').at(-1).trim()));
  assert.ok(counts.length > 0 && counts.every((n, i) => i === 0 || counts[i - 1] >= n), top.join('|'));
  assert.equal(Number(await page.locator('#map-legend .map-legend-scale .max').innerText()), counts[0], top.join('|'));
  await shot('15-map-choropleth-cities');
  await page.click('#map-level button[data-level="province"]');
  await page.selectOption('#map-measure', 'documents');
  await page.waitForFunction(() => document.querySelector('#map-legend .map-legend-title')?.textContent.includes('文件'));
  const docs = await page.locator('#map-legend .map-legend-top li').allInnerTexts();
  assert.ok(docs.some((x) => x.includes('辽宁省')), docs.join('|'));
  await shot('16-map-choropleth-documents');
  // Parks and regions hosting an industry the user types.
  await page.selectOption('#map-measure', 'industry');
  await page.fill('#map-industry', FIX.industry);
  await page.press('#map-industry', 'Tab');
  await page.waitForFunction((name) => document.querySelector('#map-legend .map-legend-title')?.textContent.includes(name), FIX.industry);
  const hosting = await page.locator('#map-legend .map-legend-top li').allInnerTexts();
  assert.deepEqual(hosting.map((x) => x.replace(/\s+/g, '')).sort(), ['山东省1', '河北省1']);
});

test(`where is ${FIX.industry} hosted: on the map, and a click shows the sentence and the document`, async () => {
  await askOnMap('hosts', FIX.industry);
  const hits = await page.locator('.map-answer .map-hit .hit-name').allInnerTexts();
  assert.deepEqual(hits.sort(), [FIX.jinan, FIX.shijiazhuang].sort());
  assert.match(await page.inputValue('#query-input'), /HOSTS\]->\(i:Industry "测试机器人"\)/);
  assert.match(await page.locator('#map-legend .map-legend-title').innerText(), /测试机器人/);
  const p = await markerPoint(FIX.jinan);
  await page.mouse.click(p.x, p.y);
  const quote = page.locator('.evidence blockquote').first();
  await quote.waitFor();
  assert.equal(await quote.innerText(), FIX.sentence2016);
  await shot('17-map-industry-evidence');
  await page.locator('.evidence .doc-link').first().click();
  await page.locator('#reader-text mark').first().waitFor();
  assert.equal(await page.locator('#reader-text mark').first().innerText(), FIX.sentence2016);
  assert.match(await page.locator('#reader-title').innerText(), /测试规划（2016）/);
  await page.click('#reader-close');
  // The answer is in the URL: a shared link asks the question again and shows the same places.
  await page.waitForFunction(() => location.hash.includes('mq='));
  const other = await context.newPage();
  await other.goto(page.url());
  await other.waitForSelector('body[data-ready="1"]');
  await other.locator('.map-answer .map-hit', { hasText: FIX.shijiazhuang }).waitFor();
  assert.equal(await other.locator('.map-answer .map-hit').count(), 2);
  await other.close();
});

test('universities partnering with the parks of an industry: a line from each', async () => {
  await askOnMap('partners', FIX.industry);
  const lines = await page.evaluate(() => window.__ig.map.answer.lines.map((l) => ({ from: !!l.from, to: !!l.to, u: l.edge.targetName })));
  assert.ok(lines.some((l) => l.u === FIX.university && l.from && l.to), JSON.stringify(lines));
  // The institute no rule can place is listed, not dropped.
  await page.locator('.map-answer .map-hit', { hasText: FIX.nowhere }).waitFor();
  assert.match(await page.inputValue('#query-input'), /LOCATED_IN\*0\.\.1\]->\(x\)-\[r:PARTNERS_WITH\]/);
  await shot('18-map-partners-lines');
});

test('what does 山东省 plan: its parks and their industries', async () => {
  await askOnMap('plan', '山东省');
  const item = page.locator('.map-answer li', { hasText: FIX.jinan });
  await item.waitFor();
  assert.match(await item.innerText(), /测试机器人/);
  assert.ok(await page.locator('.map-answer li', { hasText: '山东省' }).count() >= 1);
  assert.match(await page.inputValue('#query-input'), /p\.name IN \[/);
  await shot('19-map-province-plan');
  await page.click('.tab[data-tab="explore"]');
  await page.click('#view-mode button[data-view="graph"]');
});

test('compare 河北省 with 山东省: industries each hosts and both host, with sources', async () => {
  await page.click('#view-mode button[data-view="compare"]');
  await page.fill('#cmp-a', '河北省');
  await page.fill('#cmp-b', '山东省');
  await page.click('.cmp-form[data-mode="places"] button[type="submit"]');
  const both = page.locator('[data-section="industries"] .cmp-list.both li', { hasText: FIX.industry });
  await both.waitFor();
  // Its sources are both fixture documents, each opening the reader.
  const years = await both.locator('.cmp-src').allInnerTexts();
  assert.deepEqual(years.sort(), ['2016', '2021']);
  assert.ok(await page.locator('[data-section="industries"] .cmp-list.both li', { hasText: '测试新材料' }).count() === 1);
  assert.ok(await page.locator('[data-section="partners"] .cmp-list.only-b li', { hasText: FIX.university }).count() === 1);
  assert.ok(await page.locator('[data-section="partners"] .cmp-list.only-a li', { hasText: FIX.nowhere }).count() === 1);
  assert.match(await page.inputValue('#query-input'), /WHERE id\(p\) IN \[/);
  await shot('21-compare-provinces');
  for (const [button, ext] of [['#btn-csv', 'csv'], ['#btn-png', 'png']]) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    const file = path.join(tmp, `compare.${ext}`);
    await download.saveAs(file);
    assert.ok(fs.statSync(file).size > 100, `${ext} export of the comparison has content`);
    if (ext === 'csv') assert.match(fs.readFileSync(file, 'utf8'), /industries,both,测试机器人,fixture_20(16|21)\|fixture_20(16|21)/);
  }
  await both.locator('.cmp-src', { hasText: '2021' }).click();
  await page.locator('#reader-text mark').first().waitFor();
  assert.match(await page.locator('#reader-title').innerText(), /2021/);
  await page.click('#reader-close');
});

test('compare one place in two years: industries added and dropped', async () => {
  await page.fill('#cmp-place', '山东省');
  await page.selectOption('#cmp-from', 'y:2016');
  await page.selectOption('#cmp-to', 'y:2021');
  await page.click('.cmp-form[data-mode="years"] button[type="submit"]');
  const dropped = page.locator('[data-section="years"] .cmp-list.only-a li', { hasText: FIX.industry });
  await dropped.waitFor();
  assert.ok(await page.locator('[data-section="years"] .cmp-list.only-a li', { hasText: '测试新材料' }).count() === 1);
  await shot('22-compare-years');
});

test('a period restricts the map and the comparison to facts from its documents', async () => {
  await page.locator('#timeline .doc-dot').first().waitFor();
  await page.selectOption('#time-from', '2020');
  await page.selectOption('#time-to', '2021');
  await page.locator('#timeline .doc-dot.in[data-doc="fixture_2021"]').waitFor();
  assert.equal(await page.locator('#timeline .doc-dot.out[data-doc="fixture_2016"]').count(), 1);
  // The graph view keeps only the relationships of the period (大连高新区's are of 2019).
  const graph = await page.evaluate(() => {
    const { cy } = window.__ig;
    const hosts = cy.edges('[type = "HOSTS"]');
    return { hosts: hosts.length, visible: hosts.filter((e) => e.visible()).length, faded: cy.nodes('.faded').map((n) => n.data('name')) };
  });
  assert.ok(graph.hosts > 0 && graph.visible === 0, JSON.stringify(graph));
  assert.ok(graph.faded.length > 0, JSON.stringify(graph));
  // The comparison redone for the period: 测试机器人 is Hebei's alone (Shandong's fact is of 2016).
  await page.click('#view-mode button[data-view="compare"]');
  await page.fill('#cmp-a', '河北省');
  await page.fill('#cmp-b', '山东省');
  await page.click('.cmp-form[data-mode="places"] button[type="submit"]');
  await page.locator('[data-section="industries"] .cmp-list.only-a li', { hasText: FIX.industry }).waitFor();
  assert.equal(await page.locator('[data-section="industries"] .cmp-list.both li', { hasText: FIX.industry }).count(), 0);
  await askOnMap('hosts', FIX.industry);
  const hits = await page.locator('.map-answer .map-hit .hit-name').allInnerTexts();
  assert.deepEqual(hits, [FIX.shijiazhuang]);
  // The URL follows the view a moment after it changes; wait for it rather than read it at once.
  await page.waitForURL(/from=2020/, { timeout: 15000 });
  await shot('23-time-filter-map');
  await page.selectOption('#time-from', '');
  await page.selectOption('#time-to', '');
  await page.click('.tab[data-tab="explore"]');
  await page.click('#view-mode button[data-view="graph"]');
});

test('export PNG, JSON and CSV', async () => {
  for (const [button, ext] of [['#btn-png', 'png'], ['#btn-json', 'json'], ['#btn-csv', 'csv']]) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    const file = path.join(tmp, `export.${ext}`);
    await download.saveAs(file);
    const size = fs.statSync(file).size;
    assert.ok(size > 100, `${ext} export has content (${size} bytes)`);
    if (ext === 'json') {
      const data = JSON.parse(fs.readFileSync(file, 'utf8'));
      assert.ok(data.nodes.some((d) => d.name === '大连高新区'));
      assert.ok(data.edges.length > 0);
    }
    if (ext === 'csv') assert.match(fs.readFileSync(file, 'utf8'), /node,17,Park,大连高新区/);
  }
});

test('names are shown as text, never run as markup', async () => {
  // Templates escape by construction (lit-html): a name that looks like markup stays text.
  const name = '<img src=x onerror="window.__injected=1">转义测试园区';
  const res = await fetch(`${base}/v1/query`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ query: 'CREATE (:Park {name: $name}) RETURN 1', parameters: { name } }),
  });
  assert.equal(res.status, 200, await res.text());
  const n = await layoutCount();
  const item = await searchAndPick('转义测试', '转义测试园区');
  assert.match(await item.innerText(), /<img src=x/);
  await item.click();
  await waitLayoutAfter(n);
  assert.equal(await page.locator('.entity-name').first().innerText(), name);
  assert.equal(await page.locator('#details img').count(), 0);
  assert.equal(await page.evaluate(() => window.__injected), undefined);
});

test('a synthetic graph of 2,000 parks on the map: drawn and interactive', async () => {
  const cities = ['大连', '沈阳', '济南', '青岛', '石家庄', '保定', '郑州', '广州', '深圳', '上海',
    '北京', '杭州', '武汉', '成都', '西安', '长沙', '合肥', '南京', '苏州', '天津'];
  await write("UNWIND range(1, 2000) AS i CREATE (:Park {name: $cities[i % size($cities)] + '合成园区' + toString(i)})", { cities });
  const t0 = Date.now();
  // A new query string makes it a real page load, not a jump within the page.
  await page.goto(`${base}/?synthetic=2000#view=map`);
  await page.waitForSelector('body[data-ready="1"]');
  await page.waitForFunction(() => (window.__ig.mapMarkers ?? []).filter((m) => m.name.includes('合成园区')).length === 2000, null, { timeout: 60_000 });
  const drawn = Date.now() - t0;
  const synthetic = (await markers()).filter((m) => m.name.includes('合成园区'));
  assert.ok(synthetic.every((m) => cities.includes(m.city)), 'every synthetic park is at its city');
  // Interactive: a click on a marker selects it and fills the side panel. The one farthest out
  // of its city's spiral, so no other marker covers it.
  const far = synthetic.filter((m) => m.city === '成都').sort((a, b) => Math.abs(b.coord[0] - 104) - Math.abs(a.coord[0] - 104))[0];
  const p = await markerPoint(far.name);
  await page.mouse.click(p.x, p.y);
  await page.locator('.entity-name', { hasText: '合成园区' }).waitFor();
  const interactive = Date.now() - t0;
  console.log(`# map with ${synthetic.length} synthetic parks (+ corpus): drawn ${drawn} ms after load, interactive after ${interactive} ms`);
  await shot('20-map-2000-parks');
});

test('no script errors on the page', () => {
  assert.deepEqual(pageErrors, []);
});
