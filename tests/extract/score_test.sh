#!/usr/bin/env bash
# Ingests the corpus with the innograph program, exports the graph and scores it against the
# hand-read gold facts with shared/eval/score.py; fails below the project's thresholds
# (every gold entity found with its label and none split, F1 >= 0.95, recall >= 0.9 per type).
#   score_test.sh INNOGRAPH_BINARY [SOURCE_DIR]
set -euo pipefail
bin=${1:?usage: score_test.sh INNOGRAPH_BINARY [SOURCE_DIR]}
src=${2:-$(cd "$(dirname "$0")/../.." && pwd)}
shared=${INNOGRAPH_SHARED:-$src/../shared}
[ -f "$shared/eval/score.py" ] || shared=/work/shared
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" ingest --db "$tmp/store" -q "$src"/data/corpus/*.txt
"$bin" export --db "$tmp/store" --format jsonl --output "$tmp/export.jsonl"
python3 "$shared/eval/score.py" --graph "$tmp/export.jsonl" --gold "$shared/eval/dev-gold.jsonl" \
    --show-misses
python3 "$shared/eval/score.py" --graph "$tmp/export.jsonl" --gold "$shared/eval/dev-gold.jsonl" \
    --json > "$tmp/score.json"
python3 - "$tmp/score.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
bad = []
if s["entities_found"] != s["entities"]: bad.append("gold entities missing")
if s["entities_right_label"] != s["entities"]: bad.append("gold entities with a wrong label")
if s["entities_duplicated"]: bad.append("gold entities split over several nodes")
if s["f1"] < 0.95: bad.append(f"F1 {s['f1']} < 0.95")
for rel, r in s["relations"].items():
    if r["recall"] is not None and r["recall"] < 0.9: bad.append(f"{rel} recall {r['recall']} < 0.9")
if bad:
    print("score_test: FAILED:", "; ".join(bad)); sys.exit(1)
print(f"score_test: OK (F1 {s['f1']})")
PY
