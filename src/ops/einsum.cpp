// einsum: parsed once in core, then a backend's fused kernel or the composite below
// (diagonals by take, then broadcast products summed label by label).
#include <algorithm>
#include <string>

#include "grad/tape.hpp"
#include "ivy/core/framework.hpp"
#include "ivy/ops/conversion.hpp"
#include "ivy/ops/creation.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/indexing.hpp"
#include "ivy/ops/linalg.hpp"
#include "ivy/ops/manipulation.hpp"
#include "ivy/ops/reduction.hpp"
#include "ops/dispatch.hpp"
#include "ops/einsum_parse.hpp"
#include "ops/linalg_helpers.hpp"

namespace ivy {
namespace {

struct Labelled {
  Array x;
  std::vector<int> labels;
};

// Replaces the first label repeated in t by its diagonal, on the last axis.
bool take_one_diagonal(Labelled& t) {
  const auto& ls = t.labels;
  for (std::size_t p = 0; p < ls.size(); ++p)
    for (std::size_t q = p + 1; q < ls.size(); ++q) {
      if (ls[p] != ls[q]) continue;
      std::vector<int> perm;
      std::vector<int> rest;
      for (std::size_t i = 0; i < ls.size(); ++i)
        if (i != p && i != q) {
          perm.push_back(static_cast<int>(i));
          rest.push_back(ls[i]);
        }
      perm.push_back(static_cast<int>(p));
      perm.push_back(static_cast<int>(q));
      const Array moved = transpose(t.x, perm);
      Shape s = moved.shape();
      const std::int64_t n = s.back();
      s.pop_back();
      s.back() = n * n;
      std::vector<std::int64_t> idx(n);
      for (std::int64_t k = 0; k < n; ++k) idx[k] = k * (n + 1);
      const Array ia =
          array(idx, Shape{n}, Options(DType::int64).on(t.x.backend()).to(t.x.device()));
      t.x = take(reshape(moved, s), ia, -1);
      rest.push_back(ls[p]);
      t.labels = std::move(rest);
      return true;
    }
  return false;
}

// t as an array of rank order.size(), its axes in that order, size 1 for labels it lacks.
Array align(const Labelled& t, const std::vector<int>& order) {
  std::vector<int> perm;
  Shape shape;
  const Shape s = t.x.shape();
  for (int l : order) {
    const auto it = std::find(t.labels.begin(), t.labels.end(), l);
    if (it == t.labels.end()) {
      shape.push_back(1);
    } else {
      const int axis = static_cast<int>(it - t.labels.begin());
      perm.push_back(axis);
      shape.push_back(s[axis]);
    }
  }
  return reshape(transpose(t.x, perm), shape);
}

Array composite(const detail::EinsumSpec& spec, std::vector<Labelled> terms, DType d) {
  std::vector<int> order = spec.output;
  for (const auto& t : terms)
    for (int l : t.labels)
      if (std::find(order.begin(), order.end(), l) == order.end()) order.push_back(l);
  const std::size_t n_out = spec.output.size();
  // A contracted label is summed as soon as no later operand has it.
  auto last_user = [&](int l) {
    std::size_t last = 0;
    for (std::size_t k = 0; k < terms.size(); ++k)
      if (std::find(terms[k].labels.begin(), terms[k].labels.end(), l) != terms[k].labels.end())
        last = k;
    return last;
  };
  Array acc;
  for (std::size_t k = 0; k < terms.size(); ++k) {
    const Array aligned = align(terms[k], order);
    acc = k == 0 ? aligned : multiply(acc, aligned);
    std::vector<int> done;
    for (std::size_t pos = n_out; pos < order.size(); ++pos)
      if (last_user(order[pos]) == k) done.push_back(static_cast<int>(pos));
    if (!done.empty()) acc = sum(acc, Axes(done), true);
  }
  Shape out;
  for (int l : spec.output) out.push_back(spec.sizes.at(l));
  const Shape acc_shape = acc.shape();
  const Shape kept(acc_shape.begin(), acc_shape.begin() + static_cast<std::ptrdiff_t>(n_out));
  return cast(broadcast_to(reshape(acc, kept), out), d);
}

}  // namespace

Array einsum(std::string_view subscripts, const std::vector<Array>& operands) {
  if (operands.empty())
    detail::raise<ValueError>("einsum", current_backend().name, "needs at least one operand");
  std::vector<const Array*> ptrs;
  for (const Array& a : operands) ptrs.push_back(&a);
  const Backend& b = detail::backend_of("einsum", operands[0]);
  for (const Array& a : operands)
    if (&detail::backend_of("einsum", a) != &b)
      detail::common_backend("einsum", {&operands[0], &a});  // throws, naming both
  DType d = operands[0].dtype();
  std::vector<Shape> shapes;
  for (const Array& a : operands) {
    d = promote_types(d, a.dtype());
    shapes.push_back(a.shape());
  }
  if (is_bool(d)) detail::raise<DTypeError>("einsum", b.name, "needs numeric operands, got bool");
  const detail::EinsumSpec spec = detail::parse_einsum(subscripts, shapes, "einsum", b.name);
  std::vector<Array> cast_ops;
  for (const Array& a : operands) cast_ops.push_back(cast(a, d));
  // Inside a gradient computation the composite runs instead: its primitives are recorded.
  if (const auto fused = detail::linalg(b, "einsum").einsum; fused && !detail::recording())
    return cast(fused(spec.normalized, cast_ops), d);  // torch sums ints in int64
  std::vector<Labelled> terms;
  for (std::size_t k = 0; k < cast_ops.size(); ++k) {
    Labelled t{cast_ops[k], spec.inputs[k]};
    while (take_one_diagonal(t)) {
    }
    terms.push_back(std::move(t));
  }
  return composite(spec, std::move(terms), d);
}

}  // namespace ivy
