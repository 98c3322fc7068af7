"""Each library module (ivycpp.vision, ivycpp.robot, ivycpp.gym), its C++ function list
(ivy/<library>/function_list.hpp, exported as the module's _cpp_names) and its page
docs/<library>.md name the same functions and classes: a function added to one and not the
others fails here, and so does a missing page."""
import os
import re

import pytest

import ivycpp as xp

DOCS = os.path.join(os.path.dirname(__file__), "..", "..", "docs")
LIBRARIES = {"vision": {"cuboid_signed_distances", "Intrinsics"},
             "robot": {"sample_spline_path", "RigidMobile"},
             "gym": {"CartPole", "Env"}}


@pytest.mark.parametrize("library", sorted(LIBRARIES))
def test_python_module_has_exactly_the_cpp_list(library):
    module = getattr(xp, library)
    cpp = set(module._cpp_names)
    # What a module's Python half adds on purpose (ivycpp.gym's GymnasiumEnv) is no C++ name.
    python_only = set(getattr(module, "_python_names", ()))
    public = {n for n in dir(module) if not n.startswith("_")} - python_only
    assert python_only & cpp == set(), "a Python-only name is also in the C++ list"
    assert len(cpp) == len(module._cpp_names), "a name is listed twice"
    assert LIBRARIES[library] <= cpp
    assert cpp - public == set(), f"in C++, missing from ivycpp.{library}"
    assert public - cpp == set(), f"in ivycpp.{library}, missing from C++"


@pytest.mark.parametrize("library", sorted(LIBRARIES))
def test_docs_name_every_function(library):
    page = os.path.join(DOCS, f"{library}.md")
    assert os.path.isfile(page), f"{os.path.normpath(page)} is missing"
    with open(page) as f:
        documented = set(re.findall(r"`([A-Za-z_][A-Za-z0-9_]*)[(`]", f.read()))
    assert set(getattr(xp, library)._cpp_names) - documented == set()
