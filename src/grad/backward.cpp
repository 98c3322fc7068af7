#include "grad/backward.hpp"

#include <algorithm>

#include "grad/tape.hpp"
#include "ivy/ops/conversion.hpp"
#include "ivy/ops/creation.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/manipulation.hpp"
#include "ivy/ops/reduction.hpp"

namespace ivy::detail {
namespace {

// Every node root depends on, latest first: a node's cotangent is complete before it runs.
std::vector<GradNode*> reverse_order(GradNode* root) {
  std::vector<GradNode*> order, stack{root};
  root->collected = true;
  while (!stack.empty()) {
    GradNode* n = stack.back();
    stack.pop_back();
    order.push_back(n);
    for (const GradInput& in : n->inputs)
      if (in.node && !in.node.get()->collected) {
        in.node.get()->collected = true;
        stack.push_back(in.node.get());
      }
  }
  std::sort(order.begin(), order.end(),
            [](const GradNode* a, const GradNode* b) { return a->seq > b->seq; });
  return order;
}

void accumulate(GradNode* n, Array g) {
  n->cotangent = n->cotangent.defined() ? add(n->cotangent, g) : std::move(g);
}

// Leaves the nodes as they were, also when a VJP throws.
struct Scratch {
  std::vector<GradNode*> nodes;
  ~Scratch() {
    for (GradNode* n : nodes) {
      n->cotangent = Array();
      n->collected = false;
    }
  }
};

}  // namespace

Array fit_to(Array g, const Shape& shape, DType dtype) {
  Shape gs = g.shape();
  if (gs != shape) {
    const Shape full = broadcast_shapes(gs, shape, "execute_with_gradients", g.backend_name());
    if (full != gs) g = broadcast_to(g, full);
    gs = full;
    const std::size_t lead = gs.size() - shape.size();
    std::vector<int> axes;
    for (std::size_t i = 0; i < gs.size(); ++i)
      if (i < lead || (shape[i - lead] == 1 && gs[i] != 1)) axes.push_back(static_cast<int>(i));
    if (!axes.empty()) g = sum(g, Axes(axes));
    g = reshape(g, shape);
  }
  return g.dtype() == dtype ? g : cast(g, dtype);
}

std::vector<Array> backward(const Array& root, int num_leaves) {
  std::vector<Array> grads(static_cast<std::size_t>(num_leaves));
  GradNode* top = root.grad_node();
  if (!top) return grads;
  Scratch scratch{reverse_order(top)};
  top->cotangent = ones_like(detached(root));
  for (GradNode* n : scratch.nodes) {
    if (!n->cotangent.defined()) continue;
    const Array g = std::move(n->cotangent);
    n->cotangent = Array();
    if (n->leaf >= 0) {
      if (n->leaf < num_leaves) grads[static_cast<std::size_t>(n->leaf)] = g;
      continue;
    }
    Needs needs(n->inputs.size());
    for (std::size_t i = 0; i < needs.size(); ++i) needs[i] = static_cast<bool>(n->inputs[i].node);
    std::vector<Array> gin = n->vjp(g, needs);
    for (std::size_t i = 0; i < needs.size() && i < gin.size(); ++i) {
      if (!needs[i] || !gin[i].defined()) continue;
      const GradInput& in = n->inputs[i];
      accumulate(in.node.get(), fit_to(std::move(gin[i]), in.shape, in.dtype));
    }
  }
  return grads;
}

}  // namespace ivy::detail
