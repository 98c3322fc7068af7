#!/usr/bin/env bash
# Builds the XLA PJRT probe (research code, not built by CI).
#   bash scripts/xla_probe/build.sh          -> scripts/xla_probe/probe
#   bash scripts/xla_probe/build.sh torch    -> also probe_torch (links Debian's LibTorch)
# The plugin comes from: pip install --no-deps --target /work/xla-deps xla-cpu-pjrt==0.0.1
# (XLA_DEPS overrides that folder). Only its header pjrt_c_api.h is used at build time; the
# .so is dlopen'ed at run time (XLA_PJRT_PLUGIN overrides its path).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
deps="${XLA_DEPS:-/work/xla-deps}"
inc="$deps/xla_plugins/xla_cpu_pjrt/include"
[ -f "$inc/pjrt_c_api.h" ] || { echo "no $inc/pjrt_c_api.h: install the wheel first" >&2; exit 1; }
g++ -std=c++20 -O2 -Wall -Wextra -isystem "$inc" "$here/probe.cpp" -o "$here/probe" -ldl -pthread
if [ "${1:-}" = torch ]; then
  g++ -std=c++20 -O2 -DPROBE_TORCH -isystem "$inc" -isystem /usr/include/torch/csrc/api/include \
    "$here/probe.cpp" -o "$here/probe_torch" -Wl,--no-as-needed -ltorch -ltorch_cpu -lc10 \
    -Wl,--as-needed -ldl -pthread
fi
