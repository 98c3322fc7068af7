#pragma once
// The sort kernels of the xla backend (manipulation_sort.cpp), for the manipulation table.
#include "ivy/core/array.hpp"

namespace ivy::backends::xla_impl {

/** Stable sort along axis: NaN last ascending, first descending (ties keep their order). */
Array sort(const Array& x, int axis, bool descending);
/** int64 positions of sort(x, axis, descending) along axis. */
Array argsort(const Array& x, int axis, bool descending);

}  // namespace ivy::backends::xla_impl
