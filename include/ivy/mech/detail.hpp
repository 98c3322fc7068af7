#pragma once
/// Helpers shared by the ivy::mech templates: validation of trailing dimensions and Euler
/// conventions, and splitting/joining the last axes into per-component arrays.
#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "ivy/core/array_like.hpp"
#include "ivy/mech/constants.hpp"

namespace ivy::mech::detail {

/** "mech::<fn>", the function name that error messages show as "ivy::mech::<fn>". */
inline std::string qualified(std::string_view fn) { return "mech::" + std::string(fn); }

/**
 * x as result_of_t<A> after checking that its trailing dimensions are `tail` (-1: any size);
 * ShapeError otherwise.
 */
template <ArrayLike A>
result_of_t<A> enter(std::string_view fn, const A& x, std::initializer_list<std::int64_t> tail) {
  result_of_t<A> r = as_result(x);
  const Shape s = ivy::shape(r);
  const std::vector<std::int64_t> want(tail);
  bool ok = s.size() >= want.size();
  for (std::size_t i = 0; ok && i < want.size(); ++i) {
    const std::int64_t d = s[s.size() - want.size() + i];
    ok = want[i] < 0 || d == want[i];
  }
  if (!ok) {
    std::string expected = "[...";
    for (std::int64_t d : want) expected += "," + (d < 0 ? std::string("n") : std::to_string(d));
    ivy::detail::raise<ShapeError>(qualified(fn), backend_name_of(x),
                                   "expected shape " + expected + "], got " + shape_str(s));
  }
  return r;
}

/** The components of x along its last axis. */
template <class R>
std::vector<R> parts(const R& x) {
  return ivy::unstack(x, -1);
}

/** Components stacked along a new last axis. */
template <class R>
R join(const std::vector<R>& xs) {
  return ivy::stack(xs, -1);
}

/** [..., rows, cols] from its entries in row-major order. */
template <class R>
R matrix(const std::vector<R>& entries, int rows, int cols) {
  std::vector<R> row_arrays;
  row_arrays.reserve(static_cast<std::size_t>(rows));
  for (int r = 0; r < rows; ++r) {
    const auto first = entries.begin() + static_cast<std::ptrdiff_t>(r) * cols;
    row_arrays.push_back(ivy::stack(std::vector<R>(first, first + cols), -1));
  }
  return ivy::stack(row_arrays, -2);
}

/** The entries of [..., rows, cols] in row-major order. */
template <class R>
std::vector<R> entries(const R& m) {
  std::vector<R> out;
  for (const R& row : ivy::unstack(m, -2)) {
    for (R& e : ivy::unstack(row, -1)) out.push_back(std::move(e));
  }
  return out;
}

/** The last-axis slice x[..., begin:end]. */
template <class R>
R last_range(const R& x, std::int64_t begin, std::int64_t end) {
  std::vector<Slice> slices(static_cast<std::size_t>(ivy::ndim(x)));
  slices.back() = Slice{begin, end};
  return ivy::slice(x, slices);
}

/** An Euler convention as axis indices (x=0, y=1, z=2). */
using Convention = std::array<int, 3>;

/** The axes of convention; ValueError unless it is one of VALID_EULER_CONVENTIONS. */
template <ArrayLike A>
Convention parse_convention(std::string_view fn, const A& x, std::string_view convention) {
  for (std::string_view valid : VALID_EULER_CONVENTIONS) {
    if (valid == convention) {
      return {convention[0] - 'x', convention[1] - 'x', convention[2] - 'x'};
    }
  }
  std::string valid_list;
  for (std::string_view v : VALID_EULER_CONVENTIONS)
    valid_list += (valid_list.empty() ? "" : ", ") + std::string(v);
  ivy::detail::raise<ValueError>(
      qualified(fn), backend_name_of(x),
      "unknown Euler convention '" + std::string(convention) + "' (valid: " + valid_list + ")");
}

}  // namespace ivy::mech::detail
