#!/usr/bin/env bash
# Builds the library and every test binary, then runs the whole suite with ctest.
#   bash scripts/test.sh              Release build in build/, all backends found
#   bash scripts/test.sh --sanitize   ASan+UBSan build in build-asan/ (xtensor and stub)
# The plain run also builds the Python extension in build/ and runs its pytest suite
# (scripts/test_python.sh); the sanitized run leaves Python out (the interpreter is not
# built with the sanitizers).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

build=build
args=(-DCMAKE_BUILD_TYPE=Release)
if [[ "${1:-}" == "--sanitize" ]]; then
  build=build-asan
  # LibTorch, MLX, TensorFlow, MXNet and XLA are not built with the sanitizers, so the sanitized
  # run covers xtensor and stub.
  args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DIVY_SANITIZE=ON -DIVY_BACKEND_TORCH=OFF -DIVY_BACKEND_MLX=OFF
    -DIVY_BACKEND_TENSORFLOW=OFF -DIVY_BACKEND_MXNET=OFF -DIVY_BACKEND_XLA=OFF)
fi

export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
jobs=$(nproc)
cmake -S . -B "$build" -G Ninja "${args[@]}" >/dev/null
start=$(date +%s)
cmake --build "$build" -j "$jobs"
echo "build: $(( $(date +%s) - start )) s"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# XLA's compiled kernels, shared by the test processes (and kept for the next run): docs/xla.md.
export IVY_XLA_CACHE_DIR="${IVY_XLA_CACHE_DIR:-$PWD/$build/xla_cache}"
ctest --test-dir "$build" --output-on-failure -j "$jobs"
if [[ "$build" == build ]]; then
  bash scripts/test_python.sh "$build"
fi
