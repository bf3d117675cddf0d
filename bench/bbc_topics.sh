#!/usr/bin/env bash
# Events per article on the BBC News corpus, by category, as a report (not a test): sport and
# entertainment stories should give almost no political events (aim: at most one per twenty
# articles), politics and world-facing business stories should give many. Each article is coded
# by `tern code` with tern's own dictionaries and parser.
#
# usage: bench/bbc_topics.sh
# env:   TERN_BIN (default build/tern), TERN_SHARED (default ../shared)
set -euo pipefail
cd "$(dirname "$0")/.."
tern=${TERN_BIN:-build/tern}
shared=${TERN_SHARED:-../shared}
bbc=$shared/data/bbc-news/bbc_news.jsonl
[ -x "$tern" ] || { echo "bench: build first (scripts/build)" >&2; exit 1; }
[ -r "$bbc" ] || { echo "bench: missing $bbc" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$tern" code -q --input jsonl -j 2 -o "$work/events.jsonl" "$bbc"

python3 - "$bbc" "$work/events.jsonl" <<'PY'
import json, sys
from collections import Counter, defaultdict
bbc, events = sys.argv[1:3]
category = {}
for line in open(bbc, encoding="utf-8"):
    r = json.loads(line)
    category[r["id"]] = r["category"]
articles = Counter(category.values())
n_events = Counter()
with_events = defaultdict(set)
for line in open(events, encoding="utf-8"):
    e = json.loads(line)
    c = category.get(e["article_id"], "?")
    n_events[c] += 1
    with_events[c].add(e["article_id"])
print(f"{'category':<14} {'articles':>8} {'events':>7} {'per article':>12} {'articles with an event':>23}")
for c in sorted(articles):
    a, n = articles[c], n_events[c]
    print(f"{c:<14} {a:>8} {n:>7} {n / a:>12.3f} {len(with_events[c]):>23}")
sport_ent = [c for c in articles if c in ("sport", "entertainment")]
a = sum(articles[c] for c in sport_ent)
n = sum(n_events[c] for c in sport_ent)
print(f"sport + entertainment: {n} events in {a} articles, one per {a / n:.1f} articles" if n
      else f"sport + entertainment: no events in {a} articles")
PY
