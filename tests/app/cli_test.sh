#!/usr/bin/env bash
# cli_test.sh INNOGRAPH CORPUS_DIR: builds a store from the corpus and checks what issue 13 asks
# of the command line: an unknown property key reads null and warns on standard error with the
# name probably meant; documents' dates compare with date().
set -euo pipefail
bin=$1
corpus=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() {
    echo "FAIL: $*" >&2
    exit 1
}

"$bin" ingest --db "$tmp/db" "$corpus"/*.txt >"$tmp/ingest.out" 2>&1 || {
    cat "$tmp/ingest.out" >&2
    fail "ingest"
}

# n.nam: every row null, one warning naming `name`, with the caret under n.nam.
"$bin" query --db "$tmp/db" --format csv 'MATCH (n:Park) RETURN n.nam' >"$tmp/out" 2>"$tmp/err"
rows=$(tail -n +2 "$tmp/out" | wc -l)
[ "$rows" -gt 0 ] || fail "no Park rows: $(cat "$tmp/out")"
nonnull=$(tail -n +2 "$tmp/out" | grep -vc '^$' || true)
[ "$nonnull" -eq 0 ] || fail "n.nam should read null, got: $(cat "$tmp/out")"
grep -q 'warning at line 1, column 25' "$tmp/err" || fail "no warning: $(cat "$tmp/err")"
grep -q 'UnknownPropertyKey\|property key is not in the database' "$tmp/err" ||
    fail "not a property-key warning: $(cat "$tmp/err")"
grep -q 'Did you mean name?' "$tmp/err" || fail "no did-you-mean: $(cat "$tmp/err")"
grep -q '^                        ^$' "$tmp/err" || fail "no caret under n.nam: $(cat "$tmp/err")"

# A known key warns about nothing.
"$bin" query --db "$tmp/db" 'MATCH (n:Park) RETURN n.name LIMIT 1' >/dev/null 2>"$tmp/err"
[ ! -s "$tmp/err" ] || fail "unexpected warning: $(cat "$tmp/err")"

# Documents' dates are dates: the comparison keeps only those from 2019 on, and some are older.
"$bin" query --db "$tmp/db" --format csv \
    "MATCH (d:Document) WHERE d.date >= date('2019-01-01') RETURN d.title, toString(d.date) AS date" \
    >"$tmp/out" 2>"$tmp/err"
[ ! -s "$tmp/err" ] || fail "date query warned: $(cat "$tmp/err")"
recent=$(tail -n +2 "$tmp/out" | wc -l)
[ "$recent" -ge 3 ] || fail "expected documents from 2019 on: $(cat "$tmp/out")"
tail -n +2 "$tmp/out" | awk -F, '{ if ($NF < "2019-01-01") { print "too old: " $0; bad = 1 } } END { exit bad }' ||
    fail "a document before 2019 passed the filter"
"$bin" query --db "$tmp/db" --format csv \
    "MATCH (d:Document) WHERE d.date < date('2019-01-01') RETURN count(d) AS older" >"$tmp/out"
older=$(tail -n 1 "$tmp/out")
[ "$older" -ge 1 ] || fail "expected documents before 2019, got $older"
echo "ok: $rows parks read null with a warning; $recent documents from 2019 on, $older older"
