// Case handlers of the conversion family (fixtures: scripts/fixtures/conversion.py). The
// property-style functions (to_vector, shape, to_backend...) are in tests/props/conversion.cpp.
#include <string>

#include "support/cases.hpp"

IVY_CASE(cast) { return {ivy::cast(c.in(0), ivy::dtype_from_name(c.param<std::string>("to")))}; }
