// ivycpp.Container: ivy::Container from Python, dict-like with key chains ("a/b/c"), attribute
// access to its keys (c.layer0.w, as the original ivy.Container), leaf-wise arithmetic and
// reductions, map, pruning and HDF5 files. Leaves come back as ivycpp arrays or Python scalars.
#include <nanobind/stl/string.h>
#include <nanobind/stl/string_view.h>
#include <nanobind/stl/vector.h>

#include <string>
#include <vector>

#include "common.hpp"

namespace ivypy {
namespace {

constexpr const char* kCls = "Container";

[[noreturn]] void key_error(const std::string& chain) {
  throw nb::key_error(("ivycpp.Container: no key chain '" + chain + "'").c_str());
}

nb::object scalar_to_python(const ivy::Scalar& s) {
  switch (s.kind()) {
    case ivy::Scalar::Kind::boolean:
      return nb::bool_(s.as_bool());
    case ivy::Scalar::Kind::integer:
      return nb::int_(s.as_int());
    case ivy::Scalar::Kind::floating:
      return nb::float_(s.as_double());
  }
  return nb::none();
}

}  // namespace

bool is_container(nb::handle h) { return nb::isinstance<ivy::Container>(h); }

ivy::Container to_container(nb::handle h, const char* fn) {
  if (is_container(h)) return nb::cast<ivy::Container>(h);
  if (nb::isinstance<nb::dict>(h)) {
    ivy::Container c;
    for (auto [k, v] : nb::borrow<nb::dict>(h)) {
      if (!nb::isinstance<nb::str>(k)) type_error(fn, "each key", "a str", k);
      c.set_at_key_chain(nb::cast<std::string>(k), to_container(v, fn));
    }
    return c;
  }
  if (nb::isinstance<ivy::Array>(h)) return ivy::Container(nb::cast<ivy::Array>(h));
  if (nb::isinstance<nb::bool_>(h) || nb::isinstance<nb::int_>(h) || nb::isinstance<nb::float_>(h))
    return ivy::Container(to_scalar(h, fn));
  if (nb::hasattr(h, "__dlpack__") || nb::isinstance<nb::list>(h) || nb::isinstance<nb::tuple>(h))
    return ivy::Container(array_from_python(h, ivy::Options(), fn));
  type_error(fn, "a value", "a dict, Container, array, array-like or Python scalar", h);
}

nb::object from_container(const ivy::Container& c) {
  if (!c.is_leaf()) return nb::cast(c);
  const ivy::Leaf& leaf = c.leaf();
  return leaf.is_array() ? nb::cast(leaf.array()) : scalar_to_python(leaf.scalar());
}

namespace {

const ivy::Container& at_chain(const ivy::Container& c, const std::string& chain) {
  if (!c.has_key_chain(chain)) key_error(chain);
  return c.at_key_chain(chain);
}

nb::dict to_dict(const ivy::Container& c) {
  nb::dict d;
  for (const auto& key : c.keys()) {
    const ivy::Container& child = c[key];
    d[key.c_str()] = child.is_leaf() ? from_container(child) : nb::object(to_dict(child));
  }
  return d;
}

// A leaf-wise binary operation with a Container (same structure), or an array or Python scalar
// applied to every leaf.
ivy::Container binary(const ivy::Container& a, nb::handle b, ivy::detail::ContainerOp op,
                      bool reflected, const char* fn) {
  const ivy::Container other = to_container(b, fn);
  if (other.is_leaf() && !a.is_leaf())
    return ivy::detail::container_binary(op, a, other.leaf(), reflected);
  return reflected ? ivy::detail::container_binary(op, other, a)
                   : ivy::detail::container_binary(op, a, other);
}

template <ivy::detail::ContainerOp Op>
void bind_operator(nb::class_<ivy::Container>& cls, const char* name, const char* rname) {
  cls.def(name,
          [name](const ivy::Container& a, nb::handle b) { return binary(a, b, Op, false, name); });
  cls.def(rname,
          [rname](const ivy::Container& a, nb::handle b) { return binary(a, b, Op, true, rname); });
}

using Reduction = ivy::Container (ivy::Container::*)(const ivy::Axes&, bool) const;

void bind_reduction(nb::class_<ivy::Container>& cls, const char* name, Reduction r) {
  cls.def(
      name,
      [r, name](const ivy::Container& c, nb::handle axis, nb::handle keepdims) {
        return (c.*r)(to_axes(axis, name), to_bool(keepdims, name, "keepdims"));
      },
      nb::arg("axis").none() = nb::none(), nb::arg("keepdims") = false);
}

}  // namespace

void bind_container(nb::module_& m) {
  nb::class_<ivy::Container> cls(
      m, kCls,
      "A nested dict of arrays and scalars addressed by key chains ('a/b/c'); see "
      "docs/container.md.");
  cls.def(
         "__init__",
         [](ivy::Container* self, nb::handle tree) {
           new (self)
               ivy::Container(tree.is_none() ? ivy::Container() : to_container(tree, "Container"));
         },
         nb::arg("tree").none() = nb::none())
      .def("__getitem__",
           [](const ivy::Container& c, const std::string& chain) {
             return from_container(at_chain(c, chain));
           })
      .def("__setitem__",
           [](ivy::Container& c, const std::string& chain, nb::handle value) {
             c.set_at_key_chain(chain, to_container(value, "Container.__setitem__"));
           })
      .def("__getattr__",
           [](const ivy::Container& c, const std::string& key) {
             if (!c.contains(key))
               throw nb::attribute_error(
                   ("ivycpp.Container has no key or attribute '" + key + "'").c_str());
             return from_container(c[key]);
           })
      .def("__contains__",
           [](const ivy::Container& c, const std::string& chain) { return c.has_key_chain(chain); })
      .def("__len__", [](const ivy::Container& c) { return c.keys().size(); })
      .def("__iter__", [](const ivy::Container& c) { return nb::iter(nb::cast(c.keys())); })
      .def("keys", &ivy::Container::keys, "The top-level keys, sorted.")
      .def("values",
           [](const ivy::Container& c) {
             nb::list l;
             for (const auto& k : c.keys()) l.append(from_container(c[k]));
             return l;
           })
      .def("items",
           [](const ivy::Container& c) {
             nb::list l;
             for (const auto& k : c.keys()) l.append(nb::make_tuple(k, from_container(c[k])));
             return l;
           })
      .def("key_chains", &ivy::Container::key_chains, "Every leaf's key chain, sorted.")
      .def("has_key_chain", &ivy::Container::has_key_chain, nb::arg("key_chain"))
      .def(
          "at_key_chain",
          [](const ivy::Container& c, const std::string& chain) {
            return from_container(at_chain(c, chain));
          },
          nb::arg("key_chain"))
      .def(
          "prune_key_chain",
          [](const ivy::Container& c, const std::string& chain) {
            at_chain(c, chain);
            return c.prune_key_chain(chain);
          },
          nb::arg("key_chain"))
      .def(
          "prune_key_chains",
          [](const ivy::Container& c, const std::vector<std::string>& chains) {
            for (const auto& chain : chains) at_chain(c, chain);
            return c.prune_key_chains(chains);
          },
          nb::arg("key_chains"))
      .def("prune_empty", &ivy::Container::prune_empty)
      .def("to_dict", &to_dict, "Nested dicts of ivycpp arrays and Python scalars.")
      .def(
          "map",
          [](const ivy::Container& c, nb::callable f) {
            return c.map([&f](const ivy::Array& a) {
              return to_array(f(a), "Container.map", "the function's result");
            });
          },
          nb::arg("fn"), "fn applied to every array leaf (scalar leaves are kept).")
      .def("same_structure", &ivy::Container::same_structure, nb::arg("other"))
      .def("all_equal", &ivy::Container::all_equal, nb::arg("other"))
      .def("allclose", &ivy::Container::allclose, nb::arg("other"), nb::arg("rtol") = 1e-5,
           nb::arg("atol") = 1e-8)
      .def("__neg__", [](const ivy::Container& c) { return -c; })
      .def(
          "to_backend",
          [](const ivy::Container& c, const std::string& name) { return c.to_backend(name); },
          nb::arg("backend"))
      .def(
          "astype",
          [](const ivy::Container& c, nb::handle dtype) {
            return c.cast(to_dtype(dtype, "Container.astype"));
          },
          nb::arg("dtype"))
      .def("to_disk_as_hdf5", &ivy::Container::to_disk_as_hdf5, nb::arg("path"))
      .def_static(
          "from_disk_as_hdf5",
          [](const std::string& path, nb::handle backend) {
            return ivy::Container::from_disk_as_hdf5(
                path, backend_or_current(backend, "Container.from_disk_as_hdf5"));
          },
          nb::arg("path"), nb::arg("backend").none() = nb::none())
      .def("__repr__", &ivy::Container::to_string);
  using Op = ivy::detail::ContainerOp;
  bind_operator<Op::add>(cls, "__add__", "__radd__");
  bind_operator<Op::subtract>(cls, "__sub__", "__rsub__");
  bind_operator<Op::multiply>(cls, "__mul__", "__rmul__");
  bind_operator<Op::divide>(cls, "__truediv__", "__rtruediv__");
  bind_operator<Op::pow>(cls, "__pow__", "__rpow__");
  bind_reduction(cls, "sum", &ivy::Container::sum);
  bind_reduction(cls, "mean", &ivy::Container::mean);
  bind_reduction(cls, "prod", &ivy::Container::prod);
  bind_reduction(cls, "min", &ivy::Container::min);
  bind_reduction(cls, "max", &ivy::Container::max);
}

}  // namespace ivypy
