// Bolt over WebSocket, as a web page speaks it: the official driver's browser build
// (neo4j-web.min.js from the pinned neo4j-driver) in Debian's headless chromium (driven through
// playwright-core from web/node_modules) against a real `innograph serve` on its Bolt port.
//
// Run by ctest (labels "bolt" and "browser"); by hand:
//   INNOGRAPH_BIN=build/app/innograph node --test tests/bolt/browser.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServer, httpQuery, TOKEN } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const source = path.resolve(here, '../..');
const modules = process.env.INNOGRAPH_WEB_MODULES ?? path.join(source, 'web/node_modules');
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const driverBundle = path.join(here, 'node_modules/neo4j-driver/lib/browser/neo4j-web.min.js');
const PARKS_HOSTING = 'MATCH (p:Park)-[:HOSTS]->(i:Industry "生物医药") RETURN p.name AS park ORDER BY park';

let server;
let context;
let page;
let tmp;

before(async () => {
  assert.ok(fs.existsSync(chromiumPath), `${chromiumPath} is missing: install Debian's chromium (scripts/install-deps)`);
  assert.ok(fs.existsSync(driverBundle), `the driver's browser build is at ${driverBundle} (npm ci in tests/bolt)`);
  const { chromium } = createRequire(path.join(modules, 'noop.js'))('playwright-core');
  server = await startServer();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'innograph-bolt-browser-'));
  context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'],
  });
  page = context.pages()[0] ?? await context.newPage();
  // A page of the server's own loopback origin: Chromium's local network access checks keep a
  // page of no origin (about:blank) from opening sockets to loopback.
  await page.goto(`${server.httpUrl}/healthz`);
  await page.addScriptTag({ path: driverBundle });
});

after(async () => {
  await context?.close();
  await server?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('the browser driver reads over a WebSocket, as HTTP answers', async () => {
  const overHttp = (await httpQuery(server, PARKS_HOSTING)).body.rows.map((r) => r[0]);
  assert.ok(overHttp.length > 0);
  const got = await page.evaluate(async ({ port, query }) => {
    const driver = neo4j.driver(`bolt://127.0.0.1:${port}`);
    try {
      const info = await driver.getServerInfo();
      const { records } = await driver.executeQuery(query);
      const p = await driver.executeQuery('MATCH p = (a:Park)-[:HOSTS]->(i) RETURN p LIMIT 1');
      const path = p.records[0].get('p');
      return {
        protocol: Number(info.protocolVersion),
        parks: records.map((r) => r.get('park')),
        isPath: neo4j.isPath(path),
        hops: path.length,
      };
    } finally {
      await driver.close();
    }
  }, { port: server.bolt, query: PARKS_HOSTING });
  assert.ok(got.protocol >= 5 && got.protocol <= 5.4, JSON.stringify(got));
  assert.deepEqual(got.parks, overHttp);
  assert.equal(got.isPath, true);
  assert.equal(got.hops, 1);
});

test('the browser driver writes in a transaction with the token, and is refused without it', async () => {
  const got = await page.evaluate(async ({ port, token }) => {
    const writer = neo4j.driver(`bolt://127.0.0.1:${port}`, neo4j.auth.basic('browser', token));
    const reader = neo4j.driver(`bolt://127.0.0.1:${port}`);
    try {
      const s = writer.session();
      const created = await s.executeWrite(async (tx) => {
        const r = await tx.run('CREATE (n:BrowserWrite {name: $name}) RETURN n.name AS name', { name: '浏览器' });
        return r.records[0].get('name');
      });
      await s.close();
      let refused = null;
      try {
        await reader.executeQuery('CREATE (:BrowserRefused)');
      } catch (e) {
        refused = e.code;
      }
      return { created, refused };
    } finally {
      await writer.close();
      await reader.close();
    }
  }, { port: server.bolt, token: TOKEN });
  assert.equal(got.created, '浏览器');
  assert.equal(got.refused, 'Neo.ClientError.Security.Forbidden');
  const check = await httpQuery(server, 'MATCH (n:BrowserWrite) RETURN n.name');
  assert.deepEqual(check.body.rows, [['浏览器']]);
  const metrics = await (await fetch(`${server.httpUrl}/metrics`)).text();
  const ws = /innograph_bolt_websocket_connections_total (\d+)/.exec(metrics);
  assert.ok(ws && Number(ws[1]) >= 2, metrics);
});
