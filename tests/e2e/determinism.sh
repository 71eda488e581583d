#!/usr/bin/env bash
# Determinism (docs/reliability.md): the same inputs give byte-identical outputs, run
# after run, and whatever the number of evaluation threads (THIDUA_THREADS=1 vs 2).
# Results (JSON, and CSV in English), the summary and input problems on stderr (in
# Vietnamese and English), and an explanation are all compared byte for byte.
set -uo pipefail
root="$1"
cd "$root"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0

# run TAG RULES RECORDS: every output of one configuration into $work/TAG.*
run() {
  local tag=$1 rules=$2 records=$3
  "$THIDUA" run "$rules" --records "$records" --format json -o "$work/$tag.json" 2>"$work/$tag.json.err"
  echo "exit $?" >>"$work/$tag.json.err"
  "$THIDUA" run "$rules" --records "$records" --format csv --lang en 2>"$work/$tag.en.err" >"$work/$tag.en.out"
  echo "exit $?" >>"$work/$tag.en.err"
}

same() {  # A B: every file of configuration A equals the one of B
  for a in "$work/$1".*; do
    local b="$work/$2${a#"$work/$1"}"
    if ! cmp -s "$a" "$b"; then
      echo "FAIL: $(basename "$a") differs from $(basename "$b") ($3)"
      diff "$a" "$b" | head -10
      fail=1
    fi
  done
}

# A quota'd campaign large enough for two threads to split it (eval::parallel_threshold
# is 20000 participants): the second pass must rank the same whatever the split.
big="$work/quota.jsonl"
awk 'BEGIN { for (i = 0; i < 25000; i++)
  printf "{\"mã\": \"P%d\", \"loại\": \"cá nhân\", \"đơn_vị\": \"U%d\", \"điểm\": %d, \"tuyến_đầu\": %s, \"giới_tính\": \"%s\"}\n",
         i, i % 40, 40 + (i * 7919) % 61, (i % 3 == 0) ? "true" : "false", (i % 2 == 0) ? "Nữ" : "Nam" }' >"$big"

cases=(
  "tests/e2e/fixtures/quota.thidua $big"
  "rules/000_hien_mau/hien_mau_2021.thidua rules/000_hien_mau/records"
  "rules/001_covid_khoai_chau/covid_2021.thidua rules/001_covid_khoai_chau/records.jsonl"
  "tests/e2e/fixtures/tiny.thidua tests/e2e/fixtures/bad_rows"
  "tests/e2e/fixtures/tiny.thidua tests/e2e/fixtures/bad_rows.jsonl"
)
i=0
for c in "${cases[@]}"; do
  set -- $c
  i=$((i + 1))
  run "c$i.first" "$1" "$2"
  run "c$i.again" "$1" "$2"
  same "c$i.first" "c$i.again" "two runs of $2"
  THIDUA_THREADS=1 run "c$i.t1" "$1" "$2"
  THIDUA_THREADS=2 run "c$i.t2" "$1" "$2"
  same "c$i.t1" "c$i.t2" "THIDUA_THREADS=1 vs 2 on $2"
  same "c$i.first" "c$i.t1" "default threads vs 1 on $2"
done
# An explanation, twice.
ex() { "$THIDUA" explain tests/e2e/fixtures/tiny.thidua --records tests/e2e/fixtures/tiny.jsonl --id A1 "$@" 2>&1; }
if [ "$(ex)" != "$(THIDUA_THREADS=2 ex)" ]; then echo "FAIL: explain differs between runs"; fail=1; fi

# The quota'd run really cut someone, and explain shows the rank run gives.
if ! grep -q '"outside_quota"' "$work/c1.t2.json"; then echo "FAIL: the quota'd run has no outside_quota row"; fail=1; fi
want=$(grep -A12 '"id": "P7"' "$work/c1.t1.json" | grep -m1 '"rank"' | tr -dc '0-9')
got=$(THIDUA_THREADS=2 "$THIDUA" explain tests/e2e/fixtures/quota.thidua --records "$big" --id P7 --award giấy_khen --format json | grep -m1 '"rank"' | tr -dc '0-9')
if [ -z "$want" ] || [ "$want" != "$got" ]; then echo "FAIL: explain gives rank '$got' for P7, run gives '$want'"; fail=1; fi

[ "$fail" -eq 0 ] && echo "determinism: ok"
exit $fail
