#!/usr/bin/env bash
# CI (docs/reliability.md): three builds, each in its own directory.
#  1. build-asan: the whole test suite under AddressSanitizer and UndefinedBehaviorSanitizer;
#  2. build-fuzz: the libFuzzer targets (clang), each fuzzed for THIDUA_FUZZ_SECONDS
#     (60) after replaying every saved finding;
#  3. build: the normal build and its test suite, last, so CTest's summary closes the output.
# Every step runs even when an earlier one failed; the exit status is non-zero if any did.
set -uo pipefail
cd "$(dirname "$0")/.."
jobs=${THIDUA_JOBS:-2}
seconds=${THIDUA_FUZZ_SECONDS:-60}
failed=()
started=$SECONDS

step() {  # NAME COMMAND...: runs one step, remembers a failure
  local name=$1
  shift
  echo "== $name"
  "$@" || { echo "== $name: FAILED"; failed+=("$name"); }
}

asan() {
  cmake -S . -B build-asan -G Ninja -DTHIDUA_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" &&
    cmake --build build-asan -j "$jobs" &&
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      ctest --test-dir build-asan --output-on-failure -j "$jobs"
}

fuzz() {
  cmake -S . -B build-fuzz -G Ninja -DTHIDUA_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++-14 \
        -DTHIDUA_FUZZ_SECONDS="$seconds" &&
    cmake --build build-fuzz -j "$jobs" --target fuzz_criteria fuzz_csv fuzz_json &&
    ctest --test-dir build-fuzz -R '^fuzz\.' --output-on-failure -j "$jobs"
}

normal() {
  cmake -S . -B build -G Ninja && cmake --build build -j "$jobs" && ctest --test-dir build --output-on-failure
}

step "sanitizers (build-asan)" asan
step "fuzz smoke (build-fuzz)" fuzz
echo "== ${#failed[@]} earlier step(s) failed${failed[*]:+: ${failed[*]}}; sanitizers and fuzzing took $((SECONDS - started)) s"
step "test suite (build)" normal
[ ${#failed[@]} -eq 0 ]
