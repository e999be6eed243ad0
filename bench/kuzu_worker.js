#!/usr/bin/env node
// The Kùzu side of bench/compare, through Kùzu's Node.js package.
//
//   node kuzu_worker.js load DB DATA   creates the schema, COPYs the generated CSVs, prints
//                                      {"copyMs":...,"vmHwmKb":...} and exits
//   node kuzu_worker.js serve DB       answers one JSON request per stdin line, like
//                                      bench_harness: {"cmd":"run","query","params":[...]}
//                                      and {"cmd":"mem"}
"use strict";
const fs = require("fs");
const path = require("path");
const readline = require("readline");
const kuzu = require("kuzu");

const { NODE_TABLES, REL_TABLES } = require("./lib");

function procStatusKb(field) {
  const m = fs.readFileSync("/proc/self/status", "utf8").match(new RegExp(`^${field}:\\s+(\\d+)`, "m"));
  return m ? Number(m[1]) : 0;
}

async function load(dbDir, dataDir) {
  const db = new kuzu.Database(dbDir);
  const conn = new kuzu.Connection(db);
  const start = process.hrtime.bigint();
  for (const label of NODE_TABLES)
    await conn.query(`CREATE NODE TABLE ${label}(id INT64, name STRING, PRIMARY KEY (id))`);
  for (const [type, pairs] of Object.entries(REL_TABLES))
    await conn.query(`CREATE REL TABLE ${type}(${pairs.map(([f, t]) => `FROM ${f} TO ${t}`).join(", ")})`);
  for (const label of NODE_TABLES) {
    const file = path.join(dataDir, `${label.toLowerCase()}.csv`);
    await conn.query(`COPY ${label} FROM '${file}' (HEADER=false)`);
  }
  for (const [type, pairs] of Object.entries(REL_TABLES))
    for (const [f, t, csv] of pairs) {
      const file = path.join(dataDir, csv);
      if (!fs.existsSync(file)) continue;
      const group = pairs.length > 1 ? `, from='${f}', to='${t}'` : "";
      await conn.query(`COPY ${type} FROM '${file}' (HEADER=false${group})`);
    }
  // COPY is durable once it returns; the checkpoint makes the on-disk files complete, as
  // innograph's import leaves a compacted store.
  await conn.query("CHECKPOINT");
  const copyMs = Number(process.hrtime.bigint() - start) / 1e6;
  const counts = {};
  for (const label of NODE_TABLES) {
    const r = await conn.query(`MATCH (n:${label}) RETURN count(*) AS c`);
    counts[label] = Number((await r.getAll())[0].c);
  }
  await conn.close();
  await db.close();
  // Exit at once: the binding can crash in its destructors at normal process teardown.
  process.stdout.write(JSON.stringify({ copyMs, counts, vmHwmKb: procStatusKb("VmHWM") }) + "\n",
    () => process.exit(0));
}

async function serve(dbDir) {
  const db = new kuzu.Database(dbDir);
  const conn = new kuzu.Connection(db);
  await conn.init();
  const prepared = new Map();
  const rl = readline.createInterface({ input: process.stdin, terminal: false });
  process.stdout.write(JSON.stringify({ ready: true }) + "\n");
  for await (const line of rl) {
    if (!line.trim()) continue;
    let response;
    try {
      const req = JSON.parse(line);
      if (req.cmd === "run") {
        let ps = prepared.get(req.query);
        if (!ps) {
          ps = await conn.prepare(req.query);
          if (!ps.isSuccess()) throw new Error(ps.getErrorMessage());
          prepared.set(req.query, ps);
        }
        const us = [], rows = [];
        let sample = null;
        for (const params of req.params) {
          const start = process.hrtime.bigint();
          const result = await conn.execute(ps, params);
          const all = await result.getAll();
          us.push(Number(process.hrtime.bigint() - start) / 1e3);
          rows.push(all.length);
          if (req.sample && sample === null) {
            const cols = result.getColumnNamesSync();
            sample = all.map((r) => cols.map((c) => (typeof r[c] === "bigint" ? Number(r[c]) : r[c])));
          }
          result.close();
        }
        response = { us, rows };
        if (req.sample) response.sample = sample;
      } else if (req.cmd === "mem") {
        response = { vmHwmKb: procStatusKb("VmHWM"), vmRssKb: procStatusKb("VmRSS") };
      } else {
        response = { error: `unknown cmd ${req.cmd}` };
      }
    } catch (e) {
      response = { error: String(e && e.message ? e.message : e) };
    }
    process.stdout.write(JSON.stringify(response) + "\n");
  }
  await conn.close();
  await db.close();
  process.exit(0);
}

const [mode, dbDir, dataDir] = process.argv.slice(2);
(mode === "load" ? load(dbDir, dataDir) : serve(dbDir)).catch((e) => {
  console.error(`kuzu_worker: ${e && e.stack ? e.stack : e}`);
  process.exit(1);
});
