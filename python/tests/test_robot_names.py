"""ivycpp.robot, the C++ function list (ivy/robot/function_list.hpp) and docs/robot.md name the
same functions and classes: a function added to one and not the others fails here. A missing
docs/robot.md fails too (it is not skipped)."""
import os
import re

import ivycpp as xp

DOCS = os.path.join(os.path.dirname(__file__), "..", "..", "docs", "robot.md")


def public_names():
    return {n for n in dir(xp.robot) if not n.startswith("_")}


def test_python_module_has_exactly_the_cpp_list():
    cpp = set(xp.robot._cpp_names)
    assert len(cpp) == len(xp.robot._cpp_names), "a name is listed twice"
    assert {"sample_spline_path", "RigidMobile"} <= cpp
    assert cpp - public_names() == set(), "in C++, missing from ivycpp.robot"
    assert public_names() - cpp == set(), "in ivycpp.robot, missing from C++"


def test_docs_name_every_function():
    assert os.path.isfile(DOCS), f"{os.path.normpath(DOCS)} is missing"
    with open(DOCS) as f:
        text = f.read()
    documented = set(re.findall(r"`([A-Za-z_][A-Za-z0-9_]*)[(`]", text))
    assert set(xp.robot._cpp_names) - documented == set()
