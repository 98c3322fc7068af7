#pragma once
/// ivy::Container: a nested, string-keyed tree whose leaves are Arrays or host Scalars (the
/// original ivy.Container). Keys are kept SORTED (byte order) at every level, so iteration,
/// flatten(), key_chains(), printing and the HDF5 file all list entries in the same order,
/// whatever order they were inserted in. A key is a non-empty string without '/' and not ".";
/// a key chain joins keys with '/' ("layer0/w").
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "ivy/container/leaf.hpp"
#include "ivy/core/array.hpp"
#include "ivy/core/device.hpp"
#include "ivy/core/dtype.hpp"
#include "ivy/core/scalar.hpp"
#include "ivy/core/shape.hpp"
#include "ivy/ops/indexing.hpp"

namespace ivy {

struct Backend;
namespace detail {
struct ContainerAccess;
}

/**
 * A node (zero or more keyed children) or a leaf (one Leaf). A value type: copying a Container
 * copies the tree, while the Arrays in it share their data as Array copies do.
 *
 *     ivy::Container v{{"layer0", {{"w", w0}, {"b", b0}}}, {"lr", 0.1}};
 *     v.at_key_chain("layer0/w").array();  v["layer0"]["b"];  v.set_at_key_chain("layer1/w", w1);
 */
class Container {
 public:
  using Item = std::pair<std::string, Container>;
  using FlatItem = std::pair<std::string, Leaf>;

  /** An empty node. */
  Container() = default;
  /** A node with these children (nested brace lists give nested nodes). */
  Container(std::initializer_list<Item> items);
  /** A leaf. */
  Container(Leaf leaf) : leaf_(std::move(leaf)) {}   // NOLINT
  Container(Array a) : leaf_(Leaf(std::move(a))) {}  // NOLINT
  Container(Scalar s) : leaf_(Leaf(s)) {}            // NOLINT
  template <class T>
  requires std::is_arithmetic_v<T> Container(T v) : leaf_(Leaf(v)) {}  // NOLINT

  bool is_leaf() const { return leaf_.has_value(); }
  /** The leaf; a ValueError naming Container::leaf on a node. */
  const Leaf& leaf() const;
  /** leaf().array(). */
  const Array& array() const { return leaf().array(); }
  /** A node without children. */
  bool empty() const { return !is_leaf() && children_.empty(); }

  /** The children of a node in key order (nothing for a leaf). */
  const std::vector<Item>& items() const { return children_; }
  std::vector<std::string> keys() const;
  bool contains(std::string_view key) const;
  /** One level down; an IndexError naming Container::operator[] and the key if missing. */
  const Container& operator[](std::string_view key) const;
  /** One level down, inserting an empty node if missing (as std::map does). */
  Container& operator[](std::string_view key);

  /** The sub-container or leaf at "a/b/c" ("" is this container); IndexError if missing. */
  const Container& at_key_chain(std::string_view key_chain) const;
  bool has_key_chain(std::string_view key_chain) const;
  /**
   * Puts value at the key chain, creating the missing nodes on the way and replacing what was
   * there. A ValueError if the chain passes through a leaf.
   */
  Container& set_at_key_chain(std::string_view key_chain, Container value);
  /** A copy without the entry at the key chain; an IndexError if it is missing. */
  Container prune_key_chain(std::string_view key_chain) const;
  Container prune_key_chains(const std::vector<std::string>& key_chains) const;
  /** A copy without empty nodes (recursively: a node left empty by pruning goes too). */
  Container prune_empty() const;

  /** Every (key chain, leaf) in key order, depth first. Empty nodes have no entry. */
  std::vector<FlatItem> flatten() const;
  /** The inverse of flatten(); duplicate or conflicting key chains are a ValueError. */
  static Container from_flat(const std::vector<FlatItem>& items);
  std::vector<Leaf> leaves() const;
  std::vector<std::string> key_chains() const;
  /** The number of leaves in the whole tree (leaves().size()). */
  std::size_t size() const;

  /**
   * f applied to every Array leaf; Scalar leaves are kept as they are. An ivy::Error thrown by
   * f is rethrown with the same class and " (at key chain 'a/b')" appended.
   */
  Container map(const std::function<Array(const Array&)>& f) const;
  /** f(key chain, leaf) applied to every leaf, Scalars included. Errors as in map. */
  Container map_with_key_chains(
      const std::function<Leaf(const std::string&, const Leaf&)>& f) const;

  /** The same key chains with a leaf at the same places (leaf kinds and shapes may differ). */
  bool same_structure(const Container& other) const;
  /**
   * Same structure, and at each key chain both leaves are arrays of the same shape and equal
   * values (dtypes may differ; NaN is unequal) or both are equal scalars.
   */
  bool all_equal(const Container& other) const;
  /** As all_equal, with |a - b| <= atol + rtol * |b| element-wise. */
  bool allclose(const Container& other, double rtol = 1e-5, double atol = 1e-8) const;

  /** Unary minus of every leaf (Scalars too). */
  Container operator-() const;
  /** ivy::pow leaf by leaf; the exponent is a Container of the same structure, Array or scalar. */
  template <class E>
  Container pow(const E& exponent) const;
  /** Leaf-by-leaf arithmetic in place (other: a Container of the same structure, Array or scalar).
   */
  template <class E>
  Container& operator+=(const E& other);
  template <class E>
  Container& operator-=(const E& other);
  template <class E>
  Container& operator*=(const E& other);
  template <class E>
  Container& operator/=(const E& other);

  /** ivy::sum / mean / prod / min / max of every Array leaf (Scalars are kept). */
  Container sum(const Axes& axes = {}, bool keepdims = false) const;
  Container mean(const Axes& axes = {}, bool keepdims = false) const;
  Container prod(const Axes& axes = {}, bool keepdims = false) const;
  Container min(const Axes& axes = {}, bool keepdims = false) const;
  Container max(const Axes& axes = {}, bool keepdims = false) const;

  /** ivy::slice of every Array leaf (Scalars are kept). */
  Container slice(const std::vector<Slice>& slices) const;
  /** Entry i along axis 0 of every Array leaf (the axis is removed; negative i from the end). */
  Container index(std::int64_t i) const;
  /** Every Array leaf moved to a backend, cast, or moved to a device (Scalars are kept). */
  Container to_backend(std::string_view name) const;
  Container to_backend(const Backend& b) const;
  Container cast(DType d) const;
  Container to_device(const Device& d) const;

  /**
   * The tree, one entry a line, indented two spaces a level, e.g.
   *     {
   *       layer0: {
   *         b: Array(shape=[3], dtype=float32, backend=torch, device=cpu)
   *       }
   *       lr: Scalar(float, 0.1)
   *     }
   * A leaf prints as its Leaf::to_string().
   */
  std::string to_string() const;

  /**
   * Writes the tree to an HDF5 file (replaced if present): a group per node, a dataset per
   * leaf, attribute "ivy_dtype" on each dataset, "ivy_scalar" on scalar leaves. Layout in
   * docs/container.md. An IOError naming the path if it cannot be written.
   */
  void to_disk_as_hdf5(const std::string& path) const;
  /**
   * Reads a file written by to_disk_as_hdf5 (or by h5py: groups and numeric datasets) onto
   * backend b, or the current backend. A missing, truncated or corrupt file is an IOError
   * naming the path.
   */
  static Container from_disk_as_hdf5(const std::string& path);
  static Container from_disk_as_hdf5(const std::string& path, const Backend& b);

 private:
  friend struct detail::ContainerAccess;

  std::vector<Item> children_;  // sorted by key
  std::optional<Leaf> leaf_;
};

/** Writes c.to_string(). */
std::ostream& operator<<(std::ostream& os, const Container& c);

namespace detail {

template <class T>
concept ContainerOperand = std::same_as<T, Container> || std::same_as<T, Array> ||
    std::same_as<T, Scalar> || std::same_as<T, Leaf> || std::is_arithmetic_v<T>;
/** At least one side is a Container, the other a Container, Array or scalar. */
template <class A, class B>
concept ContainerBinary = ContainerOperand<A> && ContainerOperand<B> &&
    (std::same_as<A, Container> || std::same_as<B, Container>);

enum class ContainerOp { add, subtract, multiply, divide, pow };

/** Leaf by leaf; two Containers must have the same structure (else a ShapeError). */
Container container_binary(ContainerOp op, const Container& a, const Container& b);
/** Every leaf of c against the one leaf x (x on the left when leaf_first). */
Container container_binary(ContainerOp op, const Container& c, const Leaf& x, bool leaf_first);

template <class A, class B>
Container container_apply(ContainerOp op, const A& a, const B& b) {
  if constexpr (std::same_as<A, Container> && std::same_as<B, Container>) {
    return container_binary(op, a, b);
  } else if constexpr (std::same_as<A, Container>) {
    return container_binary(op, a, Leaf(b), false);
  } else {
    return container_binary(op, b, Leaf(a), true);
  }
}

}  // namespace detail

template <class E>
Container Container::pow(const E& exponent) const {
  static_assert(detail::ContainerOperand<E>, "a Container, Array, Scalar or number");
  return detail::container_apply(detail::ContainerOp::pow, *this, exponent);
}
template <class E>
Container& Container::operator+=(const E& other) {
  static_assert(detail::ContainerOperand<E>, "a Container, Array, Scalar or number");
  return *this = detail::container_apply(detail::ContainerOp::add, *this, other);
}
template <class E>
Container& Container::operator-=(const E& other) {
  static_assert(detail::ContainerOperand<E>, "a Container, Array, Scalar or number");
  return *this = detail::container_apply(detail::ContainerOp::subtract, *this, other);
}
template <class E>
Container& Container::operator*=(const E& other) {
  static_assert(detail::ContainerOperand<E>, "a Container, Array, Scalar or number");
  return *this = detail::container_apply(detail::ContainerOp::multiply, *this, other);
}
template <class E>
Container& Container::operator/=(const E& other) {
  static_assert(detail::ContainerOperand<E>, "a Container, Array, Scalar or number");
  return *this = detail::container_apply(detail::ContainerOp::divide, *this, other);
}

/** Leaf-by-leaf arithmetic between Containers of one structure, or with an Array or scalar. */
template <class A, class B>
requires detail::ContainerBinary<A, B> Container operator+(const A& a, const B& b) {
  return detail::container_apply(detail::ContainerOp::add, a, b);
}
template <class A, class B>
requires detail::ContainerBinary<A, B> Container operator-(const A& a, const B& b) {
  return detail::container_apply(detail::ContainerOp::subtract, a, b);
}
template <class A, class B>
requires detail::ContainerBinary<A, B> Container operator*(const A& a, const B& b) {
  return detail::container_apply(detail::ContainerOp::multiply, a, b);
}
template <class A, class B>
requires detail::ContainerBinary<A, B> Container operator/(const A& a, const B& b) {
  return detail::container_apply(detail::ContainerOp::divide, a, b);
}
/** ivy::pow leaf by leaf, either side a Container. */
template <class A, class B>
requires detail::ContainerBinary<A, B> Container pow(const A& a, const B& b) {
  return detail::container_apply(detail::ContainerOp::pow, a, b);
}

}  // namespace ivy
