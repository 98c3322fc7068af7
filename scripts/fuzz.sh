#!/usr/bin/env bash
# Runs the fuzzers (docs/reliability.md): the Python fuzzer of the ivycpp namespace on each
# backend, then the libFuzzer targets (HDF5 loader, DLPack import; xtensor, ASan+UBSan).
#   bash scripts/fuzz.sh                          CI budget: 60 s per backend, 30 s per target
#   bash scripts/fuzz.sh --minutes 10 --backend torch     a long run of one backend
#   bash scripts/fuzz.sh --python-only | --libfuzzer-only   one kind
# Fixed seed (--seed, default 1). Fails on any finding not in tests/fuzz/known_findings.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

py_seconds=60
lf_seconds=30
seed=1
backends=()
python=1
libfuzzer=1
while (($#)); do
  case "$1" in
    --minutes) py_seconds=$(($2 * 60)); lf_seconds=$(($2 * 60)); shift ;;
    --seconds) py_seconds=$2; lf_seconds=$2; shift ;;
    --backend) backends+=(--backend "$2"); shift ;;
    --seed) seed=$2; shift ;;
    --python-only) libfuzzer=0 ;;
    --libfuzzer-only) python=0 ;;
    *) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

bash scripts/setup.sh >/dev/null
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
status=0

if ((python)); then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DIVY_BUILD_PYTHON=ON \
    -DPython_EXECUTABLE="$PWD/.venv/bin/python" >/dev/null
  cmake --build build --target _ivycpp -j "$(nproc)" >/dev/null
  .venv/bin/python tests/fuzz/python_fuzz.py --seconds "$py_seconds" --seed "$seed" \
    "${backends[@]}" || status=1
fi

if ((libfuzzer)); then
  bash scripts/fuzz_libfuzzer.sh "$lf_seconds" "$seed" || status=1
fi
exit $status
