// x[key] and x[key] = value with the Array API's indexing: integers, slices, ellipsis, None,
// one boolean mask, and integer arrays (each indexing one axis, broadcast together).
#include <nanobind/stl/string.h>

#include <algorithm>

#include "common.hpp"

namespace ivypy {
namespace {

[[noreturn]] void index_error(const std::string& what) {
  throw ivy::IndexError("ivycpp.Array.__getitem__: " + what);
}

std::optional<std::int64_t> opt_int(nb::handle h) {
  if (h.is_none()) return std::nullopt;
  return nb::cast<std::int64_t>(nb::handle(PyNumber_Index(h.ptr())));
}

bool is_int_like(nb::handle h) {
  if (PyBool_Check(h.ptr())) return false;
  if (PyLong_Check(h.ptr())) return true;
  return false;
}

// The key as a list of items with the ellipsis expanded into full slices.
std::vector<nb::handle> expand_key(const ivy::Array& x, nb::handle key, nb::tuple& holder) {
  holder = nb::isinstance<nb::tuple>(key) ? nb::borrow<nb::tuple>(key) : nb::make_tuple(key);
  std::vector<nb::handle> items(holder.begin(), holder.end());
  int consumed = 0, ellipses = 0;
  for (nb::handle h : items) {
    if (h.ptr() == Py_Ellipsis)
      ++ellipses;
    else if (!h.is_none())
      ++consumed;
  }
  if (ellipses > 1) index_error("an index can only have a single ellipsis");
  if (consumed > x.ndim())
    index_error("too many indices: " + std::to_string(consumed) + " for an array of rank " +
                std::to_string(x.ndim()));
  std::vector<nb::handle> out;
  for (nb::handle h : items) {
    if (h.ptr() == Py_Ellipsis) {
      for (int k = 0; k < x.ndim() - consumed; ++k) out.push_back(nb::handle());
    } else {
      out.push_back(h);
    }
  }
  if (!ellipses)
    for (int k = consumed; k < x.ndim(); ++k) out.push_back(nb::handle());
  return out;
}

// Integer arrays index their axes together: the result puts the broadcast index shape where
// the first of them stood (numpy's rule when they are adjacent).
ivy::Array advanced(const ivy::Array& x, const std::vector<std::pair<int, ivy::Array>>& idx) {
  std::vector<ivy::Array> cols;
  ivy::Shape bshape;
  for (const auto& [axis, a] : idx)
    bshape = ivy::detail::broadcast_shapes(bshape, a.shape(), "__getitem__", x.backend_name());
  const int first = idx.front().first;
  const int k = static_cast<int>(idx.size());
  for (int j = 1; j < k; ++j)
    if (idx[j].first != first + j) index_error("integer array indices must index adjacent axes");
  // Move the indexed axes to the front, gather_nd, move the result axes back.
  std::vector<int> perm;
  for (int j = 0; j < k; ++j) perm.push_back(first + j);
  for (int a = 0; a < x.ndim(); ++a)
    if (a < first || a >= first + k) perm.push_back(a);
  ivy::Array moved = ivy::transpose(x, perm);
  for (const auto& [axis, a] : idx) {
    ivy::Array c = ivy::cast(ivy::broadcast_to(a, bshape), ivy::int64);
    // Negative indices count from the end.
    c = ivy::where(ivy::less(c, 0), ivy::add(c, x.dim(axis)), c);
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

ivy::Array getitem(const ivy::Array& x, nb::handle key) {
  // A single boolean array: the selected elements, flattened over the mask's axes.
  if (nb::isinstance<ivy::Array>(key)) {
    const auto& k = nb::cast<const ivy::Array&>(key);
    if (ivy::is_bool(k.dtype())) {
      if (k.ndim() > x.ndim()) index_error("boolean index has more axes than the array");
      if (k.ndim() == 0) {
        ivy::Array e = ivy::expand_dims(x, 0);
        return k.item<bool>() ? e : ivy::slice(e, {ivy::Slice{0, 0, 1}});
      }
      // The standard lets a mask axis be 0 long whatever the array's: it selects nothing.
      for (int a = 0; a < k.ndim(); ++a)
        if (k.dim(a) != x.dim(a) && k.dim(a) != 0)
          index_error("boolean index does not match the array's shape on axis " +
                      std::to_string(a));
      return ivy::gather_nd(x, ivy::indices_where(k));
    }
  }
  nb::tuple holder;
  const std::vector<nb::handle> items = expand_key(x, key, holder);
  std::vector<ivy::Slice> slices;
  std::vector<bool> drop;                          // per input axis: indexed by an integer
  std::vector<int> new_axes;                       // positions (among kept and new axes) of None
  std::vector<std::pair<int, ivy::Array>> arrays;  // (axis, integer index array)
  int axis = 0, out_pos = 0;
  for (nb::handle h : items) {
    if (h.is_none() && h.ptr() != nullptr) {
      new_axes.push_back(out_pos++);
      continue;
    }
    const std::int64_t n = x.dim(axis);
    if (!h.ptr()) {
      slices.push_back({});
      drop.push_back(false);
      ++out_pos;
    } else if (nb::isinstance<nb::slice>(h)) {
      ivy::Slice s{opt_int(h.attr("start")), opt_int(h.attr("stop")), 1};
      if (auto st = opt_int(h.attr("step"))) s.step = *st;
      slices.push_back(s);
      drop.push_back(false);
      ++out_pos;
    } else if (is_int_like(h) ||
               (nb::isinstance<ivy::Array>(h) && nb::cast<const ivy::Array&>(h).ndim() == 0 &&
                ivy::is_integral(nb::cast<const ivy::Array&>(h).dtype()))) {
      std::int64_t i = nb::isinstance<ivy::Array>(h)
                           ? nb::cast<const ivy::Array&>(h).item<std::int64_t>()
                           : nb::cast<std::int64_t>(h);
      if (i < -n || i >= n)
        index_error("index " + std::to_string(i) + " is out of bounds for axis " +
                    std::to_string(axis) + " with size " + std::to_string(n));
      if (i < 0) i += n;
      slices.push_back(ivy::Slice{i, i + 1, 1});
      drop.push_back(true);
    } else if (nb::isinstance<ivy::Array>(h)) {
      const auto& a = nb::cast<const ivy::Array&>(h);
      if (!ivy::is_integral(a.dtype()))
        index_error("array indices must be integers (or one boolean array)");
      arrays.push_back({axis, a});
      slices.push_back({});
      drop.push_back(false);
      ++out_pos;
    } else if (nb::isinstance<nb::sequence>(h) && !nb::isinstance<nb::str>(h)) {
      arrays.push_back({axis, array_from_python(h, ivy::Options(x.backend()))});
      slices.push_back({});
      drop.push_back(false);
      ++out_pos;
    } else {
      throw nb::type_error(("unsupported index " + nb::cast<std::string>(nb::repr(h))).c_str());
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
    if (!new_axes.empty()) index_error("None cannot be combined with integer array indices");
    return advanced(x.ndim() ? ivy::slice(x, slices) : x, arrays);
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
  const ivy::Options on_x = ivy::Options(x.backend());
  ivy::Array positions = ivy::reshape(ivy::arange(x.size(), on_x), x.shape());
  ivy::Array sel = ivy::reshape(getitem(positions, key), {-1});
  ivy::Array v = nb::isinstance<ivy::Array>(value)
                     ? nb::cast<const ivy::Array&>(value)
                     : array_from_python(value, ivy::Options(x.dtype()).on(x.backend()));
  const ivy::Shape target = getitem(positions, key).shape();
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
  cls.def("__getitem__", &getitem, nb::arg("key").none());
  cls.def("__setitem__", &setitem, nb::arg("key").none(), nb::arg("value"));
}

}  // namespace ivypy
