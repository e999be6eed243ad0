#!/usr/bin/env node
// Bolt against HTTP: the same questions (bench/queries.json's Q1 and Q2) to one `innograph serve`
// through the official Neo4j driver over Bolt and through POST /v1/query over keep-alive HTTP, at
// a fixed number of concurrent clients, in one run. Each client sends its next request as soon
// as it has the last answer (a closed loop); the rounds alternate which transport goes first.
// Reports p50, p99 and requests per second for each; the ratio is what to read, not the figures
// (one shared machine, clients and server on the same cores).
//
// A third client, the Bolt tests' minimal one (tests/bolt/raw_bolt.mjs), sends the same messages
// without the driver's work, to tell the protocol's cost from the driver's.
//
//   node bench/bolt_vs_http.mjs [--db STORE] [--seconds 5] [--connections 16] [--rounds 2]
//                               [--out bench/results/bolt_vs_http]
// Without --db it builds a store from data/corpus in a temporary directory.

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH);
// The driver the Bolt tests pin (tests/bolt/package-lock.json, installed by install-deps).
const neo4j = createRequire(path.join(ROOT, 'tests/bolt/package.json'))('neo4j-driver');
const { RawBolt, login, msg, RECORD, SUCCESS } = await import(path.join(ROOT, 'tests/bolt/raw_bolt.mjs'));
const QUESTIONS = JSON.parse(fs.readFileSync(path.join(BENCH, 'queries.json'), 'utf8'));

function parseArgs(argv) {
  const o = { db: null, seconds: 5, connections: 16, rounds: 2, out: null,
    bin: path.join(ROOT, 'build/app/innograph') };
  for (let i = 0; i < argv.length; i++) {
    const v = () => argv[++i];
    if (argv[i] === '--db') o.db = v();
    else if (argv[i] === '--seconds') o.seconds = Number(v());
    else if (argv[i] === '--connections') o.connections = Number(v());
    else if (argv[i] === '--rounds') o.rounds = Number(v());
    else if (argv[i] === '--out') o.out = v();
    else if (argv[i] === '--bin') o.bin = v();
    else throw new Error(`unknown option ${argv[i]}`);
  }
  return o;
}

async function startServer(o, tmp) {
  const args = ['serve', '--host', '127.0.0.1', '--port', '0', '--bolt-port', '0'];
  if (o.db) args.push('--db', o.db, '--read-only');
  else args.push('--db', path.join(tmp, 'db'), '--corpus', path.join(ROOT, 'data/corpus'));
  const child = spawn(o.bin, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  const ports = await new Promise((resolve, reject) => {
    child.stderr.on('data', (d) => {
      log += d;
      const h = /serving http:\/\/[\d.]+:(\d+)/.exec(log);
      const b = /serving bolt:\/\/[\d.]+:(\d+)/.exec(log);
      if (h && b) resolve({ http: Number(h[1]), bolt: Number(b[1]) });
    });
    child.once('exit', (code) => reject(new Error(`innograph serve exited (${code}):\n${log}`)));
  });
  // Access-log lines are written per HTTP request; drain them so the pipe never blocks.
  child.stderr.resume();
  return { child, ...ports };
}

function httpClient(port, connections) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  return (query, parameters) => new Promise((resolve, reject) => {
    const body = JSON.stringify({ query, parameters });
    const req = http.request({ host: '127.0.0.1', port, path: '/v1/query', method: 'POST', agent,
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
      const parts = [];
      res.on('data', (d) => parts.push(d));
      res.on('end', () => {
        const out = JSON.parse(Buffer.concat(parts).toString('utf8'));
        if (res.statusCode !== 200) reject(new Error(JSON.stringify(out)));
        else resolve(out.rows.length);
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

function boltClient(driver) {
  // Auto-commit queries in a session each, as HTTP's requests are: RUN and PULL in one trip.
  return async (query, parameters) => {
    const s = driver.session();
    try {
      const r = await s.run(query, parameters);
      return r.records.length;
    } finally {
      await s.close();
    }
  };
}

// The same Bolt messages from the tests' minimal client, one connection per concurrent client:
// what the protocol costs without the driver's own work.
async function rawBoltClients(port, connections) {
  const free = [];
  for (let i = 0; i < connections; i++) {
    const c = new RawBolt(port);
    await c.connect();
    await login(c, await c.handshake());
    free.push(c);
  }
  const send = async (query, parameters) => {
    const c = free.pop();
    try {
      c.send(Buffer.concat([msg(0x10, query, parameters, {}), msg(0x3f, { n: -1 })]));
      if ((await c.nextMessage()).tag !== SUCCESS) throw new Error(`RUN failed: ${query}`);
      let rows = 0;
      for (;;) {
        const m = await c.nextMessage();
        if (m.tag === RECORD) rows++;
        else if (m.tag === SUCCESS) return rows;
        else throw new Error(`PULL failed: ${JSON.stringify(m)}`);
      }
    } finally {
      free.push(c);
    }
  };
  send.close = () => free.forEach((c) => c.destroy());
  return send;
}

async function load(send, query, paramSets, connections, seconds) {
  const latencies = [];
  const deadline = performance.now() + seconds * 1000;
  let next = 0;
  let rows = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, async () => {
    while (performance.now() < deadline) {
      const p = paramSets[next++ % paramSets.length];
      const t = performance.now();
      rows += await send(query, p);
      latencies.push(performance.now() - t);
    }
  }));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (f) => latencies[Math.min(latencies.length - 1, Math.floor(f * latencies.length))];
  return { requests: latencies.length, rows, rps: latencies.length / elapsed, p50Ms: q(0.5), p99Ms: q(0.99) };
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'innograph-bolt-bench-'));
  const server = await startServer(o, tmp);
  const driver = neo4j.driver(`bolt://127.0.0.1:${server.bolt}`, undefined,
    { maxConnectionPoolSize: o.connections, disableLosslessIntegers: true });
  let sendRawClose;
  try {
    const sendHttp = httpClient(server.http, o.connections);
    const sendBolt = boltClient(driver);
    const sendRaw = await rawBoltClients(server.bolt, o.connections);
    sendRawClose = sendRaw.close;
    const senders = { http: sendHttp, bolt: sendBolt, raw: sendRaw };
    const names = async (q) => (await (async () => {
      const s = driver.session();
      try { return (await s.run(q)).records.map((r) => r.get(0)); } finally { await s.close(); }
    })());
    const parks = await names('MATCH (p:Park) RETURN DISTINCT p.name LIMIT 200');
    const industries = await names('MATCH (:Park)-[:HOSTS]->(i:Industry) RETURN DISTINCT i.name LIMIT 200');
    const params = { Q1: parks.map((name) => ({ name })), Q2: industries.map((industry) => ({ industry })) };
    const result = { date: new Date().toISOString(), host: os.hostname(), cpus: os.cpus().length,
      seconds: o.seconds, connections: o.connections, rounds: o.rounds, questions: {} };
    for (const q of ['Q1', 'Q2']) {
      const text = QUESTIONS[q].innograph;
      // Both transports must give the same answers before their speed means anything.
      for (const p of params[q].slice(0, 20))
        if (await sendHttp(text, p) !== await sendBolt(text, p) || await sendRaw(text, p) !== await sendHttp(text, p))
          throw new Error(`${q} ${JSON.stringify(p)}: Bolt and HTTP returned different row counts`);
      // Warm both paths (plan cache, connection pools) before measuring.
      await load(sendHttp, text, params[q], o.connections, 1);
      await load(sendBolt, text, params[q], o.connections, 1);
      await load(sendRaw, text, params[q], o.connections, 1);
      const runs = { http: [], bolt: [], raw: [] };
      for (let r = 0; r < o.rounds; r++) {
        const order = r % 2 ? ['raw', 'bolt', 'http'] : ['http', 'bolt', 'raw'];
        for (const t of order)
          runs[t].push(await load(senders[t], text, params[q], o.connections, o.seconds));
      }
      const merge = (xs) => ({
        requests: xs.reduce((a, x) => a + x.requests, 0),
        rps: xs.reduce((a, x) => a + x.rps, 0) / xs.length,
        p50Ms: xs.map((x) => x.p50Ms).sort((a, b) => a - b)[Math.floor(xs.length / 2)],
        p99Ms: Math.max(...xs.map((x) => x.p99Ms)),
        rows: xs.reduce((a, x) => a + x.rows, 0),
      });
      result.questions[q] = { title: QUESTIONS[q].title, http: merge(runs.http), bolt: merge(runs.bolt),
        raw: merge(runs.raw), rounds: runs };
      const h = result.questions[q].http, b = result.questions[q].bolt;
      console.error(`${q}: HTTP p50 ${h.p50Ms.toFixed(2)} ms p99 ${h.p99Ms.toFixed(2)} ms ${h.rps.toFixed(0)} req/s | ` +
        `Bolt p50 ${b.p50Ms.toFixed(2)} ms p99 ${b.p99Ms.toFixed(2)} ms ${b.rps.toFixed(0)} req/s`);
    }
    const lines = [
      `# Bolt vs HTTP (${result.date}, ${result.cpus} cores, ${o.connections} concurrent clients, ` +
        `${o.rounds} rounds of ${o.seconds} s each)`, '',
      'Same server, same queries and parameters; Bolt through neo4j-driver (auto-commit `session.run`, ' +
        'a session per query) and through the tests\' minimal client (RUN and PULL on one of ' +
        `${o.connections} connections), HTTP through POST /v1/query with keep-alive. Clients run in one ` +
        'Node process on the same machine.', '',
      '| question | transport | p50 (ms) | p99 (ms) | req/s |', '|---|---|---|---|---|',
    ];
    for (const [q, r] of Object.entries(result.questions))
      for (const t of ['http', 'bolt', 'raw'])
        lines.push(`| ${q} ${r.title} | ${{ http: 'HTTP', bolt: 'Bolt (neo4j-driver)', raw: 'Bolt (minimal client)' }[t]} | ${r[t].p50Ms.toFixed(2)} | ` +
          `${r[t].p99Ms.toFixed(2)} | ${r[t].rps.toFixed(0)} |`);
    lines.push('', 'Bolt (neo4j-driver) ÷ HTTP: ' + Object.entries(result.questions).map(([q, r]) =>
      `${q} p50 ${(r.bolt.p50Ms / r.http.p50Ms).toFixed(2)}, req/s ${(r.bolt.rps / r.http.rps).toFixed(2)}`).join('; '));
    lines.push('', 'Bolt (minimal client) ÷ HTTP: ' + Object.entries(result.questions).map(([q, r]) =>
      `${q} p50 ${(r.raw.p50Ms / r.http.p50Ms).toFixed(2)}, req/s ${(r.raw.rps / r.http.rps).toFixed(2)}`).join('; '));
    const md = lines.join('\n') + '\n';
    process.stdout.write(md);
    if (o.out) {
      fs.writeFileSync(`${o.out}.json`, JSON.stringify(result, null, 2) + '\n');
      fs.writeFileSync(`${o.out}.md`, md);
    }
  } finally {
    sendRawClose?.();
    await driver.close();
    server.child.kill('SIGTERM');
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
