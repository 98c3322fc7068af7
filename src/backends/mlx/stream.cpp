// One MLX stream for every thread (docs/mlx.md, "Threads").
//
// MLX gives each thread its own default stream, and a lazy array can only be evaluated in a
// thread that knows the stream it was built on: reading in one thread an array built in
// another failed with "There is no Stream(cpu, 0) in current thread" (issue 12, item 20).
// The backend instead builds every array on one stream made with new_thread_unsafe_stream,
// which any thread may evaluate; since that stream's command encoder is shared, evaluations
// take a process-wide lock (graph building, the bulk of a kernel's work, does not).
#include <mlx/scheduler.h>
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

// MLX 0.32 loses one count of its active CPU tasks when a kernel of an evaluation throws: the
// stream keeps the error, and the next dispatch that opens a task (one in ten) counts the task,
// then has its enqueue rethrow that error, so the task's completion is never counted. Once the
// lost counts pass MLX's limit of 10 active tasks, every evaluation waits for a completion that
// never comes: the rare mlx "hang" of the fuzzer (issue 12), after many failed evaluations in
// one process. After a failed evaluation, the stream is drained (its stored error, if any, is
// the one already being thrown) and the lost counts are given back, so none accumulate.
void settle_after_failed_evaluation() {
  for (int attempt = 0; attempt < 3; ++attempt) {
    try {
      mx::synchronize(shared_stream());  // rethrows (and clears) a stored error first
      break;
    } catch (const std::exception&) {
    }
  }
  // Nothing of ivy's is in flight now (evaluations hold the lock), so what is counted is lost.
  while (mx::scheduler::n_active_tasks() > 0)
    mx::scheduler::notify_task_completion(shared_stream());
}

}  // namespace

void adopt_shared_stream() { mx::set_default_stream(shared_stream()); }

void evaluate(const mx::array& x) {
  const std::lock_guard<std::mutex> lock(evaluation_mutex());
  try {
    mx::eval(x);
  } catch (...) {
    settle_after_failed_evaluation();
    throw;
  }
}

}  // namespace ivy::backends::mlx_impl
