// Functions applied to every leaf.
#include "container/access.hpp"
#include "container/leaf_arith.hpp"
#include "ivy/container.hpp"
#include "ivy/core/framework.hpp"
#include "ivy/ops/conversion.hpp"
#include "ivy/ops/manipulation.hpp"
#include "ivy/ops/reduction.hpp"

namespace ivy {

namespace {
using LeafFn = std::function<Leaf(const std::string&, const Leaf&)>;

Container map_from(const Container& c, const std::string& prefix, const LeafFn& f) {
  if (c.is_leaf())
    return detail::at_key_chain(prefix, [&] { return Container(f(prefix, c.leaf())); });
  Container out;
  auto& children = detail::ContainerAccess::children(out);
  children.reserve(c.items().size());
  for (const Container::Item& item : c.items())
    children.emplace_back(item.first,
                          map_from(item.second, detail::join_key_chain(prefix, item.first), f));
  return out;
}

using Reduction = Array (*)(const Array&, const Axes&, bool);
}  // namespace

Container Container::map_with_key_chains(const LeafFn& f) const { return map_from(*this, "", f); }

Container Container::map(const std::function<Array(const Array&)>& f) const {
  return map_with_key_chains([&](const std::string&, const Leaf& x) -> Leaf {
    return x.is_array() ? Leaf(f(x.array())) : x;
  });
}

Container Container::operator-() const {
  return map_with_key_chains(
      [](const std::string&, const Leaf& x) { return detail::leaf_negative(x); });
}

Container Container::sum(const Axes& axes, bool keepdims) const {
  return map([&](const Array& x) { return ivy::sum(x, axes, keepdims); });
}
Container Container::mean(const Axes& axes, bool keepdims) const {
  return map([&](const Array& x) { return ivy::mean(x, axes, keepdims); });
}
Container Container::prod(const Axes& axes, bool keepdims) const {
  return map([&](const Array& x) { return ivy::prod(x, axes, keepdims); });
}
Container Container::min(const Axes& axes, bool keepdims) const {
  return map([&](const Array& x) { return ivy::min(x, axes, keepdims); });
}
Container Container::max(const Axes& axes, bool keepdims) const {
  return map([&](const Array& x) { return ivy::max(x, axes, keepdims); });
}

Container Container::slice(const std::vector<Slice>& slices) const {
  return map([&](const Array& x) { return ivy::slice(x, slices); });
}

Container Container::index(std::int64_t i) const {
  return map([&](const Array& x) {
    const Shape s = x.shape();
    if (s.empty() || i < -s[0] || i >= s[0])
      detail::raise<IndexError>(
          "Container::index", x.backend_name(),
          "index " + std::to_string(i) + " is out of range for shape " + shape_str(s));
    const std::int64_t j = i < 0 ? i + s[0] : i;
    return squeeze(ivy::slice(x, {Slice{j, j + 1}}), 0);
  });
}

Container Container::to_backend(std::string_view name) const { return to_backend(backend(name)); }

Container Container::to_backend(const Backend& b) const {
  return map([&](const Array& x) { return ivy::to_backend(x, b); });
}

Container Container::cast(DType d) const {
  return map([&](const Array& x) { return ivy::cast(x, d); });
}

Container Container::to_device(const Device& d) const {
  return map([&](const Array& x) { return ivy::to_device(x, d); });
}

}  // namespace ivy
