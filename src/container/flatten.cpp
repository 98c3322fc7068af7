// The flat views of a Container, in key order, and the way back.
#include <set>

#include "container/access.hpp"
#include "ivy/container.hpp"
#include "ivy/core/errors.hpp"

namespace ivy {

namespace {
void collect(const Container& c, const std::string& prefix, std::vector<Container::FlatItem>& out) {
  if (c.is_leaf()) {
    out.emplace_back(prefix, c.leaf());
    return;
  }
  for (const Container::Item& item : c.items())
    collect(item.second, detail::join_key_chain(prefix, item.first), out);
}
}  // namespace

std::vector<Container::FlatItem> Container::flatten() const {
  std::vector<FlatItem> out;
  collect(*this, "", out);
  return out;
}

Container Container::from_flat(const std::vector<FlatItem>& items) {
  // flatten() of a leaf is the one entry ("", leaf).
  if (items.size() == 1 && items[0].first.empty()) return Container(items[0].second);
  Container out;
  std::set<std::string> seen;
  for (const FlatItem& item : items) {
    if (!seen.insert(item.first).second)
      detail::raise<ValueError>("Container::from_flat", "core",
                                "the key chain '" + item.first + "' is given twice");
    if (item.first.empty() || out.has_key_chain(item.first))
      detail::raise<ValueError>(
          "Container::from_flat", "core",
          "the key chain '" + item.first + "' is empty or a prefix of another one");
    out.set_at_key_chain(item.first, Container(item.second));
  }
  return out;
}

std::vector<Leaf> Container::leaves() const {
  std::vector<Leaf> out;
  for (FlatItem& item : flatten()) out.push_back(std::move(item.second));
  return out;
}

std::vector<std::string> Container::key_chains() const {
  std::vector<std::string> out;
  for (FlatItem& item : flatten()) out.push_back(std::move(item.first));
  return out;
}

std::size_t Container::size() const { return flatten().size(); }

}  // namespace ivy
