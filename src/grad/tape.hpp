#pragma once
// ivy's reverse-mode tape: the node an Array carries when it was computed from a tracked array
// inside a gradient computation, and the thread-local state that says whether one is running.
// Private to the library.
#include <atomic>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <vector>

#include "ivy/core/array.hpp"

namespace ivy::detail {

/** An owning reference to a GradNode (null when the input is a constant). */
class NodeRef {
 public:
  NodeRef() = default;
  explicit NodeRef(GradNode* n) : n_(n) {
    if (n_) retain(n_);
  }
  NodeRef(const NodeRef& o) : NodeRef(o.n_) {}
  NodeRef(NodeRef&& o) noexcept : n_(o.n_) { o.n_ = nullptr; }
  NodeRef& operator=(NodeRef o) noexcept {
    std::swap(n_, o.n_);
    return *this;
  }
  ~NodeRef() {
    if (n_) release(n_);
  }
  GradNode* get() const { return n_; }
  explicit operator bool() const { return n_ != nullptr; }

 private:
  GradNode* n_ = nullptr;
};

/** Which inputs of a node need a gradient (the others may be left undefined). */
using Needs = std::vector<bool>;
/**
 * The vector-Jacobian product of one recorded kernel call: the cotangent g of its output to
 * one cotangent per input, written in unified functions. A result may broadcast to its
 * input's shape or differ in float dtype: the engine sums and casts it to fit.
 */
using Vjp = std::function<std::vector<Array>(const Array& g, const Needs& needs)>;

struct GradInput {
  NodeRef node;  // null: a constant, no gradient flows to it
  Shape shape;
  DType dtype;
};

struct GradNode {
  std::atomic<int> refs{0};
  std::uint64_t tape = 0;  // the gradient computation that recorded it (0: a variable marker)
  std::uint64_t seq = 0;   // creation order within its tape
  int leaf = -1;           // index of the differentiated argument, for leaves
  bool variable = false;   // made by ivy::variable
  std::vector<GradInput> inputs;
  Vjp vjp;
  // Scratch of the reverse pass (run by the recording thread only): the cotangent summed so
  // far and whether the node was collected.
  Array cotangent;
  bool collected = false;
};

// Hidden: read PC-relative on the fast path, not through the GOT.
extern std::atomic<int> open_tapes __attribute__((visibility("hidden")));
/** The id of the gradient computation recording on this thread, 0 when none. */
std::uint64_t current_tape() noexcept;

/** True while a gradient computation records on this thread: one load on the fast path. */
inline bool recording() noexcept {
  return open_tapes.load(std::memory_order_relaxed) != 0 && current_tape() != 0;
}
/** x carries a node of the computation recording now (so gradients flow through it). */
bool tracked(const Array& x) noexcept;

/**
 * Attaches a node to y (a kernel output) with the given inputs and VJP, when y is floating and
 * at least one input is tracked; otherwise y stays a constant.
 */
void record(Array& y, std::initializer_list<const Array*> inputs, Vjp vjp);
void record(Array& y, const std::vector<Array>& inputs, Vjp vjp);

/**
 * Marks a kernel output as a constant: a kernel that hands back (a copy of) its input would
 * otherwise pass the input's node on through a non-differentiable op.
 */
inline void constant(Array& y) noexcept {
  if (y.grad_node()) y.set_grad_node(nullptr);
}

/** y with no tape node: a constant to every later gradient computation. */
Array detached(const Array& y);

}  // namespace ivy::detail

namespace ivy::detail {

/** Starts recording on this thread; returns the new tape id (0 if one is already open). */
std::uint64_t open_tape() noexcept;
/** Stops recording on this thread. */
void close_tape() noexcept;
/** A fresh leaf node for argument `leaf` of the computation recording now. */
GradNode* new_leaf(int leaf);
/** A variable marker (no tape) for ivy::variable. */
GradNode* new_variable_marker();

}  // namespace ivy::detail
