// execute_with_gradients over a Container: its floating array leaves become the argument list
// of the array form, and the gradients are put back under the same key chains.
#include <string>
#include <vector>

#include "ivy/grad.hpp"
#include "ivy/ops/creation.hpp"

namespace ivy::detail {
namespace {

bool differentiable(const Leaf& leaf) {
  return leaf.is_array() && is_floating(leaf.array().dtype());
}

// A zero of the leaf's own kind: zeros of its shape and dtype, or 0 of its scalar kind.
Leaf zero_like(const Leaf& leaf) {
  if (leaf.is_array()) return Leaf(zeros_like(leaf.array()));
  return leaf.scalar().kind() == Scalar::Kind::floating ? Leaf(0.0) : Leaf(std::int64_t{0});
}

}  // namespace

ContainerGradResult execute_with_gradients(const ContainerGradFunction& f, const Container& v) {
  std::vector<Container::FlatItem> flat = v.flatten();
  std::vector<std::size_t> positions;  // of the differentiated leaves in flat
  std::vector<Array> xs;
  for (std::size_t i = 0; i < flat.size(); ++i) {
    if (!differentiable(flat[i].second)) continue;
    positions.push_back(i);
    xs.push_back(flat[i].second.array());
  }
  const auto rebuilt = [&](const std::vector<Array>& args) {
    std::vector<Container::FlatItem> items = flat;
    for (std::size_t k = 0; k < positions.size(); ++k) items[positions[k]].second = Leaf(args[k]);
    return Container::from_flat(items);
  };
  GradResult r =
      execute_with_gradients([&](const std::vector<Array>& args) { return f(rebuilt(args)); }, xs);
  for (Container::FlatItem& item : flat) item.second = zero_like(item.second);
  for (std::size_t k = 0; k < positions.size(); ++k) flat[positions[k]].second = Leaf(r.grads[k]);
  return {r.value, Container::from_flat(flat), std::move(r.extras)};
}

}  // namespace ivy::detail
