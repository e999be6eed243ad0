#!/usr/bin/env node
// bench/compare's driver: innograph and Kùzu side by side, on the same generated data, in one
// run on one machine. See bench/compare for the options.
//
// Both engines run as long-lived child processes that answer JSON lines (bench_harness for
// innograph in-process, kuzu_worker.js for Kùzu's Node package), plus `innograph serve` for the
// HTTP figures. Every question is warmed up on each side, then measured in rounds that rotate
// which side goes first, each round with freshly drawn parameters shared by all sides.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const http = require("http");
const readline = require("readline");
const { spawn, spawnSync, execFileSync } = require("child_process");

const BENCH = __dirname;
const ROOT = path.dirname(BENCH);

// ---- options --------------------------------------------------------------------------------
function parseArgs(argv) {
  const o = {
    sf: 1, seed: null, rounds: 5, budgetS: 12, maxSamples: 400, wrkSeconds: 10, wrkConnections: 16,
    out: path.join(BENCH, "results"), dataDir: path.join(BENCH, "data"), build: path.join(ROOT, "build-bench"),
    skipKuzu: false, quick: false, regenerate: false,
  };
  for (let i = 0; i < argv.length; ++i) {
    const a = argv[i], v = () => argv[++i];
    if (a === "--sf") o.sf = Number(v());
    else if (a === "--seed") o.seed = Number(v());
    else if (a === "--rounds") o.rounds = Number(v());
    else if (a === "--budget-s") o.budgetS = Number(v());
    else if (a === "--max-samples") o.maxSamples = Number(v());
    else if (a === "--wrk-seconds") o.wrkSeconds = Number(v());
    else if (a === "--wrk-connections") o.wrkConnections = Number(v());
    else if (a === "--out") o.out = path.resolve(v());
    else if (a === "--data-dir") o.dataDir = path.resolve(v());
    else if (a === "--build-dir") o.build = path.resolve(v());
    else if (a === "--skip-kuzu") o.skipKuzu = true;
    else if (a === "--regenerate") o.regenerate = true;
    else if (a === "--quick") { o.quick = true; o.rounds = 2; o.budgetS = 1; o.maxSamples = 20; o.wrkSeconds = 2; }
    else throw new Error(`unknown option ${a}`);
  }
  if (!(o.sf > 0)) throw new Error("--sf must be positive");
  if (o.seed === null) o.seed = Math.floor(Math.random() * 2 ** 31);
  return o;
}

const log = (...a) => console.error("[compare]", ...a);

// ---- small helpers --------------------------------------------------------------------------
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percentile(xs, p) {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

function summary(us) {
  return { n: us.length, p50Us: percentile(us, 50), p99Us: percentile(us, 99),
           meanUs: us.reduce((a, b) => a + b, 0) / Math.max(1, us.length) };
}

// Runs a command under /usr/bin/time -v; gives wall ms, peak RSS and stdout.
function timed(cmd, args, opts = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync("/usr/bin/time", ["-v", cmd, ...args], { encoding: "utf8", maxBuffer: 1 << 26, ...opts });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}):\n${r.stderr}`);
  const m = r.stderr.match(/Maximum resident set size \(kbytes\): (\d+)/);
  // CPU-seconds next to wall time: on a shared machine the wall clock measures the other
  // tenants as much as the load.
  const secs = (re) => { const x = r.stderr.match(re); return x ? Number(x[1]) : 0; };
  const cpuS = secs(/User time \(seconds\): ([\d.]+)/) + secs(/System time \(seconds\): ([\d.]+)/);
  return { wallMs, cpuS, peakRssKb: m ? Number(m[1]) : null, stdout: r.stdout, stderr: r.stderr };
}

function procHwmKb(pid) {
  try {
    const m = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmHWM:\s+(\d+)/m);
    return m ? Number(m[1]) : null;
  } catch { return null; }
}

// A child process speaking one JSON line per request.
class Worker {
  constructor(name, cmd, args) {
    this.name = name;
    this.proc = spawn(cmd, args, { stdio: ["pipe", "pipe", "inherit"] });
    this.lines = readline.createInterface({ input: this.proc.stdout })[Symbol.asyncIterator]();
    this.proc.on("exit", (code) => { this.exited = code; });
  }
  async next() {
    const { value, done } = await this.lines.next();
    if (done) throw new Error(`${this.name} exited (${this.exited})`);
    const msg = JSON.parse(value);
    if (msg.error) throw new Error(`${this.name}: ${msg.error}`);
    return msg;
  }
  async ready() { this.hello = await this.next(); return this; }
  async request(req) { this.proc.stdin.write(JSON.stringify(req) + "\n"); return this.next(); }
  run(query, params, sample = false) { return this.request({ cmd: "run", query, params, sample }); }
  close() { this.proc.stdin.end(); }
}

// innograph over HTTP, one keep-alive connection, timed from request to parsed response.
class HttpSide {
  constructor(port) {
    this.port = port;
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  }
  post(body) {
    return new Promise((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port: this.port, path: "/v1/query", method: "POST",
                                 agent: this.agent, headers: { "Content-Type": "application/json",
                                                               "Content-Length": Buffer.byteLength(body) } },
        (res) => {
          const chunks = [];
          res.on("data", (c) => chunks.push(c));
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            if (res.statusCode !== 200) reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 300)}`));
            else resolve(JSON.parse(text));
          });
        });
      req.on("error", reject);
      req.end(body);
    });
  }
  async run(query, params) {
    const us = [], rows = [];
    for (const p of params) {
      const body = JSON.stringify({ query, parameters: p });
      const start = process.hrtime.bigint();
      const r = await this.post(body);
      us.push(Number(process.hrtime.bigint() - start) / 1e3);
      rows.push(r.rows.length);
    }
    return { us, rows };
  }
}

async function startServer(bin, db) {
  const proc = spawn(bin, ["serve", "--db", db, "--host", "127.0.0.1", "--port", "0"],
                     { stdio: ["ignore", "ignore", "pipe"] });
  return new Promise((resolve, reject) => {
    let err = "";
    proc.stderr.on("data", (d) => {
      err += d;
      const m = err.match(/serving http:\/\/[^:]+:(\d+)/);
      if (m && !proc.port) { proc.port = Number(m[1]); resolve(proc); }
    });
    proc.on("exit", (code) => reject(new Error(`innograph serve exited (${code}): ${err}`)));
  });
}

function wrk(url, seconds, connections, script) {
  const args = ["-t2", `-c${connections}`, `-d${seconds}s`, "--latency", "-s", script, url];
  const r = spawnSync("wrk", args, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`wrk failed: ${r.stderr}${r.stdout}`);
  const m = r.stdout.match(/^WRK_JSON (.*)$/m);
  if (!m) throw new Error(`wrk printed no summary:\n${r.stdout}`);
  return JSON.parse(m[1]);
}

function wrkScript(file, bodies) {
  const lua = `-- generated by bench/compare.js
wrk.headers["Content-Type"] = "application/json"
local bodies = { ${bodies.map((b) => JSON.stringify(b)).join(",\n  ")} }
local i = 0
request = function()
  i = i + 1
  if #bodies == 0 then return wrk.format("GET") end
  return wrk.format("POST", nil, nil, bodies[(i % #bodies) + 1])
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write +
                 summary.errors.status + summary.errors.timeout
  io.write(string.format('WRK_JSON {"requests":%d,"durationUs":%d,"errors":%d,"rps":%.1f,' ..
    '"p50Us":%d,"p90Us":%d,"p99Us":%d,"maxUs":%d}\\n', summary.requests, summary.duration, errors,
    summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max))
end
`;
  fs.writeFileSync(file, lua);
  return file;
}

function machine() {
  const cpu = (fs.readFileSync("/proc/cpuinfo", "utf8").match(/^model name\s*:\s*(.*)$/m) || [])[1] || os.cpus()[0].model;
  let commit = "unknown";
  try { commit = execFileSync("git", ["-C", ROOT, "rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim(); } catch {}
  return { date: new Date().toISOString(), host: os.hostname(), cpu, cores: os.cpus().length,
           memGb: Math.round(os.totalmem() / 2 ** 30), kernel: os.release(), node: process.version, commit,
           loadAvg: os.loadavg() };
}

// ---- the questions --------------------------------------------------------------------------
const QUESTIONS = JSON.parse(fs.readFileSync(path.join(BENCH, "queries.json"), "utf8"));

function paramMaker(counts, rng) {
  const pick = (label) => `${label}${Math.floor(rng() * counts.nodesPerLabel[label])}`;
  const kinds = { park: () => pick("Park"), industry: () => pick("Industry"), university: () => pick("University") };
  return (spec) => {
    const p = {};
    for (const [name, kind] of Object.entries(spec)) p[name] = kinds[kind]();
    return p;
  };
}

// Answers compared on the first parameter set of the first round: a property graph and Kùzu
// must agree on what the question returns (ties broken by name in the queries).
function sameAnswer(check, a, b) {
  if (a == null || b == null) return null;
  if (check === "count") return a.length === b.length;
  const norm = (rows) => rows.map((r) => JSON.stringify(r));
  const x = norm(a), y = norm(b);
  if (check === "set") { x.sort(); y.sort(); }
  return JSON.stringify(x) === JSON.stringify(y);
}

const TARGETS = { Q3: 0.2, Q7: 0.2, Q4: 0.5, Q6: 0.5, Q5: 0.01 };

// ---- main -----------------------------------------------------------------------------------
async function main() {
  const o = parseArgs(process.argv.slice(2));
  const innograph = path.join(o.build, "app", "innograph");
  const harness = path.join(o.build, "bench", "bench_harness");
  for (const f of [innograph, harness]) if (!fs.existsSync(f)) throw new Error(`${f} is missing; build it first`);
  let kuzuOk = !o.skipKuzu;
  let kuzuWhy = o.skipKuzu ? "--skip-kuzu" : null;
  if (kuzuOk) {
    try { require.resolve("kuzu"); } catch { kuzuOk = false; kuzuWhy = "the kuzu npm package is not installed (npm ci in bench/)"; }
  }
  if (!kuzuOk) log(`KUZU SKIPPED: ${kuzuWhy}; running innograph's side only`);

  const sfName = `sf${o.sf}`;
  const data = path.join(o.dataDir, sfName);
  if (o.regenerate || !fs.existsSync(path.join(data, "counts.json"))) {
    log(`generating SF ${o.sf} into ${data}`);
    execFileSync("python3", [path.join(BENCH, "generate.py"), "--sf", String(o.sf), "--out", data], { stdio: ["ignore", "ignore", "inherit"] });
  }
  const counts = JSON.parse(fs.readFileSync(path.join(data, "counts.json"), "utf8"));
  const igStore = path.join(data, "innograph.store"), kzStore = path.join(data, "kuzu.db");

  // Loads: each into a fresh store, in its own process, so the peak RSS is the load's own.
  const result = { machine: machine(), sf: o.sf, seed: o.seed, counts: { nodes: counts.nodes, relationships: counts.relationships },
                   kuzu: kuzuOk ? { version: require("kuzu").VERSION } : { skipped: kuzuWhy }, load: {}, questions: {}, http: {}, memory: {} };
  fs.rmSync(igStore, { recursive: true, force: true });
  log("innograph import ...");
  const loadBefore = os.loadavg()[0];
  const igLoad = timed(innograph, ["import", "--db", igStore, path.join(data, "graph.jsonl")], { cwd: data });
  result.load.innograph = { ms: igLoad.wallMs, cpuS: igLoad.cpuS, peakRssKb: igLoad.peakRssKb,
                            loadAvg: [loadBefore, os.loadavg()[0]] };
  log(`  ${(igLoad.wallMs / 1000).toFixed(2)} s (${igLoad.cpuS.toFixed(2)} CPU-s), peak ${(igLoad.peakRssKb / 1024).toFixed(0)} MB, load ${loadBefore.toFixed(1)}`);
  if (kuzuOk) {
    fs.rmSync(kzStore, { recursive: true, force: true });
    log("Kùzu COPY ...");
    const kzBefore = os.loadavg()[0];
    const kzLoad = timed("node", [path.join(BENCH, "kuzu_worker.js"), "load", kzStore, data]);
    const info = JSON.parse(kzLoad.stdout.trim().split("\n").pop());
    for (const [label, n] of Object.entries(info.counts))
      if (n !== counts.nodesPerLabel[label]) throw new Error(`Kùzu loaded ${n} ${label}, expected ${counts.nodesPerLabel[label]}`);
    result.load.kuzu = { ms: info.copyMs, processMs: kzLoad.wallMs, processCpuS: kzLoad.cpuS,
                         peakRssKb: kzLoad.peakRssKb, loadAvg: [kzBefore, os.loadavg()[0]] };
    log(`  COPY ${(info.copyMs / 1000).toFixed(2)} s (process ${(kzLoad.wallMs / 1000).toFixed(2)} s), peak ${(kzLoad.peakRssKb / 1024).toFixed(0)} MB`);
  }

  const ig = await new Worker("bench_harness", harness, ["--db", igStore]).ready();
  const kz = kuzuOk ? await new Worker("kuzu_worker", "node", [path.join(BENCH, "kuzu_worker.js"), "serve", kzStore]).ready() : null;
  const server = await startServer(innograph, igStore);
  const web = new HttpSide(server.port);
  // The server builds its in-memory adjacency in the background once it serves a query; give it
  // the time the harness needed for the same, twice over.
  result.load.innographAdjacencyMs = ig.hello.warmMs;
  await web.run("MATCH (n) RETURN n LIMIT 1", [{}]);
  await new Promise((r) => setTimeout(r, 500 + 2 * ig.hello.warmMs));
  const rng = mulberry32(o.seed);
  const makeParams = paramMaker(counts, rng);

  try {
    // The cost of a round trip through each side with nothing to do.
    const ones = Array.from({ length: o.quick ? 20 : 200 }, () => ({}));
    await ig.run("RETURN 1 AS x", ones);
    const r1 = { innograph: summary((await ig.run("RETURN 1 AS x", ones)).us) };
    if (kz) { await kz.run("RETURN 1 AS x", ones); r1.kuzu = summary((await kz.run("RETURN 1 AS x", ones)).us); }
    await web.run("RETURN 1 AS x", ones.slice(0, 20));
    r1.http = summary((await web.run("RETURN 1 AS x", ones)).us);
    result.return1 = r1;

    for (const [qid, q] of Object.entries(QUESTIONS)) {
      const sides = [["innograph", (ps, s) => ig.run(q.innograph, ps, s)], ["http", (ps) => web.run(q.innograph, ps)]];
      if (kz) sides.push(["kuzu", (ps, s) => kz.run(q.kuzu, ps, s)]);
      // Warm-up, which also sizes the run: as many samples as the slowest side fits in budget.
      const warm = Array.from({ length: o.quick ? 2 : 5 }, () => makeParams(q.params));
      let slowest = 1;
      for (const [, run] of sides) {
        const r = await run(warm);
        slowest = Math.max(slowest, percentile(r.us, 50));
      }
      const perRound = Math.max(o.quick ? 2 : 6, Math.min(Math.ceil(o.maxSamples / o.rounds),
                                            Math.floor((o.budgetS * 1e6) / slowest / o.rounds)));
      const us = Object.fromEntries(sides.map(([n]) => [n, []]));
      const rows = Object.fromEntries(sides.map(([n]) => [n, []]));
      const samples = {};
      for (let round = 0; round < o.rounds; ++round) {
        const params = Array.from({ length: perRound }, () => makeParams(q.params));
        for (let k = 0; k < sides.length; ++k) {
          const [name, run] = sides[(round + k) % sides.length];
          const r = await run(params, round === 0);
          us[name].push(...r.us);
          rows[name].push(...r.rows);
          if (round === 0 && r.sample !== undefined) samples[name] = r.sample;
        }
      }
      const entry = { title: q.title };
      for (const [name] of sides) entry[name] = { ...summary(us[name]), meanRows: rows[name].reduce((a, b) => a + b, 0) / rows[name].length };
      if (kz) {
        entry.ratioP50 = entry.innograph.p50Us / entry.kuzu.p50Us;
        entry.ratioP99 = entry.innograph.p99Us / entry.kuzu.p99Us;
        entry.sameRowCounts = rows.innograph.every((n, i) => n === rows.kuzu[i]);
        entry.sameAnswer = sameAnswer(q.check, samples.innograph, samples.kuzu);
      }
      result.questions[qid] = entry;
      log(`${qid}: innograph p50 ${fmtUs(entry.innograph.p50Us)}, http ${fmtUs(entry.http.p50Us)}` +
          (kz ? `, Kùzu ${fmtUs(entry.kuzu.p50Us)}, ratio ${entry.ratioP50.toFixed(3)}, same answer ${entry.sameAnswer}, same row counts ${entry.sameRowCounts}` : "") +
          ` (${us.innograph.length} samples)`);
    }

    result.memory.harnessPeakRssKb = (await ig.request({ cmd: "mem" })).vmHwmKb;
    if (kz) result.memory.kuzuPeakRssKb = (await kz.request({ cmd: "mem" })).vmHwmKb;

    // HTTP load: Q2 with fresh industries, and /healthz, against the same server.
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "innograph-bench-"));
    const bodies = Array.from({ length: 500 }, () =>
      JSON.stringify({ query: QUESTIONS.Q2.innograph, parameters: makeParams(QUESTIONS.Q2.params) }));
    const base = `http://127.0.0.1:${server.port}`;
    log(`wrk: ${o.wrkSeconds} s each, ${o.wrkConnections} keep-alive connections, 2 threads`);
    result.http.q2 = wrk(`${base}/v1/query`, o.wrkSeconds, o.wrkConnections, wrkScript(path.join(tmp, "q2.lua"), bodies));
    result.http.healthz = wrk(`${base}/healthz`, o.wrkSeconds, o.wrkConnections, wrkScript(path.join(tmp, "healthz.lua"), []));
    result.http.ratio = result.http.q2.rps / result.http.healthz.rps;
    result.http.connections = o.wrkConnections;
    result.http.seconds = o.wrkSeconds;
    fs.rmSync(tmp, { recursive: true, force: true });
    result.memory.serverPeakRssKb = procHwmKb(server.pid);
    log(`wrk: Q2 ${result.http.q2.rps.toFixed(0)} req/s, /healthz ${result.http.healthz.rps.toFixed(0)} req/s`);
  } finally {
    ig.close();
    if (kz) kz.close();
    server.kill("SIGTERM");
  }

  result.loadAvgEnd = os.loadavg();
  result.targets = evaluateTargets(result, kuzuOk);
  fs.mkdirSync(o.out, { recursive: true });
  const md = markdown(result);
  fs.writeFileSync(path.join(o.out, `${sfName}.json`), JSON.stringify(result, null, 2) + "\n");
  fs.writeFileSync(path.join(o.out, `${sfName}.md`), md);
  process.stdout.write(md);
  log(`wrote ${path.join(o.out, sfName)}.{md,json}`);
  if (!Object.keys(result.questions).length) throw new Error("nothing was measured");
}

function evaluateTargets(r, kuzuOk) {
  const t = [];
  const add = (what, value, limit, holds) => t.push({ what, value, limit, holds });
  if (kuzuOk) {
    for (const [q, lim] of Object.entries(TARGETS)) {
      const e = r.questions[q];
      add(`${q} innograph/Kùzu p50`, e.ratioP50, `≤ ${lim}`, e.ratioP50 <= lim);
    }
    const ratio = r.load.innograph.ms / r.load.kuzu.ms;
    add("import / Kùzu COPY", ratio, "≤ 1.0", ratio <= 1.0);
  }
  for (const q of ["Q1", "Q2"]) add(`${q} p50 in-process (µs)`, r.questions[q].innograph.p50Us, "≤ 50", r.questions[q].innograph.p50Us <= 50);
  add("Q2 HTTP req/s ÷ /healthz req/s", r.http.ratio, "≥ 0.5", r.http.ratio >= 0.5);
  const mb = r.memory.serverPeakRssKb / 1024;
  add("server peak RSS under load (MB)", mb, "≤ 2048", mb <= 2048);
  return t;
}

function fmtUs(us) {
  if (us == null) return "–";
  if (us < 1000) return `${us.toFixed(1)} µs`;
  if (us < 1e6) return `${(us / 1000).toFixed(2)} ms`;
  return `${(us / 1e6).toFixed(2)} s`;
}
const fmtRatio = (x) => (x == null || !isFinite(x) ? "–" : x < 0.01 ? x.toExponential(1) : x.toFixed(3));
const mbOf = (kb) => (kb == null ? "–" : `${(kb / 1024).toFixed(0)} MB`);

function markdown(r) {
  const m = r.machine, k = !r.kuzu.skipped;
  const L = [];
  L.push(`# innograph vs Kùzu ${k ? r.kuzu.version : "(skipped)"} — SF ${r.sf}`, "");
  const la = (x) => (x ? x.map((v) => v.toFixed(1)).join(" / ") : "–");
  L.push(`${m.date} · ${m.cpu}, ${m.cores} cores, ${m.memGb} GB · Linux ${m.kernel} · Node ${m.node} · innograph ${m.commit} · seed ${r.seed}`, "");
  L.push(`Load average (1, 5, 15 min) at the start: ${la(m.loadAvg)}; at the end: ${la(r.loadAvgEnd)}.`, "");
  L.push(`${r.counts.nodes.toLocaleString("en")} nodes, ${r.counts.relationships.toLocaleString("en")} relationships.` +
         (k ? "" : ` **Kùzu skipped: ${r.kuzu.skipped}.**`), "");
  L.push("| | innograph p50 | innograph p99 | HTTP p50 | HTTP p99 | Kùzu p50 | Kùzu p99 | ratio p50 | ratio p99 | same answer |");
  L.push("|---|---:|---:|---:|---:|---:|---:|---:|---:|:-:|");
  for (const [q, e] of Object.entries(r.questions)) {
    const same = e.sameAnswer == null ? "–" : e.sameAnswer && e.sameRowCounts ? "yes" : "**no**";
    L.push(`| ${q} ${e.title} | ${fmtUs(e.innograph.p50Us)} | ${fmtUs(e.innograph.p99Us)} | ${fmtUs(e.http.p50Us)} | ${fmtUs(e.http.p99Us)} | ` +
           `${k ? fmtUs(e.kuzu.p50Us) : "–"} | ${k ? fmtUs(e.kuzu.p99Us) : "–"} | ${fmtRatio(e.ratioP50)} | ${fmtRatio(e.ratioP99)} | ${same} |`);
  }
  const r1 = r.return1;
  L.push(`| RETURN 1 (binding cost) | ${fmtUs(r1.innograph.p50Us)} | ${fmtUs(r1.innograph.p99Us)} | ${fmtUs(r1.http.p50Us)} | ${fmtUs(r1.http.p99Us)} | ` +
         `${k ? fmtUs(r1.kuzu.p50Us) : "–"} | ${k ? fmtUs(r1.kuzu.p99Us) : "–"} | ${k ? fmtRatio(r1.innograph.p50Us / r1.kuzu.p50Us) : "–"} | | |`);
  const cpu = (x) => (x == null ? "–" : `${x.toFixed(2)} s`);
  const lo = (x) => (x ? `${x[0].toFixed(1)} → ${x[1].toFixed(1)}` : "–");
  L.push("", "| load | time | CPU (user + sys) | peak RSS | ratio | load average |", "|---|---:|---:|---:|---:|---:|");
  L.push(`| innograph import (JSON lines, whole CLI process) | ${fmtUs(r.load.innograph.ms * 1e3)} | ${cpu(r.load.innograph.cpuS)} | ${mbOf(r.load.innograph.peakRssKb)} | ${k ? fmtRatio(r.load.innograph.ms / r.load.kuzu.ms) : "–"} | ${lo(r.load.innograph.loadAvg)} |`);
  if (r.load.innographAdjacencyMs != null)
    L.push(`| innograph in-memory adjacency, built when serving starts (not in the ratio) | ${fmtUs(r.load.innographAdjacencyMs * 1e3)} | | | | |`);
  if (k) L.push(`| Kùzu schema + COPY + CHECKPOINT (CSV); CPU of its whole Node process | ${fmtUs(r.load.kuzu.ms * 1e3)} | ${cpu(r.load.kuzu.processCpuS)} | ${mbOf(r.load.kuzu.peakRssKb)} | ${k && r.load.kuzu.processCpuS ? `CPU ${fmtRatio(r.load.innograph.cpuS / r.load.kuzu.processCpuS)}` : ""} | ${lo(r.load.kuzu.loadAvg)} |`);
  L.push("", "| peak RSS while querying | |", "|---|---:|");
  L.push(`| innograph harness (in-process) | ${mbOf(r.memory.harnessPeakRssKb)} |`);
  L.push(`| innograph serve, after the wrk load | ${mbOf(r.memory.serverPeakRssKb)} |`);
  if (k) L.push(`| Kùzu (Node process) | ${mbOf(r.memory.kuzuPeakRssKb)} |`);
  const h = r.http;
  L.push("", `wrk, ${h.seconds} s each, ${h.connections} keep-alive connections, 2 threads, loopback:`, "");
  L.push("| endpoint | req/s | p50 | p90 | p99 | errors |", "|---|---:|---:|---:|---:|---:|");
  for (const [n, w] of [["POST /v1/query Q2", h.q2], ["GET /healthz", h.healthz]])
    L.push(`| ${n} | ${w.rps.toFixed(0)} | ${fmtUs(w.p50Us)} | ${fmtUs(w.p90Us)} | ${fmtUs(w.p99Us)} | ${w.errors} |`);
  L.push("", "| target | measured | limit | holds |", "|---|---:|---:|:-:|");
  for (const t of r.targets) L.push(`| ${t.what} | ${fmtRatio(t.value)} | ${t.limit} | ${t.holds ? "yes" : "**no**"} |`);
  L.push("");
  return L.join("\n");
}

main().catch((e) => {
  console.error(`[compare] FAILED: ${e && e.stack ? e.stack : e}`);
  process.exit(1);
});
