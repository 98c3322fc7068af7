#include "grad/tape.hpp"

#include "ivy/core/dtype.hpp"

namespace ivy::detail {

std::atomic<int> open_tapes{0};

namespace {
std::atomic<std::uint64_t> next_tape_id{1};
thread_local std::uint64_t tls_tape = 0;
thread_local std::uint64_t tls_seq = 0;

GradNode* new_node() {
  auto* n = new GradNode;
  n->tape = tls_tape;
  n->seq = ++tls_seq;
  return n;
}

template <class Inputs>
void record_impl(Array& y, const Inputs& inputs, Vjp vjp) {
  constant(y);
  if (!is_floating(y.dtype())) return;
  bool any = false;
  for (const Array* x : inputs) any = any || tracked(*x);
  if (!any) return;
  GradNode* n = new_node();
  n->inputs.reserve(inputs.size());
  for (const Array* x : inputs)
    n->inputs.push_back({NodeRef(tracked(*x) ? x->grad_node() : nullptr), x->shape(), x->dtype()});
  n->vjp = std::move(vjp);
  y.set_grad_node(n);
}
}  // namespace

void retain(GradNode* node) noexcept { node->refs.fetch_add(1, std::memory_order_relaxed); }

void release(GradNode* node) noexcept {
  if (node->refs.fetch_sub(1, std::memory_order_acq_rel) != 1) return;
  // Deleting a node releases its inputs' nodes: a long chain would recurse once per node, so
  // nested releases only queue their node and the outermost call deletes them in a loop.
  thread_local std::vector<GradNode*> queue;
  thread_local bool draining = false;
  queue.push_back(node);
  if (draining) return;
  draining = true;
  while (!queue.empty()) {
    GradNode* n = queue.back();
    queue.pop_back();
    delete n;
  }
  draining = false;
}

std::uint64_t current_tape() noexcept { return tls_tape; }

bool tracked(const Array& x) noexcept {
  const GradNode* n = x.grad_node();
  return n && tls_tape != 0 && n->tape == tls_tape;
}

void record(Array& y, std::initializer_list<const Array*> inputs, Vjp vjp) {
  record_impl(y, inputs, std::move(vjp));
}

void record(Array& y, const std::vector<Array>& inputs, Vjp vjp) {
  std::vector<const Array*> ptrs;
  ptrs.reserve(inputs.size());
  for (const Array& x : inputs) ptrs.push_back(&x);
  record_impl(y, ptrs, std::move(vjp));
}

Array detached(const Array& y) {
  Array out = y;
  out.set_grad_node(nullptr);
  return out;
}

std::uint64_t open_tape() noexcept {
  if (tls_tape != 0) return 0;
  tls_tape = next_tape_id.fetch_add(1, std::memory_order_relaxed);
  tls_seq = 0;
  open_tapes.fetch_add(1, std::memory_order_relaxed);
  return tls_tape;
}

void close_tape() noexcept {
  if (tls_tape == 0) return;
  tls_tape = 0;
  open_tapes.fetch_sub(1, std::memory_order_relaxed);
}

GradNode* new_leaf(int leaf) {
  GradNode* n = new_node();
  n->leaf = leaf;
  return n;
}

GradNode* new_variable_marker() {
  auto* n = new GradNode;
  n->variable = true;
  return n;
}

}  // namespace ivy::detail
