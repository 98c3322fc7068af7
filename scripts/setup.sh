#!/usr/bin/env bash
# Installs every dependency of the build, tests and benchmarks (Debian packages). Idempotent:
# returns in about a second when everything is present.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build ccache clang-format
  libtorch-dev libxtensor-dev libxtensor-blas-dev libxsimd-dev libdlpack-dev libopenblas-dev
  libgtest-dev libgmock-dev libbenchmark-dev nlohmann-json3-dev libpng-dev libhdf5-dev
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: all ${#PACKAGES[@]} packages present"
fi
