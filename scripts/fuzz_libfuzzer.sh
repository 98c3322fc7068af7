#!/usr/bin/env bash
# Builds the libFuzzer targets in build-fuzz/ (clang 14, ASan+UBSan, xtensor backend only:
# LibTorch and MLX are not built with the sanitizers) and runs each for a fixed time and seed
# from the seed corpus in tests/fuzz/corpus/. Fails on any crash, leak, timeout or sanitizer
# report not listed in tests/fuzz/known_findings.txt (tests/fuzz/libfuzzer_report.py).
#   bash scripts/fuzz_libfuzzer.sh [SECONDS per target, default 30] [SEED, default 1]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
seed="${2:-1}"

export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DIVY_BUILD_FUZZERS=ON -DIVY_BACKEND_TORCH=OFF -DIVY_BACKEND_MLX=OFF -DIVY_BACKEND_TENSORFLOW=OFF -DIVY_BACKEND_MXNET=OFF -DIVY_BACKEND_XLA=OFF -DIVY_BUILD_TESTS=OFF \
  -DIVY_BUILD_APPS=OFF >/dev/null
cmake --build build-fuzz --target fuzz_hdf5_load fuzz_dlpack_import -j "$(nproc)" >/dev/null

export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0
for target in hdf5_load dlpack_import; do
  # New inputs go to a scratch corpus; the committed seed corpus is only read. Fork mode with
  # -ignore_crashes keeps fuzzing past a known crash; every crash input is classified after.
  work="build-fuzz/corpus/$target"
  artifacts="build-fuzz/artifacts/$target"
  rm -rf "$artifacts"
  mkdir -p "$work" "$artifacts"
  log="build-fuzz/fuzz_$target.log"
  build-fuzz/tests/fuzz/fuzz_$target -seed="$seed" -max_total_time="$seconds" -fork=1 \
    -ignore_crashes=1 -ignore_timeouts=0 -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix="$artifacts/" "$work" "tests/fuzz/corpus/$target" >"$log" 2>&1 || true
  # In fork mode the exit status is the last crash's even when crashes are ignored: a run
  # counts as done when it used its time; its crashes are judged by libfuzzer_report.py.
  if ! grep -q "INFO: fuzzed for" "$log"; then
    echo "libfuzzer $target: did not run to its time budget (see $log)"
    status=1
  fi
  echo "libfuzzer $target: $(grep -E '^#[0-9]+: cov' "$log" | tail -1)"
  .venv/bin/python tests/fuzz/libfuzzer_report.py "build-fuzz/tests/fuzz/fuzz_$target" \
    "$artifacts" || status=1
done
exit $status
