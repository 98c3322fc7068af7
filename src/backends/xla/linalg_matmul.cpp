// matmul as one stablehlo.dot_general: the batch dimensions are broadcast to their common shape
// first (dot_general wants equal batch dimensions). Integer products wrap, as ivy wants; float16
// and bfloat16 are multiplied in float32 and rounded once, as NumPy and the torch backend do.
#include <numeric>

#include "backends/xla/hlo.hpp"
#include "backends/xla/linalg.hpp"
#include "backends/xla/xla_array.hpp"

namespace ivy::backends::xla_impl {

Array matmul(const Array& a, const Array& b) {
  const Shape sa = a.shape(), sb = b.shape();
  const Shape batch = detail::broadcast_shapes(Shape(sa.begin(), sa.end() - 2),
                                               Shape(sb.begin(), sb.end() - 2), "matmul", "xla");
  const std::int64_t m = sa[sa.size() - 2], k = sa.back(), n = sb.back();
  auto with_tail = [&](std::int64_t r, std::int64_t c) {
    Shape s = batch;
    s.insert(s.end(), {r, c});
    return s;
  };
  const auto rank = static_cast<std::int64_t>(batch.size());
  std::vector<std::int64_t> batch_dims(batch.size());
  std::iota(batch_dims.begin(), batch_dims.end(), 0);
  return run1("matmul", {a, b}, [&](Builder& h, const std::vector<Value>& in) {
    const DType d = in[0].dtype;
    const DType work = d == DType::float16 || d == DType::bfloat16 ? DType::float32 : d;
    const Value x = h.convert(h.broadcast(in[0], with_tail(m, k)), work);
    const Value y = h.convert(h.broadcast(in[1], with_tail(k, n)), work);
    const Shape out = with_tail(m, n);
    const std::string batching =
        batch.empty() ? ""
                      : ", batching_dims = " + int_list(batch_dims) + " x " + int_list(batch_dims);
    const Value product =
        h.op("stablehlo.dot_general " + x.name + ", " + y.name + batching +
                 ", contracting_dims = [" + std::to_string(rank + 1) + "] x [" +
                 std::to_string(rank) + "] : (" + tensor_type(work, x.shape) + ", " +
                 tensor_type(work, y.shape) + ") -> " + tensor_type(work, out),
             work, out);
    return h.convert(product, d);
  });
}

}  // namespace ivy::backends::xla_impl
