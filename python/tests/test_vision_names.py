"""ivycpp.vision, the C++ function list (ivy/vision/function_list.hpp) and docs/vision.md name
the same functions and classes: a function added to one and not the others fails here."""
import os
import re

import ivycpp as xp

DOCS = os.path.join(os.path.dirname(__file__), "..", "..", "docs", "vision.md")


def public_names():
    return {n for n in dir(xp.vision) if not n.startswith("_")}


def test_python_module_has_exactly_the_cpp_list():
    cpp = set(xp.vision._cpp_names)
    assert len(cpp) == len(xp.vision._cpp_names), "a name is listed twice"
    assert cpp - public_names() == set(), "in C++, missing from ivycpp.vision"
    assert public_names() - cpp == set(), "in ivycpp.vision, missing from C++"


def test_docs_table_names_every_function():
    text = open(DOCS).read()
    documented = set(re.findall(r"`([A-Za-z_][A-Za-z0-9_]*)[(`]", text))
    assert set(xp.vision._cpp_names) - documented == set()
