// Creation functions of the Array API, each with an optional backend= (a backend name).
#include <nanobind/stl/optional.h>
#include <nanobind/stl/string.h>
#include <nanobind/stl/vector.h>

#include <algorithm>
#include <cmath>

#include "common.hpp"

namespace ivypy {
namespace {

// Values of nested Python sequences, flattened row-major, and their shape.
struct Flat {
  std::vector<double> f;
  std::vector<std::int64_t> i;
  bool any_float = false, all_bool = true;
  ivy::Shape shape;
  bool shape_known = false;
};

[[noreturn]] void ragged(const char* fn) {
  throw ivy::ShapeError(std::string("ivycpp.") + fn + ": ragged nested sequence");
}

void flatten(nb::handle obj, int depth, ivy::Shape& prefix, Flat& out, const char* fn) {
  PyObject* o = obj.ptr();
  const bool scalar =
      PyBool_Check(o) || PyLong_Check(o) || PyFloat_Check(o) ||
      (nb::isinstance<ivy::Array>(obj) && nb::cast<const ivy::Array&>(obj).ndim() == 0);
  if (scalar) {
    if (!out.shape_known) {
      out.shape = prefix;
      out.shape_known = true;
    } else if (static_cast<int>(out.shape.size()) != depth) {
      ragged(fn);
    }
    if (nb::isinstance<ivy::Array>(obj)) {
      const auto& a = nb::cast<const ivy::Array&>(obj);
      out.any_float |= ivy::is_floating(a.dtype());
      out.all_bool &= ivy::is_bool(a.dtype());
      out.f.push_back(a.item<double>());
      out.i.push_back(ivy::is_floating(a.dtype()) ? 0 : a.item<std::int64_t>());
      return;
    }
    if (PyFloat_Check(o)) {
      out.any_float = true;
      out.all_bool = false;
      out.f.push_back(PyFloat_AsDouble(o));
      out.i.push_back(0);
      return;
    }
    if (!PyBool_Check(o)) out.all_bool = false;
    const std::int64_t v = PyBool_Check(o) ? (o == Py_True) : to_int(obj, fn, "Python int");
    out.f.push_back(static_cast<double>(v));
    out.i.push_back(v);
    return;
  }
  if (!nb::isinstance<nb::sequence>(obj) || nb::isinstance<nb::str>(obj))
    throw nb::type_error((std::string("ivycpp.") + fn + ": cannot make an array from " +
                          nb::cast<std::string>(nb::repr(obj)))
                             .c_str());
  const std::int64_t n = static_cast<std::int64_t>(nb::len(obj));
  if (out.shape_known) {
    if (static_cast<int>(out.shape.size()) <= depth || out.shape[depth] != n) ragged(fn);
  }
  prefix.push_back(n);
  if (n == 0 && !out.shape_known) {
    out.shape = prefix;
    out.shape_known = true;
    out.all_bool = false;
  }
  for (nb::handle item : obj) flatten(item, depth + 1, prefix, out, fn);
  prefix.pop_back();
}

}  // namespace

ivy::Array array_from_python(nb::handle obj, const ivy::Options& opts, const char* fn,
                             bool* shared) {
  if (nb::hasattr(obj, "__dlpack__") && !nb::isinstance<ivy::Array>(obj)) {
    ivy::Array a =
        import_dlpack(obj, opts.backend ? *opts.backend : ivy::current_backend(), fn, shared);
    if (!opts.dtype || *opts.dtype == a.dtype()) return a;
    if (shared) *shared = false;  // the cast is a copy
    return ivy::cast(a, *opts.dtype);
  }
  if (shared) *shared = false;
  Flat flat;
  ivy::Shape prefix;
  flatten(obj, 0, prefix, flat, fn);
  if (opts.dtype && !flat.all_bool && !flat.f.empty()) {
    // Python numbers must fit the requested dtype (NumPy 2 raises too): the extremes decide.
    const ivy::Backend& b = opts.backend ? *opts.backend : ivy::current_backend();
    if (flat.any_float) {
      const auto [lo, hi] = std::minmax_element(flat.f.begin(), flat.f.end());
      for (double v : {*lo, *hi}) check_scalar_fits(v, *opts.dtype, b, fn);
      // NaN compares false both ways, so minmax_element may pass it by.
      for (double v : flat.f)
        if (std::isnan(v)) check_scalar_fits(v, *opts.dtype, b, fn);
    } else {
      const auto [lo, hi] = std::minmax_element(flat.i.begin(), flat.i.end());
      for (std::int64_t v : {*lo, *hi}) check_scalar_fits(v, *opts.dtype, b, fn);
    }
  }
  if (flat.any_float) {
    // The default float dtype (float32), not the double the values travel in.
    ivy::Options o = opts;
    if (!o.dtype) o.dtype = ivy::kDefaultFloat;
    return ivy::array(flat.f, flat.shape, o);
  }
  if (flat.all_bool) {
    std::vector<bool> b(flat.i.begin(), flat.i.end());
    return ivy::array(b, flat.shape, opts);
  }
  return ivy::array(flat.i, flat.shape, opts);
}

namespace {

// An ivycpp Array that needs no conversion comes back as the same Python object unless a copy
// is asked for: asarray(x, copy=False) then aliases x, and a later x[i] = v (which rebinds x)
// shows in the result, as the standard requires. copy=False with a needed conversion (dtype,
// device, backend) is a ValueError.
nb::object asarray(nb::handle obj, nb::handle dtype, nb::handle device, nb::handle copy,
                   nb::handle backend) {
  const ivy::Options opts = make_options(dtype, device, backend, "asarray");
  const std::optional<bool> c = to_opt_bool(copy, "asarray", "copy");
  const bool want_copy = c.value_or(false), no_copy = c && !*c;
  if (nb::isinstance<ivy::Array>(obj)) {
    ivy::Array a = nb::cast<const ivy::Array&>(obj);
    const bool other_backend = opts.backend && opts.backend != a.backend_ptr();
    const bool other_device = opts.device && !(*opts.device == a.device());
    const bool other_dtype = opts.dtype && *opts.dtype != a.dtype();
    if (!other_backend && !other_device && !other_dtype)
      return want_copy ? nb::cast(copy_array(a)) : nb::borrow(obj);
    if (no_copy)
      throw nb::value_error(
          "ivycpp.asarray: copy=False, but a different dtype, device or backend needs a copy");
    if (other_backend) a = ivy::to_backend(a, *opts.backend);
    if (other_device) a = ivy::to_device(a, *opts.device);
    return nb::cast(other_dtype ? ivy::cast(a, *opts.dtype) : a);
  }
  if (!nb::hasattr(obj, "__dlpack__")) {
    if (no_copy)
      throw nb::value_error("ivycpp.asarray: copy=False needs an object that supports DLPack");
    return nb::cast(array_from_python(obj, opts, "asarray"));
  }
  bool shared = false;
  ivy::Array a = array_from_python(obj, opts, "asarray", &shared);
  if (no_copy && !shared)
    throw nb::value_error(("ivycpp.asarray: copy=False, but the " + std::string(a.backend_name()) +
                           " backend needs a copy (it copies on import, or the dtype differs)")
                              .c_str());
  return nb::cast(want_copy && shared ? copy_array(a) : a);
}

}  // namespace

void bind_creation(nb::module_& m) {
  const auto dt = nb::arg("dtype").none() = nb::none();
  const auto dev = nb::arg("device").none() = nb::none();
  const auto be = nb::arg("backend").none() = nb::none();
  m.def("asarray", &asarray, nb::arg("obj"), nb::kw_only(), dt, dev,
        nb::arg("copy").none() = nb::none(), be);
  m.def("_copy", &copy_array);
  for (const char* name : {"zeros", "empty"})
    m.def(
        name,
        [name](nb::handle shape, nb::handle dtype, nb::handle device, nb::handle backend) {
          return ivy::zeros(to_shape(shape, name), make_options(dtype, device, backend, name));
        },
        nb::arg("shape"), nb::kw_only(), dt, dev, be);
  m.def(
      "ones",
      [](nb::handle shape, nb::handle dtype, nb::handle device, nb::handle backend) {
        return ivy::ones(to_shape(shape, "ones"), make_options(dtype, device, backend, "ones"));
      },
      nb::arg("shape"), nb::kw_only(), dt, dev, be);
  m.def(
      "full",
      [](nb::handle shape, nb::handle value, nb::handle dtype, nb::handle device,
         nb::handle backend) {
        return ivy::full(to_shape(shape, "full"), to_scalar(value, "full"),
                         make_options(dtype, device, backend, "full"));
      },
      nb::arg("shape"), nb::arg("fill_value"), nb::kw_only(), dt, dev, be);
  for (const char* name : {"zeros_like", "empty_like"})
    m.def(
        name,
        [name](const ivy::Array& x, nb::handle dtype, nb::handle device) {
          return ivy::zeros_like(x, make_options(dtype, device, nb::none(), name));
        },
        nb::arg("x"), nb::kw_only(), dt, dev);
  m.def(
      "ones_like",
      [](const ivy::Array& x, nb::handle dtype, nb::handle device) {
        return ivy::ones_like(x, make_options(dtype, device, nb::none(), "ones_like"));
      },
      nb::arg("x"), nb::kw_only(), dt, dev);
  m.def(
      "full_like",
      [](const ivy::Array& x, nb::handle value, nb::handle dtype, nb::handle device) {
        return ivy::full_like(x, to_scalar(value, "full_like"),
                              make_options(dtype, device, nb::none(), "full_like"));
      },
      nb::arg("x"), nb::arg("fill_value"), nb::kw_only(), dt, dev);
  m.def(
      "arange",
      [](nb::handle start, nb::handle stop, nb::handle step, nb::handle dtype, nb::handle device,
         nb::handle backend) {
        const char* fn = "arange";
        const ivy::Options o = make_options(dtype, device, backend, fn);
        if (stop.is_none())
          return ivy::arange(ivy::Scalar(std::int64_t{0}), to_scalar(start, fn),
                             to_scalar(step, fn), o);
        return ivy::arange(to_scalar(start, fn), to_scalar(stop, fn), to_scalar(step, fn), o);
      },
      nb::arg("start"), nb::arg("stop").none() = nb::none(), nb::arg("step") = 1, nb::kw_only(), dt,
      dev, be);
  m.def(
      "linspace",
      [](nb::handle start, nb::handle stop, std::int64_t num, nb::handle dtype, nb::handle device,
         bool endpoint, nb::handle backend) {
        return ivy::linspace(operand_or_throw(start, "linspace"),
                             operand_or_throw(stop, "linspace"), num, -1, endpoint,
                             make_options(dtype, device, backend, "linspace"));
      },
      nb::arg("start"), nb::arg("stop"), nb::arg("num"), nb::kw_only(), dt, dev,
      nb::arg("endpoint") = true, be);
  m.def(
      "eye",
      [](std::int64_t n, std::optional<std::int64_t> m_, nb::int_ k, nb::handle dtype,
         nb::handle device, nb::handle backend) {
        // ivy::eye reads a negative m as "m = n"; from Python only None means that.
        if (m_ && *m_ < 0)
          throw ivy::ValueError("ivycpp.eye: n_cols must be >= 0 or None, got " +
                                std::to_string(*m_));
        // Any Python int is a valid k; beyond +-(n + m) the diagonal is empty either way.
        const std::int64_t cols = m_.value_or(n);
        const std::int64_t lim = n + cols + 1;
        const std::int64_t k_in =
            k > nb::int_(lim) ? lim : (k < nb::int_(-lim) ? -lim : nb::cast<std::int64_t>(k));
        return ivy::eye(n, m_.value_or(-1), k_in, make_options(dtype, device, backend, "eye"));
      },
      nb::arg("n_rows"), nb::arg("n_cols").none() = nb::none(), nb::kw_only(), nb::arg("k") = 0, dt,
      dev, be);
  m.def(
      "meshgrid",
      [](nb::args arrays, const std::string& indexing) {
        return ivy::meshgrid(to_arrays(arrays, "meshgrid", "arrays"), indexing);
      },
      nb::arg("arrays"), nb::kw_only(), nb::arg("indexing") = "xy");
  m.def(
      "tril", [](const ivy::Array& x, std::int64_t k) { return ivy::tril(x, k); }, nb::arg("x"),
      nb::kw_only(), nb::arg("k") = 0);
  m.def(
      "triu", [](const ivy::Array& x, std::int64_t k) { return ivy::triu(x, k); }, nb::arg("x"),
      nb::kw_only(), nb::arg("k") = 0);
  m.def(
      "one_hot",
      [](const ivy::Array& indices, std::int64_t depth, nb::handle dtype, nb::handle device) {
        return ivy::one_hot(indices, depth, make_options(dtype, device, nb::none(), "one_hot"));
      },
      nb::arg("indices"), nb::arg("depth"), nb::kw_only(), dt, dev);
  m.def(
      "identity",
      [](std::int64_t n, nb::handle batch_shape, nb::handle dtype, nb::handle device,
         nb::handle backend) {
        return ivy::identity(n, to_shape(batch_shape, "identity"),
                             make_options(dtype, device, backend, "identity"));
      },
      nb::arg("n"), nb::arg("batch_shape") = nb::tuple(), nb::kw_only(), dt, dev, be);
}

}  // namespace ivypy
