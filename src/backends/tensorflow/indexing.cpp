#include <cmath>
#include <limits>
#include <numeric>

#include "backends/tensorflow/tf_tensor.hpp"
#include "ops/dispatch.hpp"

namespace ivy::backends::tensorflow_impl {
namespace {

// GatherV2 over the last axis with every other axis a batch axis: x's axis is moved last first.
Array take_along_axis(const Array& x, const Array& idx, int axis) {
  const int nd = x.ndim();
  std::vector<int> perm(static_cast<std::size_t>(nd));
  std::iota(perm.begin(), perm.end(), 0);
  std::swap(perm[static_cast<std::size_t>(axis)], perm.back());
  const bool moved = axis != nd - 1;
  const Tensor params = moved ? transpose_by(native(x), perm, "take_along_axis") : native(x);
  const Tensor indices = moved ? transpose_by(native(idx), perm, "take_along_axis") : native(idx);
  const Tensor taken = Op("GatherV2", "take_along_axis")
                           .input(params)
                           .input(indices)
                           .input(int32_scalar(nd - 1))
                           .integer("batch_dims", nd - 1)
                           .run1();
  return wrap(moved ? transpose_by(taken, perm, "take_along_axis") : taken);
}

Array take(const Array& x, const Array& idx, int axis) {
  return wrap(Op("GatherV2", "take").input(x).input(idx).input(int32_scalar(axis)).run1());
}

// The value a min or max reduction starts from, so that a row's first update always wins.
Tensor reduction_identity(ScatterReduction r, DType d) {
  const bool is_min = r == ScatterReduction::min;
  if (is_floating(d)) {
    const double inf = std::numeric_limits<double>::infinity();
    return scalar(Scalar(is_min ? inf : -inf), d);
  }
  const auto [lo, hi] = detail::integer_range(d);
  return scalar(Scalar(static_cast<std::int64_t>(is_min ? hi : lo)), d);
}

// Rows [rows] + updates.shape[1:] that start at value.
Tensor filled_rows(const Tensor& value, const Shape& update_shape, std::int64_t rows) {
  Shape s = update_shape;
  s[0] = rows;
  return Op("Fill", "scatter_rows").input(int64_vector(s)).input(value).run1();
}

// updates scattered into rows with TensorFlow's TensorScatter<kind> (indices [N, 1]).
Tensor scatter_into(const char* kind, const Tensor& start, const Tensor& indices,
                    const Tensor& updates) {
  return run(kind, "scatter_rows", {start, indices, updates});
}

Array scatter_rows(const Array& idx, const Array& updates, std::int64_t rows,
                   ScatterReduction reduction) {
  const Shape us = updates.shape();
  const std::int64_t n = us[0];
  const DType d = updates.dtype();
  const Tensor indices = reshape_to(native(idx), {n, 1}, "scatter_rows");
  // bool rows combine as or (sum, max) and and (min): computed on uint8 0/1 values.
  const DType work = d == DType::bool_ ? DType::uint8 : d;
  const Tensor u = cast_to(native(updates), work, "scatter_rows");
  const Tensor zero = scalar(Scalar(0), work);
  Tensor out;
  if (n == 0) {
    out = filled_rows(zero, us, rows);
  } else if (reduction == ScatterReduction::sum && d != DType::bool_) {
    out = scatter_into("TensorScatterAdd", filled_rows(zero, us, rows), indices, u);
  } else if (reduction == ScatterReduction::replace) {
    // The last update of a row wins: each row's last position, then a gather of it.
    const Tensor positions = Op("Range", "scatter_rows")
                                 .input(scalar(Scalar(0), DType::int64))
                                 .input(scalar(Scalar(n), DType::int64))
                                 .input(scalar(Scalar(1), DType::int64))
                                 .run1();
    const Tensor none = scalar(Scalar(-1), DType::int64);
    const Tensor last =
        scatter_into("TensorScatterMax", filled_rows(none, {rows}, rows), indices, positions);
    const Tensor touched =
        run("GreaterEqual", "scatter_rows", {last, scalar(Scalar(0), DType::int64)});
    const Tensor safe = run("Maximum", "scatter_rows", {last, scalar(Scalar(0), DType::int64)});
    const Tensor gathered =
        Op("GatherV2", "scatter_rows").input(u).input(safe).input(int32_scalar(0)).run1();
    Shape mask_shape(us.size(), 1);
    mask_shape[0] = rows;
    const Tensor mask = reshape_to(touched, mask_shape, "scatter_rows");
    out = run("SelectV2", "scatter_rows", {mask, gathered, zero});
  } else {
    const bool is_min = reduction == ScatterReduction::min;
    const ScatterReduction r =
        (reduction == ScatterReduction::sum) ? ScatterReduction::max : reduction;
    const Tensor start = filled_rows(reduction_identity(r, work), us, rows);
    const Tensor reduced =
        scatter_into(is_min ? "TensorScatterMin" : "TensorScatterMax", start, indices, u);
    // Rows no update reached keep the zero fill.
    const Tensor ones = Op("Fill", "scatter_rows")
                            .input(int64_vector({n}))
                            .input(scalar(Scalar(1), DType::int32))
                            .run1();
    const Tensor counts =
        scatter_into("TensorScatterAdd", filled_rows(scalar(Scalar(0), DType::int32), {rows}, rows),
                     indices, ones);
    Shape mask_shape(us.size(), 1);
    mask_shape[0] = rows;
    const Tensor touched =
        reshape_to(run("Greater", "scatter_rows", {counts, scalar(Scalar(0), DType::int32)}),
                   mask_shape, "scatter_rows");
    out = run("SelectV2", "scatter_rows", {touched, reduced, zero});
    if (is_floating(d)) {
      // TensorFlow's min and max skip NaN; a row with a NaN update is NaN.
      const Tensor nan_counts = scatter_into(
          "TensorScatterAdd", filled_rows(scalar(Scalar(0), DType::int32), us, rows), indices,
          cast_to(run("IsNan", "scatter_rows", {u}), DType::int32, "scatter_rows"));
      const Tensor has_nan =
          run("Greater", "scatter_rows", {nan_counts, scalar(Scalar(0), DType::int32)});
      out = run("SelectV2", "scatter_rows", {has_nan, scalar(Scalar(NAN), d), out});
    }
  }
  return wrap(cast_to(out, d, "scatter_rows"));
}

Array nonzero(const Array& x) {
  if (x.ndim() > 0) return wrap(run("Where", "nonzero", {native(x)}));
  // Where has no 0-d kernel: the coordinates of a 1-element vector, without their column.
  const Tensor coords = run("Where", "nonzero", {reshape_to(native(x), {1}, "nonzero")});
  const std::int64_t found = shape_of(coords)[0];
  return wrap(host_tensor({found, 0}, DType::int64, [](void*, std::size_t) {}));
}

}  // namespace

const IndexingKernels& indexing_kernels() {
  static const IndexingKernels k{take_along_axis, take, scatter_rows, nonzero};
  return k;
}

}  // namespace ivy::backends::tensorflow_impl
