#pragma once
// Arithmetic of two leaves: unified functions when either is an Array, host arithmetic when
// both are Scalars.
#include "ivy/container.hpp"

namespace ivy::detail {

Leaf leaf_binary(ContainerOp op, const Leaf& a, const Leaf& b);
Leaf leaf_negative(const Leaf& x);

}  // namespace ivy::detail
