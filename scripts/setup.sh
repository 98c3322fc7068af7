#!/usr/bin/env bash
# Installs every dependency of the build, tests and benchmarks (Debian packages, and MLX from
# PyPI into .venv). Idempotent: returns in about a second when everything is present.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build ccache clang-format
  libtorch-dev libxtensor-dev libxtensor-blas-dev libxsimd-dev libdlpack-dev libopenblas-dev
  libgtest-dev libgmock-dev libbenchmark-dev nlohmann-json3-dev libpng-dev libhdf5-dev libcairo2-dev
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

# MLX comes from PyPI: the mlx[cpu] wheel (headers, libmlx.so and a CMake package) goes into the
# project's own virtual environment, where CMake looks for it (see CMakeLists.txt).
MLX_VERSION=0.32.4
VENV="$(cd "$(dirname "$0")/.." && pwd)/.venv"
if [[ -f "$VENV/mlx-$MLX_VERSION.installed" ]]; then
  echo "setup: mlx $MLX_VERSION present in .venv"
else
  echo "setup: installing mlx[cpu]==$MLX_VERSION into .venv"
  [[ -x "$VENV/bin/python" ]] || python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "mlx[cpu]==$MLX_VERSION"
  touch "$VENV/mlx-$MLX_VERSION.installed"
fi
