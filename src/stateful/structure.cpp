#include "stateful/structure.hpp"

#include "ivy/core/errors.hpp"
#include "ivy/core/shape.hpp"

namespace ivy::stateful_detail {

std::string backend_name_of(const Container& c) {
  for (const auto& [kc, leaf] : c.flatten())
    if (leaf.is_array()) return std::string(leaf.array().backend_name());
  return "core";
}

namespace {

// The first leaf key chain of `from` that `to` lacks (or has as a node), or "".
const std::string* first_missing(const Container& to,
                                 const std::vector<Container::FlatItem>& items) {
  for (const auto& item : items)
    if (!to.has_key_chain(item.first) || !to.at_key_chain(item.first).is_leaf()) return &item.first;
  return nullptr;
}

}  // namespace

void require_same_layout(std::string_view fn, const std::string& prefix, const Container& a,
                         std::string_view a_name, const Container& b, std::string_view b_name) {
  const auto a_items = a.flatten();
  const auto b_items = b.flatten();
  const std::string backend = backend_name_of(a);
  auto missing = [&](const std::string& kc, std::string_view in, std::string_view not_in) {
    detail::raise<ShapeError>(fn, backend,
                              prefix + "'" + kc + "' is in the " + std::string(in) +
                                  " but not in the " + std::string(not_in));
  };
  if (const std::string* kc = first_missing(b, a_items)) missing(*kc, a_name, b_name);
  if (const std::string* kc = first_missing(a, b_items)) missing(*kc, b_name, a_name);
  for (const auto& [kc, leaf] : a_items) {
    const Leaf& other = b.at_key_chain(kc).leaf();
    if (!leaf.is_array() || !other.is_array()) continue;
    const Shape sa = leaf.array().shape();
    const Shape sb = other.array().shape();
    if (sa != sb)
      detail::raise<ShapeError>(fn, backend,
                                prefix + "at '" + kc + "': " + std::string(a_name) + " " +
                                    shape_str(sa) + " vs " + std::string(b_name) + " " +
                                    shape_str(sb));
  }
}

}  // namespace ivy::stateful_detail
