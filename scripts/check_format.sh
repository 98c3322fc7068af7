#!/usr/bin/env bash
# Fails when a C++ file differs from what clang-format (.clang-format) would write.
#   bash scripts/check_format.sh          check
#   bash scripts/check_format.sh --fix    rewrite the files in place
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cpp' '*.hpp')
if [[ "${1:-}" == "--fix" ]]; then
  clang-format -i "${files[@]}"
  exit 0
fi
bad=0
for f in "${files[@]}"; do
  if ! diff -q <(clang-format "$f") "$f" >/dev/null; then
    echo "not formatted: $f"
    bad=1
  fi
done
if ((bad)); then
  echo "run: bash scripts/check_format.sh --fix"
  exit 1
fi
echo "format: ${#files[@]} files clean"
