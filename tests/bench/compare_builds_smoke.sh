#!/usr/bin/env bash
# usage: compare_builds_smoke.sh COMPARE_BUILDS_JS BUILD_DIR
# bench/compare_builds.js end to end at SF 0.01 with one build as both sides: both imports, every
# question in-process and over HTTP on both, the report; the two sides must return the same row
# counts for every parameter set (the script exits 2 when they do not).
set -euo pipefail
script=$1 build=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node "$script" --a "$build" --b "$build" --sf 0.01 --rounds 2 --samples 10 \
    --data-dir "$work/data" --out "$work/results" 2>"$work/log" >"$work/out.md" ||
    { cat "$work/log" >&2; exit 1; }
cat "$work/log" >&2
python3 - "$work/results/builds-sf0.01.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
qs = r["questions"]
assert sorted(qs) == sorted(["R1"] + [f"Q{i}" for i in range(1, 8)]), sorted(qs)
for q, e in qs.items():
    for side in ("a", "b", "a.http", "b.http"):
        assert e[side]["n"] >= 10 and e[side]["p50Us"] > 0, (q, side)
    assert e["sameRowCounts"], q
    assert e["ratioP50"] > 0, q
for side in ("a", "b"):
    assert r["load"][side]["ms"] > 0 and r["load"][side]["peakRssKb"] > 0, side
print("compare_builds ran both sides on all 8 questions")
PY
