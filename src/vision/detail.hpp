#pragma once
// Internal to the ivy::vision sources: argument checks that raise typed errors naming the
// function and backend, and the small matrix/coordinate helpers every module shares.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ivy/core/errors.hpp"
#include "ivy/ivy.hpp"
#include "ivy/mech.hpp"

namespace ivy::vision::detail {

inline std::string qualified(std::string_view fn) { return "vision::" + std::string(fn); }

[[noreturn]] inline void shape_error(std::string_view fn, const Array& x, const std::string& what) {
  ivy::detail::raise<ShapeError>(qualified(fn), backend_name_of(x), what);
}
[[noreturn]] inline void value_error(std::string_view fn, std::string_view backend,
                                     const std::string& what) {
  ivy::detail::raise<ValueError>(qualified(fn), backend, what);
}

inline std::string tail_str(const std::vector<std::vector<std::int64_t>>& alternatives) {
  std::string out;
  for (const auto& tail : alternatives) {
    if (!out.empty()) out += " or ";
    out += "[...";
    for (std::int64_t d : tail) out += "," + std::to_string(d);
    out += "]";
  }
  return out;
}

/** Checks that x ends in one of the trailing shapes (ShapeError naming `what` otherwise). */
inline void need_tail(std::string_view fn, std::string_view what, const Array& x,
                      const std::vector<std::vector<std::int64_t>>& alternatives) {
  const Shape s = x.shape();
  for (const auto& tail : alternatives) {
    if (s.size() < tail.size()) continue;
    bool ok = true;
    for (std::size_t i = 0; i < tail.size(); ++i)
      ok = ok && s[s.size() - tail.size() + i] == tail[i];
    if (ok) return;
  }
  shape_error(
      fn, x,
      std::string(what) + ": expected shape " + tail_str(alternatives) + ", got " + shape_str(s));
}

inline Options like(const Array& x) { return Options(x.dtype()).on(x.backend()).to(x.device()); }

using mech::detail::last_range;  // x[..., begin:end], shared with ivy::mech

/** x[..., begin:end, :]: rows of the matrices. */
inline Array row_range(const Array& x, std::int64_t begin, std::int64_t end) {
  std::vector<Slice> s(static_cast<std::size_t>(x.ndim()));
  s[s.size() - 2] = Slice{begin, end};
  return ivy::slice(x, s);
}

/** The batch shape of a matrix [BS, r, c]. */
inline Shape batch_of_matrix(const Array& m) {
  Shape s = m.shape();
  s.resize(s.size() - 2);
  return s;
}

/** Requires the matrix batch shape to be a prefix of coords' leading shape; returns IS. */
inline Shape image_shape_of(std::string_view fn, const Array& coords, const Array& mat) {
  const Shape bs = batch_of_matrix(mat);
  const Shape cs = coords.shape();
  bool ok = cs.size() >= bs.size() + 1;
  for (std::size_t i = 0; ok && i < bs.size(); ++i) ok = cs[i] == bs[i];
  if (!ok) {
    shape_error(fn, coords,
                "the batch shape " + shape_str(bs) + " of the matrix " + shape_str(mat.shape()) +
                    " must lead the coordinates' shape " + shape_str(cs));
  }
  return Shape(cs.begin() + static_cast<std::ptrdiff_t>(bs.size()), cs.end() - 1);
}

/** Requires bs to lead x's shape [BS, IS, n] (ShapeError naming `what` otherwise); returns IS. */
inline Shape image_shape_after(std::string_view fn, std::string_view what, const Array& x,
                               const Shape& bs) {
  const Shape s = x.shape();
  bool ok = s.size() >= bs.size() + 1;
  for (std::size_t i = 0; ok && i < bs.size(); ++i) ok = s[i] == bs[i];
  if (!ok) {
    shape_error(fn, x,
                std::string(what) + ": the batch shape " + shape_str(bs) + " must lead its shape " +
                    shape_str(s));
  }
  return Shape(s.begin() + static_cast<std::ptrdiff_t>(bs.size()), s.end() - 1);
}

/** Requires x's shape to equal `want` (ShapeError naming `what` otherwise). */
inline void need_shape(std::string_view fn, std::string_view what, const Array& x,
                       const Shape& want) {
  if (x.shape() != want) {
    shape_error(fn, x,
                std::string(what) + ": expected shape " + shape_str(want) + ", got " +
                    shape_str(x.shape()));
  }
}

/** [a..., b...] */
inline Shape cat(Shape a, const Shape& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

/** coords [BS, IS, N] by mat [BS, M, N] -> [BS, IS, M] (mat applied to every point). */
inline Array transform(std::string_view fn, const Array& coords, const Array& mat) {
  const Shape bs = batch_of_matrix(mat);
  const Shape is = image_shape_of(fn, coords, mat);
  const std::int64_t n = coords.shape().back();
  const std::int64_t m = mat.shape()[mat.shape().size() - 2];
  Shape flat = bs;
  flat.push_back(numel(is));
  flat.push_back(n);
  const Array out = ivy::matmul(ivy::reshape(coords, flat), ivy::swapaxes(mat, -1, -2));
  Shape result = bs;
  result.insert(result.end(), is.begin(), is.end());
  result.push_back(m);
  return ivy::reshape(out, result);
}

/** [...,d] -> [...,d+1] with a trailing one. */
inline Array homogeneous(const Array& x) { return ivy::mech::make_coordinates_homogeneous(x); }

/** The top three rows of a [...,3|4,4] matrix. */
inline Array top3(std::string_view fn, std::string_view what, const Array& m) {
  need_tail(fn, what, m, {{3, 4}, {4, 4}});
  return row_range(m, 0, 3);
}

/** Points [...,3|4] as [...,4] homogeneous (a given fourth component is used as it is). */
inline Array as_homogeneous_point(std::string_view fn, std::string_view what, const Array& x) {
  need_tail(fn, what, x, {{3}, {4}});
  return x.shape().back() == 3 ? homogeneous(x) : x;
}

inline void check_image_dims(std::string_view fn, const std::array<std::int64_t, 2>& dims,
                             std::string_view backend) {
  if (dims[0] <= 0 || dims[1] <= 0) {
    value_error(fn, backend,
                "image_dims must be positive, got [" + std::to_string(dims[0]) + ", " +
                    std::to_string(dims[1]) + "]");
  }
}

/** (W, H) as an array like x. */
inline Array width_height(const Array& x, const std::array<std::int64_t, 2>& dims) {
  return ivy::array(std::vector<double>{static_cast<double>(dims[1]), static_cast<double>(dims[0])},
                    {2}, like(x));
}

inline void same_batch(std::string_view fn, const Array& a, const Shape& ba, const Array& b,
                       const Shape& bb) {
  if (ba != bb) {
    shape_error(fn, a,
                "batch shapes differ: " + shape_str(a.shape()) + " and " + shape_str(b.shape()));
  }
}

inline Shape drop_last(const Array& x, std::size_t n) {
  Shape s = x.shape();
  s.resize(s.size() - n);
  return s;
}

/** [..., 4, 4] from [..., 3, 4] by appending the row [0, 0, 0, 1]. */
inline Array homo_mat(const Array& m) { return ivy::mech::make_transformation_homogeneous(m); }

inline Array unit(const Array& v) {
  return ivy::divide(v, ivy::sqrt(ivy::sum(ivy::multiply(v, v), Axes{-1}, true)));
}

}  // namespace ivy::vision::detail

// ---- Shared by the rendering modules (quantization, smoothing, padding, mesh, voxel grids) ----

namespace ivy::vision::detail {

/** x[..., begin:end, ...] along one axis (a negative axis counts from the end). */
inline Array axis_range(const Array& x, int axis, std::int64_t begin, std::int64_t end) {
  const int a = axis < 0 ? axis + static_cast<int>(x.ndim()) : axis;
  std::vector<Slice> s(static_cast<std::size_t>(a) + 1);
  s.back() = Slice{begin, end};
  return ivy::slice(x, s);
}

/** ShapeError unless x has at least `rank` dimensions; `layout` names them ("[...,H,W,D]"). */
inline void need_rank(std::string_view fn, std::string_view what, const Array& x, std::size_t rank,
                      std::string_view layout) {
  if (x.shape().size() < rank) {
    shape_error(fn, x,
                std::string(what) + ": expected shape " + std::string(layout) + ", got " +
                    shape_str(x.shape()));
  }
}

/**
 * Combines the rows of updates [M, C] into a zero [slots, C] array at the int64 slot indices
 * [M] with `reduction` (ivy::scatter_nd's); a slot index equal to `slots` drops its row (a point
 * outside the image or grid), so no index is ever out of range.
 */
inline Array scatter_rows_or_drop(const Array& slot, const Array& updates, std::int64_t slots,
                                  std::string_view reduction = "sum") {
  const std::int64_t m = slot.shape()[0];
  const Array rows = ivy::scatter_nd(ivy::reshape(slot, {m, 1}), updates,
                                     {slots + 1, updates.shape().back()}, reduction);
  return axis_range(rows, 0, 0, slots);
}

/**
 * An array-or-scalar argument as an array of `shape` in x's dtype: a scalar fills it, an array
 * must broadcast to it (ShapeError naming `what` otherwise).
 */
inline Array fill_to(std::string_view fn, std::string_view what, const Operand& v,
                     const Shape& shape, const Array& x) {
  if (!v.is_array()) return ivy::full(shape, v.scalar(), like(x));
  const Array& a = v.array();
  const Shape s = a.shape();
  bool ok = s.size() <= shape.size();
  for (std::size_t i = 0; ok && i < s.size(); ++i) {
    const std::int64_t d = s[s.size() - 1 - i];
    ok = d == 1 || d == shape[shape.size() - 1 - i];
  }
  if (!ok) {
    shape_error(fn, a,
                std::string(what) + ": expected a scalar or a shape broadcastable to " +
                    shape_str(shape) + ", got " + shape_str(s));
  }
  return ivy::broadcast_to(ivy::cast(a, x.dtype()), shape);
}

}  // namespace ivy::vision::detail
