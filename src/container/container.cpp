// Construction, one-level access and key chains.
#include "ivy/container.hpp"

#include <algorithm>

#include "container/access.hpp"
#include "ivy/core/errors.hpp"

namespace ivy {

using detail::ContainerAccess;

Container::Container(std::initializer_list<Item> items) {
  for (const Item& item : items) {
    detail::check_key(item.first, "Container::Container");
    if (ContainerAccess::find(*this, item.first))
      detail::raise<ValueError>("Container::Container", "core",
                                "the key '" + item.first + "' is given twice");
    ContainerAccess::find_or_insert(*this, item.first) = item.second;
  }
}

const Leaf& Container::leaf() const {
  if (!leaf_)
    detail::raise<ValueError>("Container::leaf", "core", "the container is a node, not a leaf");
  return *leaf_;
}

std::vector<std::string> Container::keys() const {
  std::vector<std::string> out;
  out.reserve(children_.size());
  for (const Item& item : children_) out.push_back(item.first);
  return out;
}

bool Container::contains(std::string_view key) const {
  return ContainerAccess::find(*this, key) != nullptr;
}

const Container& Container::operator[](std::string_view key) const {
  const Container* child = ContainerAccess::find(*this, key);
  if (!child)
    detail::raise<IndexError>(
        "Container::operator[]", "core",
        "no key '" + std::string(key) + "'" + (is_leaf() ? " (the container is a leaf)" : ""));
  return *child;
}

Container& Container::operator[](std::string_view key) {
  if (is_leaf())
    detail::raise<ValueError>("Container::operator[]", "core",
                              "cannot add the key '" + std::string(key) + "' to a leaf");
  detail::check_key(key, "Container::operator[]");
  return ContainerAccess::find_or_insert(*this, key);
}

const Container& Container::at_key_chain(std::string_view key_chain) const {
  const Container* node = this;
  std::string walked;
  for (const std::string& key : detail::split_key_chain(key_chain, "Container::at_key_chain")) {
    const Container* child = ContainerAccess::find(*node, key);
    if (!child)
      detail::raise<IndexError>("Container::at_key_chain", "core",
                                "no key chain '" + std::string(key_chain) + "': no key '" + key +
                                    "' under '" + walked + "'" +
                                    (node->is_leaf() ? " (a leaf)" : ""));
    walked = detail::join_key_chain(walked, key);
    node = child;
  }
  return *node;
}

bool Container::has_key_chain(std::string_view key_chain) const {
  const Container* node = this;
  for (const std::string& key : detail::split_key_chain(key_chain, "Container::has_key_chain")) {
    node = ContainerAccess::find(*node, key);
    if (!node) return false;
  }
  return true;
}

Container& Container::set_at_key_chain(std::string_view key_chain, Container value) {
  const auto keys = detail::split_key_chain(key_chain, "Container::set_at_key_chain");
  if (keys.empty()) return *this = std::move(value);
  Container* node = this;
  std::string walked;
  for (const std::string& key : keys) {
    if (node->is_leaf())
      detail::raise<ValueError>("Container::set_at_key_chain", "core",
                                "the key chain '" + std::string(key_chain) +
                                    "' passes through the leaf at '" + walked + "'");
    node = &ContainerAccess::find_or_insert(*node, key);
    walked = detail::join_key_chain(walked, key);
  }
  *node = std::move(value);
  return *this;
}

Container Container::prune_key_chain(std::string_view key_chain) const {
  const auto keys = detail::split_key_chain(key_chain, "Container::prune_key_chain");
  if (keys.empty())
    detail::raise<ValueError>("Container::prune_key_chain", "core",
                              "the empty key chain names the container itself");
  if (!has_key_chain(key_chain))
    detail::raise<IndexError>("Container::prune_key_chain", "core",
                              "no key chain '" + std::string(key_chain) + "'");
  Container out = *this;
  Container* parent = &out;
  for (std::size_t i = 0; i + 1 < keys.size(); ++i)
    parent = ContainerAccess::find(*parent, keys[i]);
  auto& items = ContainerAccess::children(*parent);
  items.erase(std::find_if(items.begin(), items.end(),
                           [&](const Item& item) { return item.first == keys.back(); }));
  return out;
}

Container Container::prune_key_chains(const std::vector<std::string>& key_chains) const {
  Container out = *this;
  for (const std::string& kc : key_chains) out = out.prune_key_chain(kc);
  return out;
}

Container Container::prune_empty() const {
  if (is_leaf()) return *this;
  Container out;
  for (const Item& item : children_) {
    Container child = item.second.prune_empty();
    if (!child.empty()) out.children_.emplace_back(item.first, std::move(child));
  }
  return out;
}

}  // namespace ivy
