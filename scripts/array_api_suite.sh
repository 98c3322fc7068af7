#!/usr/bin/env bash
# Runs the Array API standard's test suite (data-apis/array-api-tests) against ivycpp on one
# backend and prints the pass counts (docs/array_api.md). A manual measurement, not part of CI:
# the suite is not on PyPI, so it needs a checkout of its commit 55fcc60 with submodules.
#   bash scripts/array_api_suite.sh BACKEND SUITE_DIR [MAX_EXAMPLES] [extra pytest args]
# The suite's dependencies go into .venv (pinned); the two patches it needs for a library
# without complex dtypes (scripts/array_api_tests.patch) are applied once to SUITE_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
backend="${1:?backend name (torch, xtensor, mlx)}"
suite="$(cd "${2:?path of the array-api-tests checkout}" && pwd)"
examples="${3:-100}"
shift $(($# < 3 ? $# : 3))
repo="$PWD"

bash scripts/test_python.sh >/dev/null  # builds build/python/ivycpp (and .venv)
.venv/bin/python -c "import hypothesis, ndindex, pytest_jsonreport" 2>/dev/null ||
  .venv/bin/pip install -q hypothesis==6.170.15 ndindex==1.10.1 pytest-json-report==1.5.0
if git -C "$suite" apply --check "$repo/scripts/array_api_tests.patch" 2>/dev/null; then
  git -C "$suite" apply "$repo/scripts/array_api_tests.patch"
fi

report="$repo/build/array_api_${backend}.json"
cd "$suite" && rm -rf .hypothesis
PYTHONPATH="$repo/build/python" ARRAY_API_TESTS_VERSION=2023.12 \
  ARRAY_API_TESTS_SKIP_DTYPES=complex64,complex128 \
  ARRAY_API_TESTS_MODULE="exec('import ivycpp as xp; xp.set_framework(\"$backend\")')" \
  "$repo/.venv/bin/python" -m pytest array_api_tests -q -p no:cacheprovider \
  --max-examples "$examples" --disable-deadline --derandomize \
  --json-report --json-report-file="$report" "$@" | tail -3 || true
"$repo/.venv/bin/python" - "$report" <<'EOF'
import collections, json, sys
tests = json.load(open(sys.argv[1]))["tests"]
print(dict(collections.Counter(t["outcome"] for t in tests)), "of", len(tests))
for t in tests:
    if t["outcome"] == "failed" and "test_special_cases.py::test_unary" not in t["nodeid"]:
        print("  failed:", t["nodeid"])
EOF
