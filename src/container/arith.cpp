// Leaf-by-leaf arithmetic between Containers, or between a Container and one Array or scalar.
#include "container/access.hpp"
#include "container/leaf_arith.hpp"
#include "ivy/container.hpp"
#include "ivy/core/errors.hpp"

namespace ivy::detail {

namespace {
const char* op_name(ContainerOp op) {
  switch (op) {
    case ContainerOp::add:
      return "Container::add";
    case ContainerOp::subtract:
      return "Container::subtract";
    case ContainerOp::multiply:
      return "Container::multiply";
    case ContainerOp::divide:
      return "Container::divide";
    case ContainerOp::pow:
      break;
  }
  return "Container::pow";
}

std::string where(const std::string& kc) { return kc.empty() ? "the root" : "'" + kc + "'"; }

// The first key of a that b lacks, as a key chain under prefix, or "" when there is none.
std::string missing_key(const Container& a, const Container& b, const std::string& prefix) {
  for (const Container::Item& item : a.items())
    if (!b.contains(item.first)) return join_key_chain(prefix, item.first);
  return "";
}

Container zip(ContainerOp op, const Container& a, const Container& b, const std::string& prefix) {
  if (a.is_leaf() != b.is_leaf())
    raise<ShapeError>(op_name(op), "core",
                      "the containers differ in structure: " + where(prefix) + " is a " +
                          (a.is_leaf() ? "leaf" : "node") + " on the left and a " +
                          (b.is_leaf() ? "leaf" : "node") + " on the right");
  if (a.is_leaf())
    return at_key_chain(prefix, [&] { return Container(leaf_binary(op, a.leaf(), b.leaf())); });
  if (const std::string kc = missing_key(a, b, prefix); !kc.empty())
    raise<ShapeError>(op_name(op), "core",
                      "the containers differ in structure: '" + kc + "' is only on the left");
  if (const std::string kc = missing_key(b, a, prefix); !kc.empty())
    raise<ShapeError>(op_name(op), "core",
                      "the containers differ in structure: '" + kc + "' is only on the right");
  Container out;
  auto& children = ContainerAccess::children(out);
  for (std::size_t i = 0; i < a.items().size(); ++i) {
    const auto& [key, left] = a.items()[i];
    children.emplace_back(key, zip(op, left, b.items()[i].second, join_key_chain(prefix, key)));
  }
  return out;
}
}  // namespace

Container container_binary(ContainerOp op, const Container& a, const Container& b) {
  return zip(op, a, b, "");
}

Container container_binary(ContainerOp op, const Container& c, const Leaf& x, bool leaf_first) {
  return c.map_with_key_chains([&](const std::string&, const Leaf& y) {
    return leaf_first ? leaf_binary(op, x, y) : leaf_binary(op, y, x);
  });
}

}  // namespace ivy::detail
