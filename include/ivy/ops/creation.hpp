#pragma once
/// Creation functions. Each takes Options: dtype, backend and device, all optional.
#include <initializer_list>
#include <vector>

#include "ivy/core/array.hpp"
#include "ivy/core/dtype_of.hpp"
#include "ivy/core/options.hpp"
#include "ivy/core/scalar.hpp"
#include "ivy/ops/operand.hpp"

namespace ivy {

/** A new array copying count elements of dtype d from data, row-major, with this shape. */
Array from_buffer(const void* data, const Shape& shape, DType d, const Options& opts = {});

namespace detail {
[[noreturn]] void ragged_list_error(std::size_t row, std::size_t got, std::size_t expected,
                                    const Options& opts);
void check_value_count(std::size_t count, const Shape& shape, const Options& opts);
}  // namespace detail

/** An array from host values and a shape (dtype from T unless opts says otherwise). */
template <Element T>
Array array(const std::vector<T>& values, const Shape& shape, const Options& opts = {}) {
  detail::check_value_count(values.size(), shape, opts);
  if constexpr (std::is_same_v<T, bool>) {
    std::vector<std::uint8_t> bytes(values.begin(), values.end());
    return from_buffer(bytes.data(), shape, DType::bool_, opts);
  } else {
    return from_buffer(values.data(), shape, dtype_of_v<T>, opts);
  }
}
/** A 0-d array. */
template <Element T>
Array array(T value, const Options& opts = {}) {
  return array(std::vector<T>{value}, Shape{}, opts);
}
/** From nested brace lists: `ivy::array({{1.f, 2.f}, {3.f, 4.f}})`. Ragged lists: ShapeError. */
template <Element T>
Array array(std::initializer_list<T> v, const Options& opts = {}) {
  return array(std::vector<T>(v), Shape{static_cast<std::int64_t>(v.size())}, opts);
}
template <Element T>
Array array(std::initializer_list<std::initializer_list<T>> v, const Options& opts = {}) {
  std::vector<T> flat;
  const std::size_t cols = v.size() ? v.begin()->size() : 0;
  std::size_t row = 0;
  for (const auto& r : v) {
    if (r.size() != cols) detail::ragged_list_error(row, r.size(), cols, opts);
    flat.insert(flat.end(), r.begin(), r.end());
    ++row;
  }
  return array(flat, Shape{static_cast<std::int64_t>(v.size()), static_cast<std::int64_t>(cols)},
               opts);
}
template <Element T>
Array array(std::initializer_list<std::initializer_list<std::initializer_list<T>>> v,
            const Options& opts = {}) {
  std::vector<T> flat;
  const std::size_t d1 = v.size() ? v.begin()->size() : 0;
  const std::size_t d2 = d1 ? v.begin()->begin()->size() : 0;
  std::size_t row = 0;
  for (const auto& plane : v) {
    if (plane.size() != d1) detail::ragged_list_error(row, plane.size(), d1, opts);
    for (const auto& r : plane) {
      if (r.size() != d2) detail::ragged_list_error(row, r.size(), d2, opts);
      flat.insert(flat.end(), r.begin(), r.end());
    }
    ++row;
  }
  return array(flat,
               Shape{static_cast<std::int64_t>(v.size()), static_cast<std::int64_t>(d1),
                     static_cast<std::int64_t>(d2)},
               opts);
}

/** [0, stop) with step 1. Integer arguments give int64, else float32. */
Array arange(Scalar stop, const Options& opts = {});
/** [start, stop) with step; step 0 is a ValueError. */
Array arange(Scalar start, Scalar stop, Scalar step = 1, const Options& opts = {});
/**
 * num evenly spaced values from start to stop (inclusive when endpoint). start and stop may be
 * arrays (batched ranges, broadcast together): the result has their broadcast shape with num
 * inserted at axis (default: a new last axis).
 */
Array linspace(const Operand& start, const Operand& stop, std::int64_t num, int axis = -1,
               bool endpoint = true, const Options& opts = {});
/**
 * num values spaced evenly on a log scale: base ** linspace(start, stop, num, axis), both ends
 * included (the original Ivy's logspace, numpy.logspace). start and stop may be arrays (batched
 * ranges) as in linspace; integer ends compute in float32. A base <= 0 gives NaN where the
 * exponent is not an integer (as NumPy).
 */
Array logspace(const Operand& start, const Operand& stop, std::int64_t num, double base = 10.0,
               int axis = -1, const Options& opts = {});
/** Filled arrays; zeros and ones default to float32, full to the value's kind. */
Array zeros(const Shape& shape, const Options& opts = {});
Array ones(const Shape& shape, const Options& opts = {});
Array full(const Shape& shape, Scalar value, const Options& opts = {});
/** Same shape, dtype, backend and device as x unless opts overrides them. */
Array zeros_like(const Array& x, const Options& opts = {});
Array ones_like(const Array& x, const Options& opts = {});
Array full_like(const Array& x, Scalar value, const Options& opts = {});
/** n x m matrix with ones on diagonal k; m = -1 (the default) means m = n, another negative m is a
 * ValueError. */
Array eye(std::int64_t n, std::int64_t m = -1, std::int64_t k = 0, const Options& opts = {});
/** The n x n identity, broadcast to batch_shape + [n, n]. */
Array identity(std::int64_t n, const Shape& batch_shape = {}, const Options& opts = {});

/**
 * The lower triangle of the matrices in the last two axes of x: entry (i, j) where j <= i + k,
 * zero elsewhere (k > 0 keeps diagonals above the main one). Any dtype; x keeps its dtype.
 * ShapeError for fewer than two dimensions.
 */
Array tril(const Array& x, std::int64_t k = 0);
/** The upper triangle: entry (i, j) where j >= i + k, zero elsewhere. As tril otherwise. */
Array triu(const Array& x, std::int64_t k = 0);
/**
 * indices.shape + [depth] with 1 where the last index equals the value; indices outside
 * [0, depth) give an all-zero row. dtype defaults to float32.
 */
Array one_hot(const Array& indices, std::int64_t depth, const Options& opts = {});
/** Coordinate grids ("ij" or "xy" indexing) from 1-D arrays. */
std::vector<Array> meshgrid(const std::vector<Array>& xs, std::string_view indexing = "ij");

}  // namespace ivy
