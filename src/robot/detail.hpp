#pragma once
// Internal to the ivy::robot sources: argument checks that raise typed errors naming the function
// and backend ("ivy::robot::<fn>"), and the array helpers shared with ivy::vision.
#include <string>
#include <string_view>

#include "ivy/core/errors.hpp"
#include "ivy/ivy.hpp"
#include "vision/detail.hpp"

namespace ivy::robot::detail {

// The array helpers ivy::vision's sources already have: like(x) (options of x's dtype, backend
// and device), row_range (x[..., begin:end, :]), batch_of_matrix (BS of [BS..., r, c]) and
// last_range (x[..., begin:end]).
using ivy::vision::detail::batch_of_matrix;
using ivy::vision::detail::last_range;
using ivy::vision::detail::like;
using ivy::vision::detail::row_range;

inline std::string qualified(std::string_view fn) { return "robot::" + std::string(fn); }

[[noreturn]] inline void shape_error(std::string_view fn, const Array& x, const std::string& what) {
  ivy::detail::raise<ShapeError>(qualified(fn), x.backend_name(), what);
}
[[noreturn]] inline void value_error(std::string_view fn, std::string_view backend,
                                     const std::string& what) {
  ivy::detail::raise<ValueError>(qualified(fn), backend, what);
}

/** DTypeError naming `what` unless x holds floats. */
inline void need_float(std::string_view fn, std::string_view what, const Array& x) {
  if (!is_floating(x.dtype()))
    ivy::detail::raise<DTypeError>(
        qualified(fn), x.backend_name(),
        std::string(what) + " must be a float array, got " + std::string(dtype_name(x.dtype())));
}

/** ShapeError naming `what` unless x has rank >= min_rank and, when last >= 0, last dim `last`. */
inline void need_shape(std::string_view fn, std::string_view what, const Array& x,
                       std::size_t min_rank, std::int64_t last, const std::string& expected) {
  const Shape s = x.shape();
  if (s.size() < min_rank || (last >= 0 && s.back() != last))
    shape_error(fn, x,
                std::string(what) + ": expected shape " + expected + ", got " + shape_str(s));
}

}  // namespace ivy::robot::detail
