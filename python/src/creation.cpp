// Creation functions of the Array API, each with an optional backend= (a backend name).
#include <nanobind/stl/optional.h>
#include <nanobind/stl/string.h>
#include <nanobind/stl/vector.h>

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

void flatten(nb::handle obj, int depth, ivy::Shape& prefix, Flat& out) {
  PyObject* o = obj.ptr();
  const bool scalar =
      PyBool_Check(o) || PyLong_Check(o) || PyFloat_Check(o) ||
      (nb::isinstance<ivy::Array>(obj) && nb::cast<const ivy::Array&>(obj).ndim() == 0);
  if (scalar) {
    if (!out.shape_known) {
      out.shape = prefix;
      out.shape_known = true;
    } else if (static_cast<int>(out.shape.size()) != depth) {
      throw ivy::ShapeError("ivycpp.asarray: ragged nested sequence");
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
    int overflow = 0;
    const long long v = PyLong_AsLongLongAndOverflow(o, &overflow);
    if (overflow) throw nb::value_error("ivycpp.asarray: Python int out of the int64 range");
    out.f.push_back(static_cast<double>(v));
    out.i.push_back(v);
    return;
  }
  if (!nb::isinstance<nb::sequence>(obj) || nb::isinstance<nb::str>(obj))
    throw nb::type_error(
        ("ivycpp.asarray: cannot make an array from " + nb::cast<std::string>(nb::repr(obj)))
            .c_str());
  const std::int64_t n = static_cast<std::int64_t>(nb::len(obj));
  if (out.shape_known) {
    if (static_cast<int>(out.shape.size()) <= depth || out.shape[depth] != n)
      throw ivy::ShapeError("ivycpp.asarray: ragged nested sequence");
  }
  prefix.push_back(n);
  if (n == 0 && !out.shape_known) {
    out.shape = prefix;
    out.shape_known = true;
    out.all_bool = false;
  }
  for (nb::handle item : obj) flatten(item, depth + 1, prefix, out);
  prefix.pop_back();
}

}  // namespace

ivy::Array array_from_python(nb::handle obj, const ivy::Options& opts, bool* shared) {
  if (nb::hasattr(obj, "__dlpack__") && !nb::isinstance<ivy::Array>(obj)) {
    ivy::Array a =
        import_dlpack(obj, opts.backend ? *opts.backend : ivy::current_backend(), shared);
    if (!opts.dtype || *opts.dtype == a.dtype()) return a;
    if (shared) *shared = false;  // the cast is a copy
    return ivy::cast(a, *opts.dtype);
  }
  if (shared) *shared = false;
  Flat flat;
  ivy::Shape prefix;
  flatten(obj, 0, prefix, flat);
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
  const ivy::Options opts = make_options(dtype, device, backend);
  const bool want_copy = !copy.is_none() && nb::cast<bool>(copy);
  const bool no_copy = !copy.is_none() && !want_copy;
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
    return nb::cast(array_from_python(obj, opts));
  }
  bool shared = false;
  ivy::Array a = array_from_python(obj, opts, &shared);
  if (no_copy && !shared)
    throw nb::value_error(("ivycpp.asarray: copy=False, but the " + std::string(a.backend_name()) +
                           " backend needs a copy (it copies on import, or the dtype differs)")
                              .c_str());
  return nb::cast(want_copy && shared ? copy_array(a) : a);
}

ivy::Scalar to_scalar(nb::handle h) {
  auto op = to_operand(h);
  if (!op || op->is_array()) throw nb::type_error("expected a Python bool, int or float");
  return op->scalar();
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
        [](nb::handle shape, nb::handle dtype, nb::handle device, nb::handle backend) {
          return ivy::zeros(to_shape(shape), make_options(dtype, device, backend));
        },
        nb::arg("shape"), nb::kw_only(), dt, dev, be);
  m.def(
      "ones",
      [](nb::handle shape, nb::handle dtype, nb::handle device, nb::handle backend) {
        return ivy::ones(to_shape(shape), make_options(dtype, device, backend));
      },
      nb::arg("shape"), nb::kw_only(), dt, dev, be);
  m.def(
      "full",
      [](nb::handle shape, nb::handle value, nb::handle dtype, nb::handle device,
         nb::handle backend) {
        return ivy::full(to_shape(shape), to_scalar(value), make_options(dtype, device, backend));
      },
      nb::arg("shape"), nb::arg("fill_value"), nb::kw_only(), dt, dev, be);
  for (const char* name : {"zeros_like", "empty_like"})
    m.def(
        name,
        [](const ivy::Array& x, nb::handle dtype, nb::handle device) {
          return ivy::zeros_like(x, make_options(dtype, device, nb::none()));
        },
        nb::arg("x"), nb::kw_only(), dt, dev);
  m.def(
      "ones_like",
      [](const ivy::Array& x, nb::handle dtype, nb::handle device) {
        return ivy::ones_like(x, make_options(dtype, device, nb::none()));
      },
      nb::arg("x"), nb::kw_only(), dt, dev);
  m.def(
      "full_like",
      [](const ivy::Array& x, nb::handle value, nb::handle dtype, nb::handle device) {
        return ivy::full_like(x, to_scalar(value), make_options(dtype, device, nb::none()));
      },
      nb::arg("x"), nb::arg("fill_value"), nb::kw_only(), dt, dev);
  m.def(
      "arange",
      [](nb::handle start, nb::handle stop, nb::handle step, nb::handle dtype, nb::handle device,
         nb::handle backend) {
        const ivy::Options o = make_options(dtype, device, backend);
        if (stop.is_none())
          return ivy::arange(ivy::Scalar(std::int64_t{0}), to_scalar(start), to_scalar(step), o);
        return ivy::arange(to_scalar(start), to_scalar(stop), to_scalar(step), o);
      },
      nb::arg("start"), nb::arg("stop").none() = nb::none(), nb::arg("step") = 1, nb::kw_only(), dt,
      dev, be);
  m.def(
      "linspace",
      [](nb::handle start, nb::handle stop, std::int64_t num, nb::handle dtype, nb::handle device,
         bool endpoint, nb::handle backend) {
        return ivy::linspace(operand_or_throw(start, "linspace"),
                             operand_or_throw(stop, "linspace"), num, -1, endpoint,
                             make_options(dtype, device, backend));
      },
      nb::arg("start"), nb::arg("stop"), nb::arg("num"), nb::kw_only(), dt, dev,
      nb::arg("endpoint") = true, be);
  m.def(
      "eye",
      [](std::int64_t n, std::optional<std::int64_t> m_, nb::int_ k, nb::handle dtype,
         nb::handle device, nb::handle backend) {
        // Any Python int is a valid k; beyond +-(n + m) the diagonal is empty either way.
        const std::int64_t cols = m_.value_or(n);
        const std::int64_t lim = n + cols + 1;
        const std::int64_t k_in =
            k > nb::int_(lim) ? lim : (k < nb::int_(-lim) ? -lim : nb::cast<std::int64_t>(k));
        return ivy::eye(n, m_.value_or(-1), k_in, make_options(dtype, device, backend));
      },
      nb::arg("n_rows"), nb::arg("n_cols").none() = nb::none(), nb::kw_only(), nb::arg("k") = 0, dt,
      dev, be);
  m.def(
      "meshgrid",
      [](nb::args arrays, const std::string& indexing) {
        std::vector<ivy::Array> xs;
        for (nb::handle a : arrays) xs.push_back(nb::cast<ivy::Array>(a));
        return ivy::meshgrid(xs, indexing);
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
        return ivy::one_hot(indices, depth, make_options(dtype, device, nb::none()));
      },
      nb::arg("indices"), nb::arg("depth"), nb::kw_only(), dt, dev);
  m.def(
      "identity",
      [](std::int64_t n, nb::handle batch_shape, nb::handle dtype, nb::handle device,
         nb::handle backend) {
        return ivy::identity(n, to_shape(batch_shape), make_options(dtype, device, backend));
      },
      nb::arg("n"), nb::arg("batch_shape") = nb::tuple(), nb::kw_only(), dt, dev, be);
}

}  // namespace ivypy
