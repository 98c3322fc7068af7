// x[key] and x[key] = value with the Array API's indexing: integers, slices, ellipsis, None,
// one boolean mask, and integer arrays (each indexing one axis, broadcast together).
#include <nanobind/stl/string.h>

#include <algorithm>

#include "common.hpp"

namespace ivypy {
namespace {

[[noreturn]] void index_error(const char* fn, const std::string& what) {
  throw ivy::IndexError(std::string("ivycpp.") + fn + ": " + what);
}

// A slice's bounds for an axis of length n by Python's own rules (PySlice_Unpack and
// PySlice_AdjustIndices): bounds go through __index__ (so 1.5 or "a" is a TypeError), huge ones
// clamp, and the result is in range, so no arithmetic on it can overflow.
ivy::Slice to_slice(nb::handle s, std::int64_t n, const char* fn) {
  Py_ssize_t start = 0, stop = 0, step = 0;
  if (PySlice_Unpack(s.ptr(), &start, &stop, &step) < 0) {
    const bool zero_step = PyErr_ExceptionMatches(PyExc_ValueError);
    PyErr_Clear();
    if (zero_step)
      throw ivy::ValueError(std::string("ivycpp.") + fn + ": slice step cannot be zero");
    throw nb::type_error((std::string("ivycpp.") + fn +
                          ": slice indices must be integers or None, got " + safe_repr(s))
                             .c_str());
  }
  if (PySlice_AdjustIndices(n, &start, &stop, step) == 0) return ivy::Slice{0, 0, 1};
  // With a negative step a stop of -1 means "through index 0", which ivy spells as no stop.
  if (step < 0 && stop < 0) return ivy::Slice{start, std::nullopt, step};
  return ivy::Slice{start, stop, step};
}

// One item of a key in canonical form: None, Ellipsis, a slice, a Python int or an ivycpp
// array. Lists and DLPack producers (NumPy arrays) become arrays, keeping their dtype, so a
// boolean one is a mask; a bool is a 0-d mask (NumPy's rule); NumPy integers become ints.
nb::object normalize_item(nb::handle h, const ivy::Array& x, const char* fn) {
  PyObject* o = h.ptr();
  if (h.is_none() || o == Py_Ellipsis || PySlice_Check(o) || PyLong_Check(o) ||
      nb::isinstance<ivy::Array>(h)) {
    if (PyBool_Check(o)) return nb::cast(ivy::array(o == Py_True, ivy::Options(x.backend())));
    return nb::borrow(h);
  }
  if (nb::hasattr(h, "__dlpack__") ||
      (PySequence_Check(o) && !nb::isinstance<nb::str>(h) && !nb::isinstance<nb::bytes>(h)))
    return nb::cast(array_from_python(h, ivy::Options(x.backend()), fn));
  if (PyIndex_Check(o)) {
    nb::object i = nb::steal(PyNumber_Index(o));
    if (i.is_valid()) return i;
    PyErr_Clear();
  }
  throw nb::type_error((std::string("ivycpp.") + fn + ": unsupported index " + safe_repr(h) +
                        " (integers, slices, ..., None, integer or boolean arrays)")
                           .c_str());
}

bool is_bool_array(nb::handle h) {
  return nb::isinstance<ivy::Array>(h) && ivy::is_bool(nb::cast<const ivy::Array&>(h).dtype());
}

// x[k] for a boolean array k: the selected elements, flattened over the mask's axes.
ivy::Array masked(const ivy::Array& x, const ivy::Array& k, const char* fn) {
  if (k.ndim() > x.ndim()) index_error(fn, "boolean index has more axes than the array");
  if (k.ndim() == 0) {
    ivy::Array e = ivy::expand_dims(x, 0);
    return k.item<bool>() ? e : ivy::slice(e, {ivy::Slice{0, 0, 1}});
  }
  // The standard lets a mask axis be 0 long whatever the array's: it selects nothing.
  for (int a = 0; a < k.ndim(); ++a)
    if (k.dim(a) != x.dim(a) && k.dim(a) != 0)
      index_error(fn,
                  "boolean index does not match the array's shape on axis " + std::to_string(a));
  return ivy::gather_nd(x, ivy::indices_where(k));
}

// The key's items with the ellipsis expanded into full slices (null objects).
std::vector<nb::object> expand_key(const ivy::Array& x, std::vector<nb::object> items,
                                   const char* fn) {
  int consumed = 0, ellipses = 0;
  for (const nb::object& h : items) {
    if (h.ptr() == Py_Ellipsis)
      ++ellipses;
    else if (!h.is_none())
      ++consumed;
  }
  if (ellipses > 1) index_error(fn, "an index can only have a single ellipsis");
  if (consumed > x.ndim())
    index_error(fn, "too many indices: " + std::to_string(consumed) + " for an array of rank " +
                        std::to_string(x.ndim()));
  std::vector<nb::object> out;
  for (nb::object& h : items) {
    if (h.ptr() == Py_Ellipsis) {
      for (int k = 0; k < x.ndim() - consumed; ++k) out.emplace_back();
    } else {
      out.push_back(std::move(h));
    }
  }
  if (!ellipses)
    for (int k = consumed; k < x.ndim(); ++k) out.emplace_back();
  return out;
}

// Integer arrays index their axes together: the result puts the broadcast index shape where
// the first of them stood (numpy's rule when they are adjacent).
ivy::Array advanced(const ivy::Array& x, const std::vector<std::pair<int, ivy::Array>>& idx,
                    const char* fn) {
  std::vector<ivy::Array> cols;
  ivy::Shape bshape;
  for (const auto& [axis, a] : idx)
    bshape = ivy::detail::broadcast_shapes(bshape, a.shape(), "__getitem__", x.backend_name());
  const int first = idx.front().first;
  const int k = static_cast<int>(idx.size());
  for (int j = 1; j < k; ++j)
    if (idx[j].first != first + j)
      index_error(fn, "integer array indices must index adjacent axes");
  // Move the indexed axes to the front, gather_nd, move the result axes back.
  std::vector<int> perm;
  for (int j = 0; j < k; ++j) perm.push_back(first + j);
  for (int a = 0; a < x.ndim(); ++a)
    if (a < first || a >= first + k) perm.push_back(a);
  ivy::Array moved = ivy::transpose(x, perm);
  for (const auto& [axis, a] : idx) {
    ivy::Array c = ivy::cast(ivy::broadcast_to(a, bshape), ivy::int64);
    const std::int64_t n = x.dim(axis);
    // Checked here, before the one wrap below: gather_nd accepts [-n, n) itself, so wrapping
    // an unchecked -6 on an axis of 5 and gathering would wrap it twice.
    if (c.size() > 0) {
      const auto lo = ivy::min(c).item<std::int64_t>(), hi = ivy::max(c).item<std::int64_t>();
      if (lo < -n || hi >= n)
        index_error(fn, "index " + std::to_string(lo < -n ? lo : hi) +
                            " is out of bounds for axis " + std::to_string(axis) + " with size " +
                            std::to_string(n));
    }
    c = ivy::where(ivy::less(c, 0), ivy::add(c, n), c);
    cols.push_back(c);
  }
  ivy::Array out = ivy::gather_nd(moved, ivy::stack(cols, -1));
  const int nb = static_cast<int>(bshape.size());
  std::vector<int> back;
  const int rest = out.ndim() - nb;
  for (int a = 0; a < first; ++a) back.push_back(nb + a);
  for (int a = 0; a < nb; ++a) back.push_back(a);
  for (int a = first; a < rest; ++a) back.push_back(nb + a);
  return ivy::transpose(out, back);
}

}  // namespace

ivy::Array getitem(const ivy::Array& x, nb::handle key, const char* fn) {
  std::vector<nb::object> raw;
  if (nb::isinstance<nb::tuple>(key)) {
    for (nb::handle h : key) raw.push_back(normalize_item(h, x, fn));
  } else {
    raw.push_back(normalize_item(key, x, fn));
  }
  for (const nb::object& h : raw) {
    if (!is_bool_array(h)) continue;
    if (raw.size() != 1) index_error(fn, "a boolean array must be the only index");
    return masked(x, nb::cast<const ivy::Array&>(h), fn);
  }
  const std::vector<nb::object> items = expand_key(x, std::move(raw), fn);
  std::vector<ivy::Slice> slices;
  std::vector<bool> drop;                          // per input axis: indexed by an integer
  std::vector<int> new_axes;                       // positions (among kept and new axes) of None
  std::vector<std::pair<int, ivy::Array>> arrays;  // (axis, integer index array)
  int axis = 0, out_pos = 0;
  for (const nb::object& h : items) {
    if (h.is_valid() && h.is_none()) {
      new_axes.push_back(out_pos++);
      continue;
    }
    const std::int64_t n = x.dim(axis);
    const bool int_array = h.is_valid() && nb::isinstance<ivy::Array>(h) &&
                           ivy::is_integral(nb::cast<const ivy::Array&>(h).dtype());
    if (!h.is_valid()) {
      slices.push_back({});
      drop.push_back(false);
      ++out_pos;
    } else if (PySlice_Check(h.ptr())) {
      slices.push_back(to_slice(h, n, fn));
      drop.push_back(false);
      ++out_pos;
    } else if (PyLong_Check(h.ptr()) || (int_array && nb::cast<const ivy::Array&>(h).ndim() == 0)) {
      std::int64_t i = PyLong_Check(h.ptr()) ? to_int(h, fn, "index", Overflow::index_error)
                                             : nb::cast<const ivy::Array&>(h).item<std::int64_t>();
      if (i < -n || i >= n)
        index_error(fn, "index " + std::to_string(i) + " is out of bounds for axis " +
                            std::to_string(axis) + " with size " + std::to_string(n));
      if (i < 0) i += n;
      slices.push_back(ivy::Slice{i, i + 1, 1});
      drop.push_back(true);
    } else if (int_array) {
      arrays.push_back({axis, nb::cast<const ivy::Array&>(h)});
      slices.push_back({});
      drop.push_back(false);
      ++out_pos;
    } else {
      index_error(fn, "array indices must be integers (or one boolean array), got dtype " +
                          std::string(ivy::dtype_name(nb::cast<const ivy::Array&>(h).dtype())));
    }
    ++axis;
  }
  if (!arrays.empty()) {
    // Integers next to integer arrays are 0-d index arrays (numpy's rule).
    for (int a = 0; a < x.ndim(); ++a) {
      if (!drop[a]) continue;
      const std::int64_t i = slices[a].start.value_or(0);
      arrays.push_back({a, ivy::array(i, ivy::Options(x.backend()))});
      slices[a] = {};
      drop[a] = false;
    }
    std::sort(arrays.begin(), arrays.end(),
              [](const auto& p, const auto& q) { return p.first < q.first; });
    if (!new_axes.empty()) index_error(fn, "None cannot be combined with integer array indices");
    return advanced(x.ndim() ? ivy::slice(x, slices) : x, arrays, fn);
  }
  ivy::Array out = x.ndim() ? ivy::slice(x, slices) : x;
  ivy::Shape shape;
  const ivy::Shape sliced = out.shape();
  for (int a = 0; a < x.ndim(); ++a)
    if (!drop[a]) shape.push_back(sliced[a]);
  for (int p : new_axes) shape.insert(shape.begin() + p, 1);
  if (shape != sliced) out = ivy::reshape(out, shape);
  return out;
}

namespace {

// x[key] = value, functionally: the flat positions that key selects (found by indexing an
// arange) receive value, the rest keep x. The Python object is then rebound to the result.
void setitem(ivy::Array& x, nb::handle key, nb::handle value) {
  const char* fn = "Array.__setitem__";
  const ivy::Options on_x = ivy::Options(x.backend());
  ivy::Array positions = ivy::reshape(ivy::arange(x.size(), on_x), x.shape());
  ivy::Array selected = getitem(positions, key, fn);
  ivy::Array sel = ivy::reshape(selected, {-1});
  // A Python scalar takes x's dtype and must fit it (array_from_python checks).
  ivy::Array v = nb::isinstance<ivy::Array>(value)
                     ? nb::cast<const ivy::Array&>(value)
                     : array_from_python(value, ivy::Options(x.dtype()).on(x.backend()), fn);
  const ivy::Shape target = selected.shape();
  // Scatter in a dtype every backend scatters (bool travels as int32).
  const ivy::DType work = ivy::is_bool(x.dtype()) ? ivy::int32 : x.dtype();
  ivy::Array upd = ivy::reshape(ivy::cast(ivy::broadcast_to(v, target), work), {-1});
  ivy::Array scattered = ivy::scatter_flat(sel, upd, x.size(), "replace");
  ivy::Array hit = ivy::scatter_flat(
      sel, ivy::ones({sel.size()}, ivy::Options(ivy::int32).on(x.backend())), x.size(), "replace");
  ivy::Array mask = ivy::reshape(ivy::greater(hit, 0), x.shape());
  ivy::Array out = ivy::where(mask, ivy::cast(ivy::reshape(scattered, x.shape()), x.dtype()), x);
  x = out;
}

}  // namespace

void bind_indexing(nb::class_<ivy::Array>& cls) {
  // .none(): x[None] is a valid key (a new axis).
  cls.def(
      "__getitem__", [](const ivy::Array& x, nb::handle key) { return getitem(x, key); },
      nb::arg("key").none());
  cls.def("__setitem__", &setitem, nb::arg("key").none(), nb::arg("value"));
}

}  // namespace ivypy
