// One MLX stream for every thread (docs/mlx.md, "Threads").
//
// MLX gives each thread its own default stream, and a lazy array can only be evaluated in a
// thread that knows the stream it was built on: reading in one thread an array built in
// another failed with "There is no Stream(cpu, 0) in current thread" (issue 12, item 20).
// The backend instead builds every array on one stream made with new_thread_unsafe_stream,
// which any thread may evaluate; since that stream's command encoder is shared, evaluations
// take a process-wide lock (graph building, the bulk of a kernel's work, does not).
#include <mlx/stream.h>
#include <mlx/transforms.h>

#include <mutex>

#include "backends/mlx/mlx_array.hpp"

namespace ivy::backends::mlx_impl {
namespace {

mx::Stream shared_stream() {
  static const mx::Stream s = mx::new_thread_unsafe_stream(mx::Device::cpu);
  return s;
}

std::mutex& evaluation_mutex() {
  static std::mutex m;
  return m;
}

}  // namespace

void adopt_shared_stream() { mx::set_default_stream(shared_stream()); }

void evaluate(const mx::array& x) {
  const std::lock_guard<std::mutex> lock(evaluation_mutex());
  mx::eval(x);
}

}  // namespace ivy::backends::mlx_impl
