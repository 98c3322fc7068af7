#!/usr/bin/env bash
# Builds the Python extension ivycpp in a CMake build tree (IVY_BUILD_PYTHON=ON; the library
# target is shared with the C++ build) and runs its pytest suite against NumPy.
#   bash scripts/test_python.sh [build-dir]     default: build
# `pip install .` builds the same extension into a wheel instead (docs/python.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

VENV="$PWD/.venv"  # with nanobind, scikit-build-core, pytest and NumPy (scripts/setup.sh)

build="${1:-build}"
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DIVY_BUILD_PYTHON=ON \
  -DPython_EXECUTABLE="$VENV/bin/python" >/dev/null
cmake --build "$build" --target _ivycpp -j "$(nproc)"
PYTHONPATH="$PWD/$build/python" "$VENV/bin/python" -m pytest -q -p no:cacheprovider python/tests
