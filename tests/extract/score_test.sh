#!/usr/bin/env bash
# Ingests the whole corpus with the innograph program, exports the graph and scores it against
# hand-read gold facts with shared/eval/score.py (through score_gate.py, which cuts the graph to
# the gold's documents); fails below the thresholds given after the gold.
#   score_test.sh INNOGRAPH_BINARY SOURCE_DIR GOLD_FILE_OR_DIR [score_gate.py options]…
set -euo pipefail
bin=${1:?usage: score_test.sh INNOGRAPH_BINARY SOURCE_DIR GOLD [options]}
src=${2:?}
gold=${3:?}
shift 3
shared=${INNOGRAPH_SHARED:-$src/../shared}
[ -f "$shared/eval/score.py" ] || shared=/work/shared
case $gold in shared:*) gold=$shared/${gold#shared:} ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" ingest --db "$tmp/store" -q "$src"/data/corpus/*.txt
"$bin" export --db "$tmp/store" --format jsonl --output "$tmp/export.jsonl"
python3 "$src/tests/extract/score_gate.py" --score "$shared/eval/score.py" \
    --graph "$tmp/export.jsonl" --gold "$gold" "$@"
