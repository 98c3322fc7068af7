#pragma once
// Index validation and flat offsets shared by take, gather, gather_nd and the scatters. Private
// to the library.
#include <cstdint>
#include <string_view>

#include "ivy/backend/contract.hpp"
#include "ivy/core/shape.hpp"

namespace ivy::detail {

/** DTypeError naming fn unless indices has an integer dtype (bool is not an index). */
void require_index_dtype(const Array& indices, std::string_view fn);

/**
 * indices as int64 with negative values counted from the end of an axis of length n. An index
 * outside [-n, n) is an IndexError naming fn, the backend, the first bad index, `axis_name` (the
 * axis it addresses) and the shape it indexes.
 */
Array wrapped_indices(const Backend& b, std::string_view fn, const Array& indices, std::int64_t n,
                      std::string_view axis_name, const Shape& shape);

/**
 * Row-major flat offsets (int64, shape indices.shape[:-1]) of the index tuples in the last axis
 * of indices into the leading k = indices.shape[-1] dimensions of shape; negative entries count
 * from the end. Checks the rank (ShapeError) and the range (IndexError) on behalf of fn.
 */
Array flat_offsets(const Backend& b, std::string_view fn, const Array& indices, const Shape& shape);

}  // namespace ivy::detail
