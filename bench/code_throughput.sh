#!/usr/bin/env bash
# End-to-end coding throughput of `tern code` on raw news: the Reuters-21578 JSON Lines from
# ../shared (21.9 MB, about 19,000 articles), read, cleaned, split, tokenized, tagged, parsed,
# coded with tern's own dictionaries and written as JSONL. Reports the median wall time of RUNS
# runs (hyperfine) with one thread and with -j 2, and sentences/s and events/s for each; the
# output must be identical for both thread counts (checked).
# Target (issue 5): at least 1,500 sentences/s per core, and -j 2 faster than -j 1.
#
#   bench/code_throughput.sh          RUNS=3 by default
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
tern=${TERN_BIN:-build/tern}
shared=${TERN_SHARED:-../shared}
input=$shared/data/reuters21578/reuters21578.jsonl
[ -r "$input" ] || { echo "bench: $input not found (set TERN_SHARED)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$tern" code -j 1 "$input" -o "$work/one.jsonl" 2>"$work/summary.txt"
"$tern" code -j 2 "$input" -o "$work/two.jsonl" 2>/dev/null
cmp -s "$work/one.jsonl" "$work/two.jsonl" || { echo "bench: -j 1 and -j 2 outputs differ" >&2; exit 1; }
sentences=$(sed -n 's/.* \([0-9]*\) sentences,.*/\1/p' "$work/summary.txt" | tail -1)
events=$(wc -l < "$work/one.jsonl")
for j in 1 2; do
  hyperfine --warmup 0 --runs "$runs" --export-json "$work/j$j.json" \
    "$tern code -q -j $j $input -o $work/out.jsonl" 2>&1 | grep -v "^ *$"
done
for j in 1 2; do
  median=$(python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$work/j$j.json")
  awk -v j="$j" -v t="$median" -v s="$sentences" -v e="$events" 'BEGIN {
    printf "-j %d: median %.2f s, %d sentences (%.0f sentences/s), %d events (%.0f events/s)\n",
           j, t, s, s / t, e, e / t }'
done
