#!/usr/bin/env bash
# The PETRARCH unit-test records (../shared, read in place) coded from their <Text> with tern's
# own tokenizer, tagger and parser instead of their <Parse> (tern validate --reparse): at least
# FLOOR of the 279 active records must pass (85% is 238).
set -u
FLOOR=238
records="${TERN_SHARED:-../shared}/data/petrarch2/text/PETR.UnitTest.records.xml"
if [ ! -r "$records" ]; then
  echo "skipped: $records is not present"
  exit 77
fi
out=$("$TERN_BIN" validate --reparse "$records" 2>&1)
summary=$(printf '%s\n' "$out" | awk '$1 == "all" {print $2, $3}')
if [ -z "$summary" ]; then
  printf '%s\n' "$out"
  echo "FAIL: no summary line from tern validate --reparse"
  exit 1
fi
read -r passed total <<<"$summary"
printf '%s\n' "$out" | grep '^FAIL' || true
echo "passed $passed of $total (floor $FLOOR)"
[ "$total" -eq 279 ] || { echo "FAIL: expected 279 active records, saw $total"; exit 1; }
[ "$passed" -ge "$FLOOR" ] || { echo "FAIL: below the floor"; exit 1; }
exit 0
