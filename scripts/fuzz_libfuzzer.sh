#!/usr/bin/env bash
# Builds the libFuzzer targets in build-fuzz/ (clang 14, ASan+UBSan, xtensor backend only:
# LibTorch and MLX are not built with the sanitizers) and runs each for a fixed time and seed
# from the seed corpus in tests/fuzz/corpus/. Fails on any crash, leak or sanitizer report.
#   bash scripts/fuzz_libfuzzer.sh [SECONDS per target, default 30] [SEED, default 1]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
seed="${2:-1}"

export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DIVY_BUILD_FUZZERS=ON -DIVY_BACKEND_TORCH=OFF -DIVY_BACKEND_MLX=OFF -DIVY_BUILD_TESTS=OFF \
  -DIVY_BUILD_APPS=OFF >/dev/null
cmake --build build-fuzz --target fuzz_hdf5_load fuzz_dlpack_import -j "$(nproc)" >/dev/null

export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0
for target in hdf5_load dlpack_import; do
  # New inputs go to a scratch corpus; the committed seed corpus is only read.
  work="build-fuzz/corpus/$target"
  artifacts="build-fuzz/artifacts/$target/"
  mkdir -p "$work" "$artifacts"
  log="build-fuzz/fuzz_$target.log"
  if build-fuzz/tests/fuzz/fuzz_$target -seed="$seed" -max_total_time="$seconds" \
    -timeout=10 -rss_limit_mb=4096 -artifact_prefix="$artifacts" -print_final_stats=1 \
    "$work" "tests/fuzz/corpus/$target" >"$log" 2>&1; then
    echo "libfuzzer $target: $(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}') runs in ${seconds} s, no finding"
  else
    status=1
    echo "libfuzzer $target: FINDING (log $log, input in $artifacts)"
    grep -E "ERROR|SUMMARY|runtime error" "$log" | head -5
  fi
done
exit $status
