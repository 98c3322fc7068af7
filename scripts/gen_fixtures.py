#!/usr/bin/env python3
"""Writes tests/data/<family>.json from scripts/fixtures/<family>.py with NumPy.

Each family module defines cases() returning a list of case dicts built with the helpers in
scripts/fixtures/common.py. The output is checked in; the C++ test build needs no Python.
Run: python3 scripts/gen_fixtures.py [family ...]
"""
import importlib
import json
import pathlib
import sys

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "fixtures"))

import common  # noqa: E402  (after the path set-up)

FAMILIES = sorted(p.stem for p in (ROOT / "fixtures").glob("*.py") if p.stem != "common")


def main(argv):
    wanted = argv[1:] or FAMILIES
    out_dir = ROOT.parent / "tests" / "data"
    out_dir.mkdir(parents=True, exist_ok=True)
    for family in wanted:
        # Every family starts from the same generator state, so that its fixtures do not depend
        # on which families ran before it in this process.
        common.RNG.bit_generator.state = np.random.default_rng(common.SEED).bit_generator.state
        module = importlib.import_module(f"fixtures.{family}")
        cases = module.cases()
        ids = [c["id"] for c in cases]
        dupes = {i for i in ids if ids.count(i) > 1}
        if dupes:
            raise SystemExit(f"{family}: duplicate case ids {sorted(dupes)}")
        doc = {"family": family, "generator": "scripts/gen_fixtures.py", "cases": cases}
        path = out_dir / f"{family}.json"
        path.write_text(json.dumps(doc, indent=None, separators=(",", ":"), allow_nan=False) + "\n")
        print(f"{path.relative_to(ROOT.parent)}: {len(cases)} cases")


if __name__ == "__main__":
    main(sys.argv)
