#!/usr/bin/env bash
# Builds the library and ivy-demo, then runs the demo on every backend of the build.
# Writes ivy_demo.png in the repository root (override: bash scripts/demo.sh --out FILE.png).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$(nproc)" --target ivy-demo
./build/apps/ivy-demo "$@"
