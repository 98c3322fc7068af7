// Statistical, manipulation, searching, sorting and linear-algebra functions, and ivy's own
// (gather_nd, scatter_nd, ...). Array API names; the Python layer (ivycpp/__init__.py) adds
// the composites the standard has and ivy does not.
#include <nanobind/stl/optional.h>
#include <nanobind/stl/pair.h>
#include <nanobind/stl/string.h>
#include <nanobind/stl/vector.h>

#include "common.hpp"

namespace ivypy {
namespace {

std::vector<ivy::Array> arrays_of(nb::handle seq) {
  std::vector<ivy::Array> xs;
  for (nb::handle a : seq) xs.push_back(nb::cast<ivy::Array>(a));
  return xs;
}

nb::tuple tuple_of(std::vector<ivy::Array> xs) {
  nb::list l;
  for (auto& x : xs) l.append(nb::cast(std::move(x)));
  return nb::tuple(l);
}

std::optional<int> opt_axis(nb::handle axis) {
  if (axis.is_none()) return std::nullopt;
  return nb::cast<int>(axis);
}

ivy::Array with_dtype(const ivy::Array& x, nb::handle dtype) {
  return dtype.is_none() ? x : ivy::cast(x, nb::cast<ivy::DType>(dtype));
}

// ivy::sum/prod accumulate integers in int64; the standard's dtype= also fixes the result's dtype.
ivy::Array as_requested(const ivy::Array& r, nb::handle dtype) {
  if (dtype.is_none()) return r;
  const auto d = nb::cast<ivy::DType>(dtype);
  return r.dtype() == d ? r : ivy::cast(r, d);
}

// The standard's permute_dims takes a tuple; NumPy (and the test suite) also accept an int.
std::vector<int> axes_list(nb::handle axes) {
  if (PyLong_Check(axes.ptr())) return {nb::cast<int>(axes)};
  std::vector<int> out;
  for (nb::handle a : axes) out.push_back(nb::cast<int>(a));
  return out;
}

using Reduce = ivy::Array (*)(const ivy::Array&, const ivy::Axes&, bool);

template <Reduce F>
void def_reduce(nb::module_& m, const char* name) {
  m.def(
      name,
      [](const ivy::Array& x, nb::handle axis, bool keepdims) {
        return F(x, to_axes(axis), keepdims);
      },
      nb::arg("x"), nb::kw_only(), nb::arg("axis").none() = nb::none(),
      nb::arg("keepdims") = false);
}

ivy::Array sum_(const ivy::Array& x, const ivy::Axes& a, bool k) { return ivy::sum(x, a, k); }
ivy::Array prod_(const ivy::Array& x, const ivy::Axes& a, bool k) { return ivy::prod(x, a, k); }
ivy::Array mean_(const ivy::Array& x, const ivy::Axes& a, bool k) { return ivy::mean(x, a, k); }
ivy::Array min_(const ivy::Array& x, const ivy::Axes& a, bool k) { return ivy::min(x, a, k); }
ivy::Array max_(const ivy::Array& x, const ivy::Axes& a, bool k) { return ivy::max(x, a, k); }
ivy::Array all_(const ivy::Array& x, const ivy::Axes& a, bool k) { return ivy::all(x, a, k); }
ivy::Array any_(const ivy::Array& x, const ivy::Axes& a, bool k) { return ivy::any(x, a, k); }

void bind_statistics(nb::module_& m) {
  def_reduce<min_>(m, "min");
  def_reduce<max_>(m, "max");
  def_reduce<mean_>(m, "mean");
  def_reduce<all_>(m, "all");
  def_reduce<any_>(m, "any");
  // sum and prod accept dtype= (the input is cast first).
  m.def(
      "sum",
      [](const ivy::Array& x, nb::handle axis, nb::handle dtype, bool keepdims) {
        return as_requested(ivy::sum(with_dtype(x, dtype), to_axes(axis), keepdims), dtype);
      },
      nb::arg("x"), nb::kw_only(), nb::arg("axis").none() = nb::none(),
      nb::arg("dtype").none() = nb::none(), nb::arg("keepdims") = false);
  m.def(
      "prod",
      [](const ivy::Array& x, nb::handle axis, nb::handle dtype, bool keepdims) {
        return as_requested(ivy::prod(with_dtype(x, dtype), to_axes(axis), keepdims), dtype);
      },
      nb::arg("x"), nb::kw_only(), nb::arg("axis").none() = nb::none(),
      nb::arg("dtype").none() = nb::none(), nb::arg("keepdims") = false);
  m.def(
      "var",
      [](const ivy::Array& x, nb::handle axis, double correction, bool keepdims) {
        return ivy::var(x, to_axes(axis), keepdims, correction);
      },
      nb::arg("x"), nb::kw_only(), nb::arg("axis").none() = nb::none(), nb::arg("correction") = 0.0,
      nb::arg("keepdims") = false);
  m.def(
      "std",
      [](const ivy::Array& x, nb::handle axis, double correction, bool keepdims) {
        return ivy::std(x, to_axes(axis), keepdims, correction);
      },
      nb::arg("x"), nb::kw_only(), nb::arg("axis").none() = nb::none(), nb::arg("correction") = 0.0,
      nb::arg("keepdims") = false);
  m.def(
      "cumsum",
      [](const ivy::Array& x, int axis, bool exclusive, bool reverse) {
        return ivy::cumsum(x, axis, exclusive, reverse);
      },
      nb::arg("x"), nb::arg("axis") = 0, nb::arg("exclusive") = false, nb::arg("reverse") = false);
  m.def(
      "cumprod",
      [](const ivy::Array& x, int axis, bool exclusive, bool reverse) {
        return ivy::cumprod(x, axis, exclusive, reverse);
      },
      nb::arg("x"), nb::arg("axis") = 0, nb::arg("exclusive") = false, nb::arg("reverse") = false);
  m.def(
      "argmax",
      [](const ivy::Array& x, nb::handle axis, bool keepdims) {
        return ivy::argmax(x, opt_axis(axis), keepdims);
      },
      nb::arg("x"), nb::kw_only(), nb::arg("axis").none() = nb::none(),
      nb::arg("keepdims") = false);
  m.def(
      "argmin",
      [](const ivy::Array& x, nb::handle axis, bool keepdims) {
        return ivy::argmin(x, opt_axis(axis), keepdims);
      },
      nb::arg("x"), nb::kw_only(), nb::arg("axis").none() = nb::none(),
      nb::arg("keepdims") = false);
}

void bind_manipulation(nb::module_& m) {
  m.def(
      "reshape",
      [](const ivy::Array& x, nb::handle shape, nb::handle) {
        return ivy::reshape(x, to_shape(shape));
      },
      nb::arg("x"), nb::arg("shape"), nb::kw_only(), nb::arg("copy").none() = nb::none());
  m.def(
      "broadcast_to",
      [](const ivy::Array& x, nb::handle shape) { return ivy::broadcast_to(x, to_shape(shape)); },
      nb::arg("x"), nb::arg("shape"));
  m.def(
      "permute_dims",
      [](const ivy::Array& x, nb::handle axes) { return ivy::transpose(x, axes_list(axes)); },
      nb::arg("x"), nb::arg("axes"));
  m.def(
      "transpose",
      [](const ivy::Array& x, std::vector<int> axes) { return ivy::transpose(x, axes); },
      nb::arg("x"), nb::arg("axes") = std::vector<int>{});
  m.def(
      "swapaxes", [](const ivy::Array& x, int a, int b) { return ivy::swapaxes(x, a, b); },
      nb::arg("x"), nb::arg("axis1"), nb::arg("axis2"));
  m.def(
      "expand_dims", [](const ivy::Array& x, int axis) { return ivy::expand_dims(x, axis); },
      nb::arg("x"), nb::kw_only(), nb::arg("axis") = 0);
  m.def(
      "squeeze",
      [](const ivy::Array& x, nb::handle axis) { return ivy::squeeze(x, to_axes(axis)); },
      nb::arg("x"), nb::arg("axis"));
  m.def(
      "concat",
      [](nb::handle arrays, nb::handle axis) {
        std::vector<ivy::Array> xs = arrays_of(arrays);
        if (axis.is_none()) {
          for (auto& x : xs) x = ivy::reshape(x, {-1});
          return ivy::concat(xs, 0);
        }
        return ivy::concat(xs, nb::cast<int>(axis));
      },
      nb::arg("arrays"), nb::kw_only(), nb::arg("axis").none() = 0);
  m.def(
      "stack", [](nb::handle arrays, int axis) { return ivy::stack(arrays_of(arrays), axis); },
      nb::arg("arrays"), nb::kw_only(), nb::arg("axis") = 0);
  m.def(
      "unstack", [](const ivy::Array& x, int axis) { return tuple_of(ivy::unstack(x, axis)); },
      nb::arg("x"), nb::kw_only(), nb::arg("axis") = 0);
  m.def(
      "split",
      [](const ivy::Array& x, nb::handle sections, int axis) {
        if (PyLong_Check(sections.ptr()))
          return tuple_of(ivy::split(x, nb::cast<std::int64_t>(sections), axis));
        return tuple_of(ivy::split(x, nb::cast<std::vector<std::int64_t>>(sections), axis));
      },
      nb::arg("x"), nb::arg("num_or_size_splits"), nb::kw_only(), nb::arg("axis") = 0);
  m.def(
      "flip", [](const ivy::Array& x, nb::handle axis) { return ivy::flip(x, to_axes(axis)); },
      nb::arg("x"), nb::kw_only(), nb::arg("axis").none() = nb::none());
  m.def(
      "tile",
      [](const ivy::Array& x, std::vector<std::int64_t> reps) { return ivy::tile(x, reps); },
      nb::arg("x"), nb::arg("repetitions"));
  m.def(
      "repeat",
      [](const ivy::Array& x, nb::handle repeats, nb::handle axis) {
        if (nb::isinstance<ivy::Array>(repeats))
          return ivy::repeat(x, nb::cast<const ivy::Array&>(repeats), opt_axis(axis));
        return ivy::repeat(x, nb::cast<std::int64_t>(repeats), opt_axis(axis));
      },
      nb::arg("x"), nb::arg("repeats"), nb::kw_only(), nb::arg("axis").none() = nb::none());
  m.def(
      "constant_pad",
      [](const ivy::Array& x, std::vector<std::pair<std::int64_t, std::int64_t>> pad,
         nb::handle value) {
        auto op = operand_or_throw(value, "constant_pad");
        return ivy::constant_pad(x, pad, op.scalar());
      },
      nb::arg("x"), nb::arg("pad_width"), nb::arg("value") = 0);
  m.def(
      "zero_pad",
      [](const ivy::Array& x, std::vector<std::pair<std::int64_t, std::int64_t>> pad) {
        return ivy::zero_pad(x, pad);
      },
      nb::arg("x"), nb::arg("pad_width"));
  m.def(
      "sort",
      [](const ivy::Array& x, int axis, bool descending, bool) {
        return ivy::sort(x, axis, descending);
      },
      nb::arg("x"), nb::kw_only(), nb::arg("axis") = -1, nb::arg("descending") = false,
      nb::arg("stable") = true);
  m.def(
      "argsort",
      [](const ivy::Array& x, int axis, bool descending, bool stable) {
        return ivy::argsort(x, axis, descending, stable);
      },
      nb::arg("x"), nb::kw_only(), nb::arg("axis") = -1, nb::arg("descending") = false,
      nb::arg("stable") = true);
  m.def(
      "astype",
      [](const ivy::Array& x, ivy::DType d, bool copy, nb::handle device) {
        ivy::Array out = ivy::cast(x, d);
        if (auto dev = to_device(device)) out = ivy::to_device(out, *dev);
        return copy && out.handle() == x.handle() ? copy_array(out) : out;
      },
      nb::arg("x"), nb::arg("dtype"), nb::kw_only(), nb::arg("copy") = true,
      nb::arg("device").none() = nb::none());
  m.def(
      "to_backend", [](const ivy::Array& x, const std::string& b) { return ivy::to_backend(x, b); },
      nb::arg("x"), nb::arg("backend"));
  m.def(
      "eval", [](const ivy::Array& x) { return ivy::eval(x); }, nb::arg("x"),
      "Computes x now on a lazy backend (mlx); returns x.");
}

void bind_indexing_functions(nb::module_& m) {
  m.def(
      "take",
      [](const ivy::Array& x, const ivy::Array& idx, nb::handle axis) {
        if (axis.is_none()) return ivy::take(ivy::reshape(x, {-1}), idx, 0);
        return ivy::take(x, idx, nb::cast<int>(axis));
      },
      nb::arg("x"), nb::arg("indices"), nb::kw_only(), nb::arg("axis").none() = nb::none());
  m.def(
      "take_along_axis",
      [](const ivy::Array& x, const ivy::Array& idx, int axis) {
        return ivy::gather(x, idx, axis);
      },
      nb::arg("x"), nb::arg("indices"), nb::kw_only(), nb::arg("axis") = -1);
  m.def(
      "gather",
      [](const ivy::Array& x, const ivy::Array& idx, int axis) {
        return ivy::gather(x, idx, axis);
      },
      nb::arg("params"), nb::arg("indices"), nb::arg("axis") = -1);
  m.def(
      "gather_nd",
      [](const ivy::Array& x, const ivy::Array& idx) { return ivy::gather_nd(x, idx); },
      nb::arg("params"), nb::arg("indices"));
  m.def(
      "scatter_flat",
      [](const ivy::Array& idx, const ivy::Array& upd, std::int64_t size, const std::string& r) {
        return ivy::scatter_flat(idx, upd, size, r);
      },
      nb::arg("indices"), nb::arg("updates"), nb::arg("size"), nb::arg("reduction") = "sum");
  m.def(
      "scatter_nd",
      [](const ivy::Array& idx, const ivy::Array& upd, nb::handle shape, const std::string& r) {
        return ivy::scatter_nd(idx, upd, to_shape(shape), r);
      },
      nb::arg("indices"), nb::arg("updates"), nb::arg("shape"), nb::arg("reduction") = "sum");
  m.def(
      "indices_where", [](const ivy::Array& x) { return ivy::indices_where(x); }, nb::arg("x"));
  m.def(
      "nonzero",
      [](const ivy::Array& x) {
        if (x.ndim() == 0) throw ivy::ShapeError("ivycpp.nonzero: 0-d arrays are not allowed");
        ivy::Array idx = ivy::indices_where(x);
        return tuple_of(ivy::unstack(idx, 1));
      },
      nb::arg("x"));
}

void bind_linalg(nb::module_& m) {
  m.def(
      "matmul", [](const ivy::Array& a, const ivy::Array& b) { return ivy::matmul(a, b); },
      nb::arg("x1"), nb::arg("x2"));
  m.def(
      "einsum",
      [](const std::string& subscripts, nb::args operands) {
        return ivy::einsum(subscripts, arrays_of(operands));
      },
      nb::arg("subscripts"), nb::arg("operands"));
  m.def(
      "cross",
      [](const ivy::Array& a, const ivy::Array& b, int axis) { return ivy::cross(a, b, axis); },
      nb::arg("x1"), nb::arg("x2"), nb::kw_only(), nb::arg("axis") = -1);
  m.def(
      "vector_to_skew_symmetric_matrix",
      [](const ivy::Array& v) { return ivy::vector_to_skew_symmetric_matrix(v); },
      nb::arg("vector"));
  m.def(
      "inv", [](const ivy::Array& x) { return ivy::inv(x); }, nb::arg("x"));
  m.def(
      "pinv",
      [](const ivy::Array& x, nb::handle rtol) {
        // rtol may be any real number, including a 0-d array (float() of it).
        return ivy::pinv(x, rtol.is_none() ? -1.0 : nb::cast<double>(nb::float_(rtol)));
      },
      nb::arg("x"), nb::kw_only(), nb::arg("rtol").none() = nb::none());
  m.def(
      "det", [](const ivy::Array& x) { return ivy::det(x); }, nb::arg("x"));
  m.def(
      "solve", [](const ivy::Array& a, const ivy::Array& b) { return ivy::solve(a, b); },
      nb::arg("x1"), nb::arg("x2"));
  // The factorisations return tuples; python/ivycpp/linalg.py names their parts.
  m.def(
      "_svd",
      [](const ivy::Array& x, bool full_matrices) {
        ivy::SvdResult r = ivy::svd(x, full_matrices);
        return nb::make_tuple(r.u, r.s, r.vh);
      },
      nb::arg("x"), nb::arg("full_matrices") = false);
  m.def(
      "_cholesky", [](const ivy::Array& x, bool upper) { return ivy::cholesky(x, upper); },
      nb::arg("x"), nb::arg("upper") = false);
  m.def(
      "_eigh",
      [](const ivy::Array& x) {
        ivy::EighResult r = ivy::eigh(x);
        return nb::make_tuple(r.eigenvalues, r.eigenvectors);
      },
      nb::arg("x"));
  m.def(
      "_eigvalsh", [](const ivy::Array& x) { return ivy::eigvalsh(x); }, nb::arg("x"));
  m.def(
      "_qr",
      [](const ivy::Array& x, bool complete) {
        ivy::QrResult r = ivy::qr(x, complete);
        return nb::make_tuple(r.q, r.r);
      },
      nb::arg("x"), nb::arg("complete") = false);
  m.def(
      "vector_norm",
      [](const ivy::Array& x, nb::handle axis, bool keepdims, double ord) {
        return ivy::vector_norm(x, ord, to_axes(axis), keepdims);
      },
      nb::arg("x"), nb::kw_only(), nb::arg("axis").none() = nb::none(), nb::arg("keepdims") = false,
      nb::arg("ord") = 2.0);
  m.def(
      "matrix_norm",
      [](const ivy::Array& x, bool keepdims, nb::handle ord) {
        if (nb::isinstance<nb::str>(ord))
          return ivy::matrix_norm(x, nb::cast<std::string>(ord), {-2, -1}, keepdims);
        return ivy::matrix_norm(x, nb::cast<double>(ord), {-2, -1}, keepdims);
      },
      nb::arg("x"), nb::kw_only(), nb::arg("keepdims") = false, nb::arg("ord") = "fro");
}

void bind_nn(nb::module_& m) {
  m.def(
      "relu", [](const ivy::Array& x) { return ivy::relu(x); }, nb::arg("x"));
  m.def(
      "leaky_relu", [](const ivy::Array& x, double a) { return ivy::leaky_relu(x, a); },
      nb::arg("x"), nb::arg("alpha") = 0.2);
  m.def(
      "softmax", [](const ivy::Array& x, int axis) { return ivy::softmax(x, axis); }, nb::arg("x"),
      nb::arg("axis") = -1);
  m.def(
      "softplus", [](const ivy::Array& x) { return ivy::softplus(x); }, nb::arg("x"));
  m.def(
      "linear",
      [](const ivy::Array& x, const ivy::Array& w, std::optional<ivy::Array> b) {
        return ivy::linear(x, w, b);
      },
      nb::arg("x"), nb::arg("weight"), nb::arg("bias").none() = nb::none());
  m.def(
      "random_uniform",
      [](nb::handle low, nb::handle high, nb::handle shape, nb::handle dtype, nb::handle backend) {
        return ivy::random_uniform(operand_or_throw(low, "random_uniform"),
                                   operand_or_throw(high, "random_uniform"),
                                   shape.is_none() ? std::optional<ivy::Shape>{}
                                                   : std::optional<ivy::Shape>(to_shape(shape)),
                                   make_options(dtype, nb::none(), backend));
      },
      nb::arg("low") = 0.0, nb::arg("high") = 1.0, nb::arg("shape").none() = nb::none(),
      nb::kw_only(), nb::arg("dtype").none() = nb::none(), nb::arg("backend").none() = nb::none());
  m.def(
      "random_normal",
      [](nb::handle mean, nb::handle std, nb::handle shape, nb::handle dtype, nb::handle backend) {
        return ivy::random_normal(operand_or_throw(mean, "random_normal"),
                                  operand_or_throw(std, "random_normal"),
                                  shape.is_none() ? std::optional<ivy::Shape>{}
                                                  : std::optional<ivy::Shape>(to_shape(shape)),
                                  make_options(dtype, nb::none(), backend));
      },
      nb::arg("mean") = 0.0, nb::arg("std") = 1.0, nb::arg("shape").none() = nb::none(),
      nb::kw_only(), nb::arg("dtype").none() = nb::none(), nb::arg("backend").none() = nb::none());
}

}  // namespace

void bind_functions(nb::module_& m) {
  bind_statistics(m);
  bind_manipulation(m);
  bind_indexing_functions(m);
  bind_linalg(m);
  bind_nn(m);
}

}  // namespace ivypy
