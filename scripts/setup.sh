#!/usr/bin/env bash
# Installs every dependency of the build, tests and benchmarks (Debian packages, and MLX and
# TensorFlow from PyPI into .venv). Idempotent: returns in about a second when everything is present.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build ccache clang-format
  libtorch-dev libxtensor-dev libxtensor-blas-dev libxsimd-dev libdlpack-dev libopenblas-dev
  libgtest-dev libgmock-dev libbenchmark-dev nlohmann-json3-dev libpng-dev libhdf5-dev libcairo2-dev
  libcli11-dev libgif-dev
  clang-14 libclang-rt-14-dev
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

# Python packages go into the project's own virtual environment: MLX (the mlx[cpu] wheel
# carries headers, libmlx.so and a CMake package; CMake looks for it there, see CMakeLists.txt)
# h5py with NumPy (the Container tests read our HDF5 files back with h5py), and what the Python
# package ivycpp is built and tested with (nanobind, scikit-build-core, pytest; einops, whose
# own answers the einops tests compare against; gymnasium, whose env_checker the ivycpp.gym
# adapter is tested with). A marker file
# named after the pinned list makes the second run instant.
VENV_PACKAGES=("mlx[cpu]==0.32.4" "numpy==2.4.6" "h5py==3.16.0" "nanobind==3.1.0"
  "scikit-build-core==1.1.2" "pytest==9.2.0" "einops==0.8.2" "gymnasium==1.4.0")
VENV="$(cd "$(dirname "$0")/.." && pwd)/.venv"
MARKER="$VENV/installed-$(echo "${VENV_PACKAGES[*]}" | md5sum | cut -c1-12)"
if [[ -f "$MARKER" ]]; then
  echo "setup: ${VENV_PACKAGES[*]} present in .venv"
else
  echo "setup: installing ${VENV_PACKAGES[*]} into .venv"
  [[ -x "$VENV/bin/python" ]] || python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "${VENV_PACKAGES[@]}"
  touch "$MARKER"
fi

# TensorFlow's C API (the tensorflow backend, docs/tensorflow.md) comes from the tensorflow-cpu
# wheel: the backend needs only its two shared libraries and headers, none of its Python
# dependencies, hence --no-deps (and its own marker). Set IVY_SKIP_TENSORFLOW=1 to leave it out.
TF_WHEEL="tensorflow-cpu==2.21.0"
TF_MARKER="$VENV/installed-$(echo "$TF_WHEEL" | md5sum | cut -c1-12)"
if [[ "${IVY_SKIP_TENSORFLOW:-0}" == 1 ]]; then
  echo "setup: IVY_SKIP_TENSORFLOW=1, $TF_WHEEL not installed"
elif [[ -f "$TF_MARKER" ]]; then
  echo "setup: $TF_WHEEL present in .venv"
else
  echo "setup: installing $TF_WHEEL (C API only, --no-deps) into .venv"
  start=$(date +%s)
  "$VENV/bin/pip" install --quiet --disable-pip-version-check --no-deps "$TF_WHEEL"
  touch "$TF_MARKER"
  echo "setup: $TF_WHEEL installed in $(( $(date +%s) - start )) s"
fi

# MXNet's C library (the mxnet backend, docs/mxnet.md): the last release, 1.9.1 (the project is
# retired). Its Python side pins numpy<2, so the wheel goes without dependencies into a folder of
# its own, .deps/mxnet, where CMake looks for mxnet/libmxnet.so. IVY_SKIP_MXNET=1 leaves it out.
MX_WHEEL="mxnet==1.9.1"
MX_DIR="$(cd "$(dirname "$0")/.." && pwd)/.deps/mxnet"
MX_MARKER="$MX_DIR/installed-$(echo "$MX_WHEEL" | md5sum | cut -c1-12)"
if [[ "${IVY_SKIP_MXNET:-0}" == 1 ]]; then
  echo "setup: IVY_SKIP_MXNET=1, $MX_WHEEL not installed"
elif [[ -f "$MX_MARKER" ]]; then
  echo "setup: $MX_WHEEL present in .deps/mxnet"
else
  echo "setup: installing $MX_WHEEL (C library only, --no-deps) into .deps/mxnet"
  start=$(date +%s)
  "$VENV/bin/pip" install --quiet --disable-pip-version-check --no-deps --upgrade --target "$MX_DIR" "$MX_WHEEL"
  touch "$MX_MARKER"
  echo "setup: $MX_WHEEL installed in $(( $(date +%s) - start )) s"
fi

# XLA's CPU PJRT plugin (the xla backend, docs/xla.md): xla-cpu-pjrt 0.0.1 ships the plugin
# (xla_cpu_pjrt.so, loaded at run time) and pjrt_c_api.h, nothing else; it goes into a folder of
# its own, .deps/xla, where CMake looks for it. IVY_SKIP_XLA=1 leaves it out.
XLA_WHEEL="xla-cpu-pjrt==0.0.1"
XLA_DIR="$(cd "$(dirname "$0")/.." && pwd)/.deps/xla"
XLA_MARKER="$XLA_DIR/installed-$(echo "$XLA_WHEEL" | md5sum | cut -c1-12)"
if [[ "${IVY_SKIP_XLA:-0}" == 1 ]]; then
  echo "setup: IVY_SKIP_XLA=1, $XLA_WHEEL not installed"
elif [[ -f "$XLA_MARKER" ]]; then
  echo "setup: $XLA_WHEEL present in .deps/xla"
else
  echo "setup: installing $XLA_WHEEL (the PJRT plugin, --no-deps) into .deps/xla"
  start=$(date +%s)
  "$VENV/bin/pip" install --quiet --disable-pip-version-check --no-deps --upgrade --target "$XLA_DIR" "$XLA_WHEEL"
  touch "$XLA_MARKER"
  echo "setup: $XLA_WHEEL installed in $(( $(date +%s) - start )) s"
fi
