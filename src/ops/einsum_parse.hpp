#pragma once
// Parsing and checking of einsum subscripts. Private to the library.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ivy/core/shape.hpp"

namespace ivy::detail {

/**
 * Subscripts resolved against the operand shapes. Labels are ints: letters 'A'..'Z' are 0..25
 * and 'a'..'z' 26..51 (so sorting labels sorts as ASCII, like numpy), the dimensions an
 * ellipsis stands for are kEllipsis + j, right-aligned across operands.
 */
struct EinsumSpec {
  static constexpr int kEllipsis = 64;
  std::vector<std::vector<int>> inputs;  // one label per operand dimension
  std::vector<int> output;
  std::map<int, std::int64_t> sizes;  // broadcast size of every label
  std::string normalized;             // the subscripts without spaces, output made explicit
};

/**
 * Parses subscripts for operands of the given shapes. ValueError for malformed subscripts or a
 * wrong operand count, ShapeError for label sizes that disagree. fn and backend name errors.
 */
EinsumSpec parse_einsum(std::string_view subscripts, const std::vector<Shape>& shapes,
                        std::string_view fn, std::string_view backend);

}  // namespace ivy::detail
