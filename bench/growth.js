#!/usr/bin/env node
// How each figure grows with the scale factor: reads bench/results/growth/sf*.json (written by
// bench/compare --out bench/results/growth) and prints one Markdown table, written to
// bench/results/growth/growth.md as well.
"use strict";
const fs = require("fs");
const path = require("path");
const dir = process.argv[2] || path.join(__dirname, "results", "growth");
const runs = fs.readdirSync(dir).filter((f) => /^sf[\d.]+\.json$/.test(f))
  .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"))).sort((a, b) => a.sf - b.sf);
const fmt = (us) => (us == null ? "–" : us < 1000 ? `${us.toFixed(1)} µs` : us < 1e6 ? `${(us / 1e3).toFixed(2)} ms` : `${(us / 1e6).toFixed(2)} s`);
const rows = [];
const head = ["figure", ...runs.map((r) => `SF ${r.sf}`)];
const ratio = (x) => (x == null || !isFinite(x) ? "–" : x.toFixed(3));
const cpu = (x) => (x == null ? "–" : `${x.toFixed(2)} s`);
const la = (x) => (x ? x.slice(0, 3).map((v) => v.toFixed(1)).join(" / ") : "–");
rows.push(["innograph commit", ...runs.map((r) => r.machine.commit)]);
rows.push(["date", ...runs.map((r) => r.machine.date.slice(0, 16))]);
rows.push(["load average at start (1/5/15 min)", ...runs.map((r) => la(r.machine.loadAvg))]);
rows.push(["load average at end", ...runs.map((r) => la(r.loadAvgEnd))]);
rows.push(["nodes", ...runs.map((r) => r.counts.nodes.toLocaleString("en"))]);
rows.push(["relationships", ...runs.map((r) => r.counts.relationships.toLocaleString("en"))]);
for (const q of Object.keys(runs[0].questions)) {
  for (const pct of ["p50", "p99"]) {
    for (const side of ["innograph", "kuzu"])
      rows.push([`${q} ${side} ${pct}`, ...runs.map((r) => fmt(r.questions[q][side] && r.questions[q][side][`${pct}Us`]))]);
    rows.push([`${q} ratio ${pct}`, ...runs.map((r) => ratio(r.questions[q][pct === "p50" ? "ratioP50" : "ratioP99"]))]);
  }
}
rows.push(["import", ...runs.map((r) => fmt(r.load.innograph.ms * 1e3))]);
rows.push(["import CPU (user + sys)", ...runs.map((r) => cpu(r.load.innograph.cpuS))]);
rows.push(["Kùzu COPY", ...runs.map((r) => fmt(r.load.kuzu && r.load.kuzu.ms * 1e3))]);
rows.push(["Kùzu load process CPU", ...runs.map((r) => cpu(r.load.kuzu && r.load.kuzu.processCpuS))]);
rows.push(["import / COPY", ...runs.map((r) => (r.load.kuzu ? (r.load.innograph.ms / r.load.kuzu.ms).toFixed(2) : "–"))]);
rows.push(["Kùzu load peak RSS", ...runs.map((r) => (r.load.kuzu ? `${(r.load.kuzu.peakRssKb / 1024).toFixed(0)} MB` : "–"))]);
rows.push(["import peak RSS", ...runs.map((r) => `${(r.load.innograph.peakRssKb / 1024).toFixed(0)} MB`)]);
const csv = (f) => runs.map((r) => (r.load.innographCsv ? f(r.load.innographCsv, r) : "–"));
rows.push(["import of the CSV files COPY reads", ...csv((c) => fmt(c.ms * 1e3))]);
rows.push(["CSV import CPU (user + sys)", ...csv((c) => cpu(c.cpuS))]);
rows.push(["CSV import / COPY", ...csv((c, r) => (r.load.kuzu ? (c.ms / r.load.kuzu.ms).toFixed(2) : "–"))]);
rows.push(["CSV import peak RSS", ...csv((c) => `${(c.peakRssKb / 1024).toFixed(0)} MB`)]);
rows.push(["server peak RSS", ...runs.map((r) => `${(r.memory.serverPeakRssKb / 1024).toFixed(0)} MB`)]);
rows.push(["Kùzu peak RSS (querying)", ...runs.map((r) => (r.memory.kuzuPeakRssKb ? `${(r.memory.kuzuPeakRssKb / 1024).toFixed(0)} MB` : "–"))]);
rows.push(["wrk Q2 req/s", ...runs.map((r) => r.http.q2.rps.toFixed(0))]);
rows.push(["wrk /healthz req/s", ...runs.map((r) => r.http.healthz.rps.toFixed(0))]);
rows.push(["Q2 ÷ /healthz", ...runs.map((r) => r.http.ratio.toFixed(2))]);
const md = [`| ${head.join(" | ")} |`, `|${head.map((_, i) => (i ? "---:" : "---")).join("|")}|`,
            ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n") + "\n";
fs.writeFileSync(path.join(dir, "growth.md"), `# Growth with the scale factor\n\n${md}`);
process.stdout.write(md);
