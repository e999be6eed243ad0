// Pieces bench/compare.js and bench/compare_builds.js share: the child processes that answer
// JSON lines, the HTTP side, timing a whole process, the questions and their parameters.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const http = require("http");
const readline = require("readline");
const { spawn, spawnSync, execFileSync } = require("child_process");

const BENCH = __dirname;
const ROOT = path.dirname(BENCH);

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
  // The warm-up reads every node (WARM_QUERY), which at SF 3 and beyond takes longer than the
  // server's default time limit of 10 s.
  const proc = spawn(bin, ["serve", "--db", db, "--host", "127.0.0.1", "--port", "0", "--query-timeout-ms", "600000"],
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


function machine() {
  const cpu = (fs.readFileSync("/proc/cpuinfo", "utf8").match(/^model name\s*:\s*(.*)$/m) || [])[1] || os.cpus()[0].model;
  let commit = "unknown";
  try { commit = execFileSync("git", ["-C", ROOT, "rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim(); } catch {}
  return { date: new Date().toISOString(), host: os.hostname(), cpu, cores: os.cpus().length,
           memGb: Math.round(os.totalmem() / 2 ** 30), kernel: os.release(), node: process.version, commit,
           loadAvg: os.loadavg() };
}

// The CSV files bench/generate.py writes (no header; nodes "id,name", relationships "from,to"),
// which Kùzu's COPY and innograph's CSV import both read. Relationship type -> [[from label,
// to label, file], ...]. LOCATED_IN joins two pairs of labels, so in Kùzu it is one table group
// and each COPY names its pair.
const NODE_TABLES = ["Region", "Zone", "Industry", "Park", "University", "Institute", "Enterprise"];
const REL_TABLES = {
  HOSTS: [["Park", "Industry", "hosts.csv"]],
  LOCATED_IN: [["Park", "Region", "park_located_in.csv"], ["Enterprise", "Park", "enterprise_located_in.csv"]],
  PART_OF: [["Park", "Zone", "part_of.csv"]],
  PARTNERS_WITH: [["University", "Park", "partners_with.csv"]],
  AFFILIATED_WITH: [["Institute", "University", "affiliated_with.csv"]],
  ACTIVE_IN: [["Enterprise", "Industry", "active_in.csv"]],
  COLLABORATES: [["Enterprise", "University", "collaborates.csv"]],
};

// `innograph import` arguments for those files as neo4j-admin names them: a header file of its
// own (written into headerDir) before each headerless data file. Ids are global in the
// generated data, so one id space serves every label.
function csvImportArgs(dataDir, headerDir) {
  fs.mkdirSync(headerDir, { recursive: true });
  const nodeHeader = path.join(headerDir, "nodes.csv"), relHeader = path.join(headerDir, "relationships.csv");
  fs.writeFileSync(nodeHeader, ":ID,name\n");
  fs.writeFileSync(relHeader, ":START_ID,:END_ID\n");
  const args = [];
  for (const label of NODE_TABLES)
    args.push("--nodes", `${label}=${nodeHeader},${path.join(dataDir, `${label.toLowerCase()}.csv`)}`);
  for (const [type, pairs] of Object.entries(REL_TABLES))
    for (const [, , csv] of pairs)
      if (fs.existsSync(path.join(dataDir, csv)))
        args.push("--relationships", `${type}=${relHeader},${path.join(dataDir, csv)}`);
  return args;
}

// Run once by every side before any question is timed: every node's record read once, so that no
// question starts on storage blocks that an earlier question happened not to read (Q7 reads 200
// random enterprises' names; whether their blocks were cached depended on how Q4 had found its
// enterprises' labels, which made its timing a measure of the order of the questions).
const WARM_QUERY = "MATCH (n) RETURN count(n.name) AS n";

// The questions: bench/queries.json, the same text for both engines where Cypher allows.
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

module.exports = { BENCH, ROOT, QUESTIONS, WARM_QUERY, NODE_TABLES, REL_TABLES, csvImportArgs, mulberry32, percentile, summary, timed, procHwmKb, Worker,
                   HttpSide, startServer, machine, paramMaker };
