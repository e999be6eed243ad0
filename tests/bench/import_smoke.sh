#!/usr/bin/env bash
# usage: import_smoke.sh INNOGRAPH GENERATOR [SF]
set -euo pipefail
innograph=$1 generator=$2 sf=${3:-0.01}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$generator" --sf "$sf" --out "$work/data" >/dev/null
"$innograph" import --db "$work/a" "$work/data/graph.jsonl"
"$innograph" stats --db "$work/a" --json >"$work/stats.json"
python3 - "$work/data/counts.json" "$work/stats.json" <<'PY'
import json, sys
want, got = (json.load(open(p)) for p in sys.argv[1:3])
for key in ("nodes", "relationships", "nodesPerLabel", "relationshipsPerType"):
    if want[key] != got[key]:
        sys.exit(f"stats disagree with the generator on {key}: {got[key]} != {want[key]}")
print(f"stats match the generator: {got['nodes']} nodes, {got['relationships']} relationships")
PY
"$innograph" export --db "$work/a" --format jsonl -o "$work/e1.jsonl"
"$innograph" import --db "$work/b" "$work/e1.jsonl"
"$innograph" export --db "$work/b" --format jsonl -o "$work/e2.jsonl"
cmp "$work/e1.jsonl" "$work/e2.jsonl"
"$innograph" export --db "$work/b" --format csv -o "$work/csv"
"$innograph" import --db "$work/c" --nodes "$work/csv/nodes.csv" --relationships "$work/csv/relationships.csv"
"$innograph" export --db "$work/c" --format jsonl -o "$work/e3.jsonl"
cmp "$work/e1.jsonl" "$work/e3.jsonl"
# A bad line changes nothing and names the file and line.
before=$("$innograph" stats --db "$work/c" --json)
printf '{"type":"node","id":"x"}\n{broken\n' >"$work/bad.jsonl"
if "$innograph" import --db "$work/c" "$work/bad.jsonl" 2>"$work/err"; then
    echo "a malformed import succeeded" >&2; exit 1
fi
grep -q "bad.jsonl:2:" "$work/err" || { echo "error does not name file and line:" >&2; cat "$work/err" >&2; exit 1; }
[ "$before" = "$("$innograph" stats --db "$work/c" --json)" ] || { echo "a failed import changed the store" >&2; exit 1; }
echo "export -> import -> export identical (jsonl and csv)"
