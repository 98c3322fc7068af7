#!/usr/bin/env bash
# The main job: builds the library and ivy-drone, the paper's motion-planning showcase, and runs
# it on the default backend: a drone's path through a room of obstacles optimised by gradient
# descent until it is collision-free. Writes ivy_drone.png in the repository root. Options go to
# the program (bash scripts/demo.sh --backend all, --help for the list).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$(nproc)" --target ivy-drone
./build/apps/ivy-drone "$@"
