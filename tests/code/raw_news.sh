#!/usr/bin/env bash
# What raw news needs beyond the validation suite, end to end through `tern code` with tern's
# own dictionaries and model (both in the repository, so this runs without ../shared): the
# subject of a reported clause, reciprocal compound subjects, clauses inside noun phrases and
# hedged content clauses, speakers of quotations, accusations, names recalled by surname or
# Korean family name, negation, headlines, agents placed in the one state a sentence names
# (police and opposition in Minsk) or, naming none, in the dateline's (SEOUL), but not armed
# groups (militants killed by Israeli troops); "its troops" are the subject's, and the other
# state named after them is the target; a "government" the only named state acts on is left
# unplaced (another state's); "US" in capitals is the United States, "us" is not.
# Each story is written for this test in wire style.
# The expected lines are exact: article, source, target, code, alleged, quoted, headline,
# speaker, mentions, verb. The headline's warning and the body's "on Friday" warning are one
# event, dated Friday.
set -u
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/in.jsonl" <<'EOF'
{"id":"clause-subject","date":"2024-05-02","text":"Russia said on Tuesday that Ukraine had attacked Russian troops in the Kursk region."}
{"id":"reciprocal","date":"2024-05-02","text":"Both Moscow and Pyongyang vowed last year to deepen military relations."}
{"id":"content-clause","date":"2024-05-02","text":"South Korea condemned Russia amid suspicions that Pyongyang has provided artillery shells to Moscow."}
{"id":"quote-speaker","date":"2024-05-02","text":"\"We strongly condemn the Israeli strike,\" the Iranian foreign ministry said."}
{"id":"accused","date":"2024-05-02","text":"The United States accused Iran of attacking commercial ships in the Gulf."}
{"id":"surname","date":"2024-05-02","text":"Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Thursday.\n\nPutin praised Xi for his support."}
{"id":"family-name","date":"2024-05-02","text":"North Korean leader Kim Jong Un sent a message to Vladimir Putin on Thursday.\n\nKim praised Russia for its fight against imperialism."}
{"id":"negated","date":"2024-05-02","text":"Israel did not attack Iran on Friday, officials said."}
{"id":"domestic","date":"2024-05-02","text":"Police arrested opposition leaders in Minsk on Sunday."}
{"id":"not-domestic","date":"2024-05-02","text":"Israeli troops killed three militants on Tuesday."}
{"id":"dateline","date":"2024-05-02","text":"SEOUL (Reuters) - The opposition on Monday accused the government of covering up a bribery scandal."}
{"id":"own-troops","date":"2024-05-02","text":"Syria has again offered its troops to Lebanon."}
{"id":"foreign-government","date":"2024-05-02","text":"The United States urged the government to hold free elections."}
{"id":"us","date":"2024-05-02","text":"The US demanded that Iran release the detained sailors. They told us nothing."}
{"id":"headline","date":"2024-05-02","text":"China warns Japan over Taiwan\n\nBEIJING (Reuters) - China on Friday warned Japan against interfering in Taiwan."}
EOF
cat >"$work/expected.tsv" <<'EOF'
clause-subject	UKR	RUSMIL	190	0	0	0	RUS	1	attacked
reciprocal	RUS	PRK	0312	0	0	0		1	vowed
reciprocal	PRK	RUS	0312	0	0	0		1	vowed
content-clause	KOR	RUS	111	0	0	0		1	condemned
content-clause	PRK	RUS	072	1	0	0		1	provided
quote-speaker	IRNGOV	ISR	111	0	1	0	IRNGOV	1	condemn
accused	USA	IRN	1123	0	0	0		1	accused
surname	RUSGOV	CHNGOV	040	0	0	0		1	met
surname	CHNGOV	RUSGOV	040	0	0	0		1	met
surname	RUSGOV	CHNGOV	051	0	0	0		1	praised
family-name	PRKGOV	RUS	051	0	0	0		1	praised
domestic	BLRCOP	BLROPP	173	0	0	0		1	arrested
not-domestic	ISRMIL	---INS	190	0	0	0		1	killed
dateline	KOROPP	KORGOV	1121	0	0	0		1	accused
own-troops	SYR	LBN	0334	0	0	0		1	offered
foreign-government	USA	---GOV	0241	0	0	0		1	urged
us	USA	IRN	1053	0	0	0		1	demanded
headline	CHN	JPN	130	0	0	0		2	warns
EOF
if ! "$TERN_BIN" code -q --format tsv --input jsonl -o "$work/out.tsv" "$work/in.jsonl"; then
  echo "FAIL: tern code exited non-zero"
  exit 1
fi
# article_id source target code alleged quoted headline speaker mentions verb_text
tail -n +2 "$work/out.tsv" | cut -f2,5,6,9,15,16,18,19,21,28 >"$work/got.tsv"
if ! diff -u "$work/expected.tsv" "$work/got.tsv"; then
  echo "FAIL: events differ from the expected ones (- expected, + got)"
  exit 1
fi
echo "ok: $(wc -l <"$work/got.tsv") events as expected"
