// Structural and value equality of Containers, compared on the host so that leaves of any
// backends can be compared.
#include <cmath>
#include <cstdint>

#include "ivy/container.hpp"
#include "ivy/core/dtype.hpp"

namespace ivy {

namespace {
bool integral_kind(DType d) { return !is_floating(d); }

bool scalars_equal(const Scalar& a, const Scalar& b) {
  if (a.kind() != Scalar::Kind::floating && b.kind() != Scalar::Kind::floating)
    return a.as_int() == b.as_int();
  return a.as_double() == b.as_double();
}

// tol(a, b): whether two host doubles count as equal.
template <class Close>
bool leaves_match(const Leaf& a, const Leaf& b, Close close) {
  if (a.is_scalar() != b.is_scalar()) return false;
  if (a.is_scalar()) {
    if (a.scalar().kind() != Scalar::Kind::floating && b.scalar().kind() != Scalar::Kind::floating)
      return scalars_equal(a.scalar(), b.scalar());
    return close(a.scalar().as_double(), b.scalar().as_double());
  }
  const Array& x = a.array();
  const Array& y = b.array();
  if (x.shape() != y.shape()) return false;
  if (integral_kind(x.dtype()) && integral_kind(y.dtype()))
    return x.to_vector<std::int64_t>() == y.to_vector<std::int64_t>();
  const auto u = x.to_vector<double>(), v = y.to_vector<double>();
  for (std::size_t i = 0; i < u.size(); ++i)
    if (!close(u[i], v[i])) return false;
  return true;
}

template <class Close>
bool trees_match(const Container& a, const Container& b, Close close) {
  if (!a.same_structure(b)) return false;
  const auto fa = a.flatten(), fb = b.flatten();
  for (std::size_t i = 0; i < fa.size(); ++i)
    if (!leaves_match(fa[i].second, fb[i].second, close)) return false;
  return true;
}
}  // namespace

bool Container::same_structure(const Container& other) const {
  if (is_leaf() || other.is_leaf()) return is_leaf() == other.is_leaf();
  if (items().size() != other.items().size()) return false;
  for (std::size_t i = 0; i < items().size(); ++i) {
    if (items()[i].first != other.items()[i].first) return false;
    if (!items()[i].second.same_structure(other.items()[i].second)) return false;
  }
  return true;
}

bool Container::all_equal(const Container& other) const {
  return trees_match(*this, other, [](double u, double v) { return u == v; });
}

bool Container::allclose(const Container& other, double rtol, double atol) const {
  return trees_match(*this, other, [=](double u, double v) {
    if (u == v) return true;  // equal infinities included
    if (!std::isfinite(u) || !std::isfinite(v)) return false;
    return std::abs(u - v) <= atol + rtol * std::abs(v);
  });
}

}  // namespace ivy
