#!/usr/bin/env bash
# Builds the Python extension ivycpp in a CMake build tree (IVY_BUILD_PYTHON=ON; the library
# target is shared with the C++ build) and runs its pytest suite against NumPy.
#   bash scripts/test_python.sh [build-dir]     default: build
# `pip install .` builds the same extension into a wheel instead (docs/python.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

VENV="$PWD/.venv"
PY_DEPS=(nanobind==3.1.0 scikit-build-core==1.1.2 pytest==9.2.0 numpy==2.4.6)
stamp="$VENV/python-deps-$(echo "${PY_DEPS[*]}" | md5sum | cut -c1-8).installed"
if [[ -f "$stamp" ]]; then
  echo "test_python: ${PY_DEPS[*]} present in .venv"
else
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "${PY_DEPS[@]}"
  touch "$stamp"
fi

build="${1:-build}"
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DIVY_BUILD_PYTHON=ON \
  -DPython_EXECUTABLE="$VENV/bin/python" >/dev/null
cmake --build "$build" --target _ivycpp -j "$(nproc)"
PYTHONPATH="$PWD/$build/python" "$VENV/bin/python" -m pytest -q -p no:cacheprovider python/tests
