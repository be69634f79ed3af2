#!/usr/bin/env bash
# Builds the libFuzzer target (clang, AddressSanitizer + UBSan, in build/fuzz) and fuzzes the bundle
# reader for SECONDS (default 25), seeded from the sample bundles. Findings land in build/fuzz/findings/.
#   scripts/fuzz.sh [SECONDS] [extra libFuzzer flags...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-25}"
shift || true
build="$root/build/fuzz"
if [ ! -f "$build/CMakeCache.txt" ]; then
  CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCERTIF_FUZZ=ON >/dev/null
fi
cmake --build "$build" --target bundle_fuzz -j "$(nproc 2>/dev/null || echo 2)"

# A working corpus of its own (grows as the fuzzer finds new paths), seeded with the small samples;
# the large one would only slow each run down.
corpus="$build/corpus"
mkdir -p "$corpus" "$build/findings"
cp "$root/assets/samples/complete.json" "$root/assets/samples/incomplete.json" "$corpus/"
status=0
"$build/bundle_fuzz" "$corpus" -dict="$root/tests/fuzz/bundle.dict" -max_total_time="$seconds" \
  -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$build/findings/" "$@" >"$build/fuzz.log" 2>&1 || status=$?
if [ "$status" -ne 0 ]; then
  tail -n 60 "$build/fuzz.log"
  echo "fuzz: FAILED (exit $status); the input is in $build/findings/, the log in $build/fuzz.log" >&2
  exit "$status"
fi
# The summary; the per-mutation log stays in build/fuzz/fuzz.log.
grep -E '^(Done|stat::)' "$build/fuzz.log"
