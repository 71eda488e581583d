#!/usr/bin/env bash
# The command line's promises (docs/cli.md): help everywhere, exit codes, languages,
# diagnostics with file:line:col and a caret, deterministic output.
set -uo pipefail
root="$1"
cd "$root"
fx=tests/e2e/fixtures
fail=0
expect_code() {  # expected-code description command...
  local want=$1 what=$2
  shift 2
  "$@" >/tmp/thidua_e2e_out 2>/tmp/thidua_e2e_err
  local got=$?
  if [ "$got" -ne "$want" ]; then
    echo "FAIL: $what: exit $got, expected $want"
    cat /tmp/thidua_e2e_out /tmp/thidua_e2e_err | head -20
    fail=1
  fi
}
expect_text() {  # file pattern description
  grep -q -- "$2" "$1" || { echo "FAIL: $3: '$2' not found"; head -20 "$1"; fail=1; }
}

for sub in "" check run explain doc; do
  expect_code 0 "--help $sub" "$THIDUA" $sub --help
  expect_text /tmp/thidua_e2e_out "Usage" "help text of '$sub'"
done
expect_code 2 "unknown option" "$THIDUA" run --no-such-option
expect_code 2 "missing subcommand" "$THIDUA"

expect_code 0 "check a clean file" "$THIDUA" check $fx/tiny.thidua
expect_code 1 "check a broken file" "$THIDUA" check $fx/broken.thidua
expect_text /tmp/thidua_e2e_err "broken.thidua:5:23" "diagnostic position"
expect_text /tmp/thidua_e2e_err "tuổi" "did-you-mean suggestion"
expect_text /tmp/thidua_e2e_err "\^\^\^\^" "caret line"
expect_code 1 "check a broken file in English" "$THIDUA" check $fx/broken.thidua --lang en
expect_text /tmp/thidua_e2e_err "did you mean" "English help"
expect_code 1 "missing criteria file" "$THIDUA" check $fx/does-not-exist.thidua

# doc (docs/cli.md): Markdown of each file alone; errors as check reports them.
expect_code 0 "doc a stdlib file" "$THIDUA" doc stdlib/lao_dong_tien_tien.thidua
expect_text /tmp/thidua_e2e_out "^### Danh hiệu \`lao_động_tiên_tiến\`" "doc award heading"
printf 'danh hiệu x "X"\n  tiêu chí "a": \n' >/tmp/thidua_e2e_syntax.thidua
expect_code 1 "doc a file that does not parse" "$THIDUA" doc /tmp/thidua_e2e_syntax.thidua
expect_text /tmp/thidua_e2e_err "thidua_e2e_syntax.thidua:2:16" "doc diagnostic position"
expect_code 0 "doc checks names only with --as-of" "$THIDUA" doc $fx/broken.thidua
expect_code 1 "doc --as-of checks the file" "$THIDUA" doc --as-of 2024-05-31 $fx/broken.thidua
expect_text /tmp/thidua_e2e_err "broken.thidua:5:23" "doc --as-of diagnostic position"
expect_code 1 "doc a missing file" "$THIDUA" doc $fx/does-not-exist.thidua

# --as-of (docs/cli.md): overrides the campaign's `ngày xét`, picks the version in force,
# and a malformed date is a usage error.
pb=tests/golden/explain/phien_ban
expect_code 0 "explain as of the campaign's date" "$THIDUA" explain $pb/rules.thidua -r $pb/records.jsonl --id B1 --award lao_động_tiên_tiến
expect_text /tmp/thidua_e2e_out "Phiên bản: hiệu lực từ 01/01/2024, áp dụng tại ngày xét 31/05/2024" "version applied"
expect_code 0 "explain as of 2023-12-31" "$THIDUA" explain $pb/rules.thidua -r $pb/records.jsonl --id B1 --award lao_động_tiên_tiến --as-of 2023-12-31 --lang en
expect_text /tmp/thidua_e2e_out "Version: in force from 2017-10-01 to 2023-12-31, applied as of 2023-12-31" "older version applied"
expect_code 1 "check as of a day in no version" "$THIDUA" check $pb/rules.thidua --as-of 30/9/2017
expect_text /tmp/thidua_e2e_err "check.no_version_in_force\|không có phiên bản nào" "no version in force"
expect_code 2 "malformed --as-of" "$THIDUA" run $pb/rules.thidua -r $pb/records.jsonl --as-of 2024-02-30

expect_code 0 "run as table" "$THIDUA" run $fx/tiny.thidua --records $fx/tiny.jsonl
cp /tmp/thidua_e2e_out /tmp/thidua_e2e_first
expect_code 0 "run again" "$THIDUA" run $fx/tiny.thidua --records $fx/tiny.jsonl
cmp -s /tmp/thidua_e2e_first /tmp/thidua_e2e_out || { echo "FAIL: two runs differ"; fail=1; }
expect_code 0 "run as csv" "$THIDUA" run $fx/tiny.thidua --records $fx/tiny.jsonl --format csv --lang en
expect_text /tmp/thidua_e2e_out "A3,.*,excluded," "csv outcome"
expect_text /tmp/thidua_e2e_out "A4,.*,not_decidable," "csv not decidable"
expect_code 0 "run as json" "$THIDUA" run $fx/tiny.thidua --records $fx/tiny.jsonl --format json
expect_text /tmp/thidua_e2e_out '"outcome": "passed"' "json outcome"
expect_code 3 "missing records" "$THIDUA" run $fx/tiny.thidua --records $fx/none.jsonl

expect_code 0 "explain" "$THIDUA" explain $fx/tiny.thidua --records $fx/tiny.jsonl --id A2
expect_text /tmp/thidua_e2e_out "cần thêm 1 lần hiến máu" "gap in the explanation"
expect_code 0 "explain in English as JSON" "$THIDUA" explain $fx/tiny.thidua --records $fx/tiny.jsonl --id A2 --format json
expect_text /tmp/thidua_e2e_out '"first_reason"' "json explanation"
expect_code 4 "explain an unknown id" "$THIDUA" explain $fx/tiny.thidua --records $fx/tiny.jsonl --id ZZZ
expect_code 4 "explain an unknown award" "$THIDUA" explain $fx/tiny.thidua --records $fx/tiny.jsonl --id A1 --award nope

# A quota: the outcome outside it in every format, and its rank in the explanation.
q=tests/golden/explain/chi_tieu_xep_hang
expect_code 0 "quota as table" "$THIDUA" run $q/rules.thidua --records $q/records.jsonl
expect_text /tmp/thidua_e2e_out "A3 .*đủ điều kiện nhưng ngoài chỉ tiêu  hạng 3, ngoài 2 suất của chỉ tiêu" "table outside the quota"
expect_text /tmp/thidua_e2e_err "đủ điều kiện nhưng ngoài chỉ tiêu" "summary counts outside the quota"
expect_code 0 "quota as csv" "$THIDUA" run $q/rules.thidua --records $q/records.jsonl --format csv --lang en
expect_text /tmp/thidua_e2e_out "A3,.*,outside_quota,\"rank 3, after the quota's 2 slots\"" "csv outside the quota"
expect_code 0 "quota as json" "$THIDUA" run $q/rules.thidua --records $q/records.jsonl --format json
expect_text /tmp/thidua_e2e_out '"outcome": "outside_quota"' "json outside the quota"
expect_code 0 "explain outside the quota" "$THIDUA" explain $q/rules.thidua --records $q/records.jsonl --id A3 --award giấy_khen --lang en
expect_text /tmp/thidua_e2e_out "25% × 8 = 2 → 2 slots (rounded down)" "quota arithmetic"
expect_text /tmp/thidua_e2e_out "decided against A2 by “tuyến_đầu trước”" "deciding comparator"

[ $fail -eq 0 ] && echo "cli contract: all checks passed"
exit $fail
