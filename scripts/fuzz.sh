#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, AddressSanitizer + UBSan, in build/fuzz) — one per reader of
# untrusted bytes: bundle, json_strict, base64, jcs, sniff (content sniffing, image headers, PDF ends,
# ZIP-based documents), zip (the directory reader and inflate), csv, evaluation, file_name (names on disk,
# caseless keys, terminal text) — and fuzzes each for SECONDS (default 10), seeded from
# tests/fuzz/corpus/<target>/. Findings land in build/fuzz/findings/<target>/; the last line per target
# gives its executions.
#   scripts/fuzz.sh [SECONDS] [TARGET...] [-- extra libFuzzer flags...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-10}"
[ $# -gt 0 ] && shift
all=(bundle json_strict base64 jcs sniff zip csv evaluation file_name)
targets=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do targets+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")
build="$root/build/fuzz"
# Configured every time (quick when nothing changed): a build tree from before a target was added must
# learn it before the build names it (make refuses a target its old Makefile does not know).
(cd "$root" && cmake --preset fuzz >/dev/null)  # CMakePresets.json: clang, CERTIF_FUZZ=ON, build/fuzz
cmake --build "$build" --target $(printf '%s_fuzz ' "${targets[@]}") -j "$(nproc 2>/dev/null || echo 2)" >/dev/null

status=0
for t in "${targets[@]}"; do
  # A working corpus of its own (it grows as the fuzzer finds new paths), seeded from the repository.
  corpus="$build/corpus/$t"
  mkdir -p "$corpus" "$build/findings/$t"
  cp "$root/tests/fuzz/corpus/$t/"* "$corpus/"
  dict=()
  [ -f "$root/tests/fuzz/$t.dict" ] && dict=("-dict=$root/tests/fuzz/$t.dict")
  rc=0
  "$build/${t}_fuzz" "$corpus" "${dict[@]}" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$build/findings/$t/" "$@" >"$build/$t.log" 2>&1 || rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$build/$t.log" | tail -n 1)
  if [ "$rc" -ne 0 ]; then
    tail -n 40 "$build/$t.log"
    echo "fuzz $t: FAILED (exit $rc); the input is in $build/findings/$t/, the log in $build/$t.log" >&2
    status=$rc
  else
    printf 'fuzz %-12s %10s executions in %s s, 0 findings\n' "$t" "${runs:-?}" "$seconds"
  fi
done
exit "$status"
