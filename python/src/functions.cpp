// Statistical, manipulation, searching, sorting and linear-algebra functions, and ivy's own
// (gather_nd, scatter_nd, ...). Array API names; the Python layer (ivycpp/__init__.py) adds
// the composites the standard has and ivy does not.
#include <nanobind/stl/optional.h>
#include <nanobind/stl/pair.h>
#include <nanobind/stl/string.h>
#include <nanobind/stl/vector.h>

#include "common.hpp"
#include "ivy/backend/contract.hpp"  // Backend::name, for roll's error

namespace ivypy {
namespace {

nb::tuple tuple_of(std::vector<ivy::Array> xs) {
  nb::list l;
  for (auto& x : xs) l.append(nb::cast(std::move(x)));
  return nb::tuple(l);
}

// sum/prod with the standard's dtype=: the input is cast first, and since ivy::sum/prod
// accumulate integers in int64, the result is cast to the dtype too.
template <class F>
ivy::Array reduce_as(F f, const ivy::Array& x, nb::handle dtype, const char* fn) {
  if (dtype.is_none()) return f(x);
  const ivy::DType d = to_dtype(dtype, fn);
  const ivy::Array r = f(ivy::cast(x, d));
  return r.dtype() == d ? r : ivy::cast(r, d);
}

using Reduce = ivy::Array (*)(const ivy::Array&, const ivy::Axes&, bool);

template <Reduce F>
void def_reduce(nb::module_& m, const char* name) {
  m.def(
      name,
      [name](const ivy::Array& x, nb::handle axis, bool keepdims) {
        return F(x, to_axes(axis, name), keepdims);
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
        const ivy::Axes a = to_axes(axis, "sum");
        return reduce_as([&](const ivy::Array& v) { return ivy::sum(v, a, keepdims); }, x, dtype,
                         "sum");
      },
      nb::arg("x"), nb::kw_only(), nb::arg("axis").none() = nb::none(),
      nb::arg("dtype").none() = nb::none(), nb::arg("keepdims") = false);
  m.def(
      "prod",
      [](const ivy::Array& x, nb::handle axis, nb::handle dtype, bool keepdims) {
        const ivy::Axes a = to_axes(axis, "prod");
        return reduce_as([&](const ivy::Array& v) { return ivy::prod(v, a, keepdims); }, x, dtype,
                         "prod");
      },
      nb::arg("x"), nb::kw_only(), nb::arg("axis").none() = nb::none(),
      nb::arg("dtype").none() = nb::none(), nb::arg("keepdims") = false);
  m.def(
      "var",
      [](const ivy::Array& x, nb::handle axis, double correction, bool keepdims) {
        return ivy::var(x, to_axes(axis, "var"), keepdims, correction);
      },
      nb::arg("x"), nb::kw_only(), nb::arg("axis").none() = nb::none(), nb::arg("correction") = 0.0,
      nb::arg("keepdims") = false);
  m.def(
      "std",
      [](const ivy::Array& x, nb::handle axis, double correction, bool keepdims) {
        return ivy::std(x, to_axes(axis, "std"), keepdims, correction);
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
        return ivy::argmax(x, to_opt_axis(axis, "argmax"), keepdims);
      },
      nb::arg("x"), nb::kw_only(), nb::arg("axis").none() = nb::none(),
      nb::arg("keepdims") = false);
  m.def(
      "argmin",
      [](const ivy::Array& x, nb::handle axis, bool keepdims) {
        return ivy::argmin(x, to_opt_axis(axis, "argmin"), keepdims);
      },
      nb::arg("x"), nb::kw_only(), nb::arg("axis").none() = nb::none(),
      nb::arg("keepdims") = false);
}

void bind_manipulation(nb::module_& m) {
  m.def(
      "reshape",
      [](const ivy::Array& x, nb::handle shape, nb::handle) {
        return ivy::reshape(x, to_shape(shape, "reshape"));
      },
      nb::arg("x"), nb::arg("shape"), nb::kw_only(), nb::arg("copy").none() = nb::none());
  m.def(
      "broadcast_to",
      [](const ivy::Array& x, nb::handle shape) {
        return ivy::broadcast_to(x, to_shape(shape, "broadcast_to"));
      },
      nb::arg("x"), nb::arg("shape"));
  m.def(
      "permute_dims",
      [](const ivy::Array& x, nb::handle axes) {
        // The standard takes a tuple; NumPy (and the test suite) also accept an int.
        return ivy::transpose(x, to_axis_list(axes, "permute_dims"));
      },
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
      [](const ivy::Array& x, nb::handle axis) {
        return ivy::squeeze(x, to_axes(axis, "squeeze"));
      },
      nb::arg("x"), nb::arg("axis"));
  m.def(
      "concat",
      [](nb::handle arrays, nb::handle axis) {
        std::vector<ivy::Array> xs = to_arrays(arrays, "concat", "arrays");
        if (axis.is_none()) {
          for (auto& x : xs) x = ivy::reshape(x, {-1});
          return ivy::concat(xs, 0);
        }
        return ivy::concat(xs, to_axis(axis, "concat"));
      },
      nb::arg("arrays"), nb::kw_only(), nb::arg("axis").none() = 0);
  m.def(
      "stack",
      [](nb::handle arrays, int axis) {
        return ivy::stack(to_arrays(arrays, "stack", "arrays"), axis);
      },
      nb::arg("arrays"), nb::kw_only(), nb::arg("axis") = 0);
  m.def(
      "unstack", [](const ivy::Array& x, int axis) { return tuple_of(ivy::unstack(x, axis)); },
      nb::arg("x"), nb::kw_only(), nb::arg("axis") = 0);
  m.def(
      "split",
      [](const ivy::Array& x, nb::handle sections, int axis) {
        if (nb::isinstance<nb::tuple>(sections) || nb::isinstance<nb::list>(sections))
          return tuple_of(ivy::split(x, to_shape(sections, "split"), axis));
        return tuple_of(ivy::split(x, to_int(sections, "split", "num_or_size_splits"), axis));
      },
      nb::arg("x"), nb::arg("num_or_size_splits"), nb::kw_only(), nb::arg("axis") = 0);
  m.def(
      "flip",
      [](const ivy::Array& x, nb::handle axis) { return ivy::flip(x, to_axes(axis, "flip")); },
      nb::arg("x"), nb::kw_only(), nb::arg("axis").none() = nb::none());
  m.def(
      "tile",
      [](const ivy::Array& x, std::vector<std::int64_t> reps) { return ivy::tile(x, reps); },
      nb::arg("x"), nb::arg("repetitions"));
  m.def(
      "repeat",
      [](const ivy::Array& x, nb::handle repeats, nb::handle axis) {
        const std::optional<int> a = to_opt_axis(axis, "repeat");
        if (nb::isinstance<ivy::Array>(repeats))
          return ivy::repeat(x, nb::cast<const ivy::Array&>(repeats), a);
        return ivy::repeat(x, to_int(repeats, "repeat", "repeats"), a);
      },
      nb::arg("x"), nb::arg("repeats"), nb::kw_only(), nb::arg("axis").none() = nb::none());
  m.def(
      "constant_pad",
      [](const ivy::Array& x, std::vector<std::pair<std::int64_t, std::int64_t>> pad,
         nb::handle value) { return ivy::constant_pad(x, pad, to_scalar(value, "constant_pad")); },
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
      "searchsorted",
      [](const ivy::Array& x1, const ivy::Array& x2, const std::string& side,
         std::optional<ivy::Array> sorter) { return ivy::searchsorted(x1, x2, side, sorter); },
      nb::arg("x1"), nb::arg("x2"), nb::kw_only(), nb::arg("side") = "left",
      nb::arg("sorter").none() = nb::none());
  m.def(
      "roll",
      [](const ivy::Array& x, nb::handle shift, nb::handle axis) {
        std::optional<std::vector<int>> ax;
        if (!axis.is_none()) ax = to_axis_list(axis, "roll");
        if (nb::isinstance<ivy::Array>(shift))
          return ivy::roll(x, nb::cast<const ivy::Array&>(shift), ax);
        // Shifts are ints (a float or bool is a DTypeError naming the backend, as C++'s).
        auto one = [&](nb::handle s) {
          if (PyBool_Check(s.ptr()) || !PyIndex_Check(s.ptr()))
            ivy::detail::raise<ivy::DTypeError>("roll", x.backend().name,
                                                "shift must be an integer or a 0-d integer "
                                                "array, got " +
                                                    nb::cast<std::string>(nb::str(s.type())));
          return to_int(s, "roll", "shift");
        };
        std::vector<std::int64_t> shifts;
        if (nb::isinstance<nb::tuple>(shift) || nb::isinstance<nb::list>(shift)) {
          for (nb::handle s : shift) shifts.push_back(one(s));
        } else {
          shifts.push_back(one(shift));
        }
        return ivy::roll(x, shifts, ax);
      },
      nb::arg("x"), nb::arg("shift"), nb::kw_only(), nb::arg("axis").none() = nb::none());
  m.def(
      "moveaxis",
      [](const ivy::Array& x, nb::handle source, nb::handle destination) {
        return ivy::moveaxis(x, to_axis_list(source, "moveaxis"),
                             to_axis_list(destination, "moveaxis"));
      },
      nb::arg("x"), nb::arg("source"), nb::arg("destination"));
  m.def(
      "diff",
      [](const ivy::Array& x, nb::handle axis, nb::handle n, std::optional<ivy::Array> prepend,
         std::optional<ivy::Array> append) {
        return ivy::diff(x, to_axis(axis, "diff"), to_int(n, "diff", "n"), prepend, append);
      },
      nb::arg("x"), nb::kw_only(), nb::arg("axis") = -1, nb::arg("n") = 1,
      nb::arg("prepend").none() = nb::none(), nb::arg("append").none() = nb::none());
  m.def(
      "astype",
      [](const ivy::Array& x, ivy::DType d, bool copy, nb::handle device) {
        ivy::Array out = ivy::cast(x, d);
        if (auto dev = to_device(device, "astype")) out = ivy::to_device(out, *dev);
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
        return ivy::take(x, idx, to_axis(axis, "take"));
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
        return ivy::scatter_nd(idx, upd, to_shape(shape, "scatter_nd"), r);
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
        return ivy::einsum(subscripts, to_arrays(operands, "einsum", "operands"));
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
        if (rtol.is_none()) return ivy::pinv(x, -1.0);
        const double r = PyFloat_AsDouble(rtol.ptr());  // via __float__, as float(rtol)
        if (r == -1.0 && PyErr_Occurred()) {
          PyErr_Clear();
          type_error("linalg.pinv", "rtol", "a real number", rtol);
        }
        return ivy::pinv(x, r);
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
        return ivy::vector_norm(x, ord, to_axes(axis, "linalg.vector_norm"), keepdims);
      },
      nb::arg("x"), nb::kw_only(), nb::arg("axis").none() = nb::none(), nb::arg("keepdims") = false,
      nb::arg("ord") = 2.0);
  m.def(
      "matrix_norm",
      [](const ivy::Array& x, bool keepdims, nb::handle ord) {
        if (nb::isinstance<nb::str>(ord))
          return ivy::matrix_norm(x, nb::cast<std::string>(ord), {-2, -1}, keepdims);
        double o = 0.0;
        if (PyBool_Check(ord.ptr()) || !nb::try_cast<double>(ord, o))
          type_error("linalg.matrix_norm", "ord", "a number or 'fro' or 'nuc'", ord);
        return ivy::matrix_norm(x, o, {-2, -1}, keepdims);
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
        return ivy::random_uniform(
            operand_or_throw(low, "random_uniform"), operand_or_throw(high, "random_uniform"),
            shape.is_none() ? std::optional<ivy::Shape>{}
                            : std::optional<ivy::Shape>(to_shape(shape, "random_uniform")),
            make_options(dtype, nb::none(), backend, "random_uniform"));
      },
      nb::arg("low") = 0.0, nb::arg("high") = 1.0, nb::arg("shape").none() = nb::none(),
      nb::kw_only(), nb::arg("dtype").none() = nb::none(), nb::arg("backend").none() = nb::none());
  m.def(
      "random_normal",
      [](nb::handle mean, nb::handle std, nb::handle shape, nb::handle dtype, nb::handle backend) {
        return ivy::random_normal(
            operand_or_throw(mean, "random_normal"), operand_or_throw(std, "random_normal"),
            shape.is_none() ? std::optional<ivy::Shape>{}
                            : std::optional<ivy::Shape>(to_shape(shape, "random_normal")),
            make_options(dtype, nb::none(), backend, "random_normal"));
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
