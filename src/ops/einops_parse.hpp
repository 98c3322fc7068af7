#pragma once
// Parsing of einops patterns and their resolution against a shape. Private to the library.
#include <string_view>
#include <vector>

#include "ivy/core/shape.hpp"
#include "ivy/ops/manipulation.hpp"

namespace ivy::detail {

enum class EinopsOp { rearrange, reduce, repeat };

/**
 * What an einops call does to an array of the shape it was resolved for, as the einops package
 * does it: reshape x to its elementary axes (every named, numbered and ellipsis axis of the
 * left side, groups split), reduce the axes absent on the right, permute the others into the
 * right side's order, insert and broadcast the new axes (repeat), and reshape to the right
 * side's groups.
 */
struct EinopsPlan {
  Shape elementary;              // x's shape with its groups split
  std::vector<int> reduced;      // axes of `elementary` absent on the right (reduce)
  std::vector<int> permutation;  // the kept axes (numbered after the reduction), right order
  Shape expanded;                // right-order elementary axes, 1 at the new ones (repeat)
  Shape broadcast;               // expanded with the new axes' lengths
  Shape result;                  // the right side's groups
  bool adds_axes = false;        // whether broadcast differs from expanded
};

/**
 * Parses pattern ("left -> right") and resolves it for an array of the given shape. ValueError
 * for a malformed pattern, an axis on the wrong side for op, an axis length that is missing,
 * negative, unused or disagrees with (or does not divide) the shape; ShapeError when the rank
 * of shape does not match the left side. The messages name fn, backend, the pattern and shape.
 */
EinopsPlan plan_einops(std::string_view pattern, EinopsOp op, const Shape& shape,
                       const AxesLengths& axes_lengths, std::string_view fn,
                       std::string_view backend);

}  // namespace ivy::detail
