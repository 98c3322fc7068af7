#pragma once
// The trace a compile_fn of the tensorflow, mxnet and xla backends writes while the function
// runs: one per thread, set for a scope and restored after it, however the function exits.

namespace ivy::backends {

/** Points `current` (a thread_local of the backend) at a trace for the scope's duration. */
template <class Trace>
class ScopedTrace {
 public:
  ScopedTrace(Trace*& current, Trace& trace) : current_(current), previous_(current) {
    current_ = &trace;
  }
  ~ScopedTrace() { current_ = previous_; }
  ScopedTrace(const ScopedTrace&) = delete;
  ScopedTrace& operator=(const ScopedTrace&) = delete;

 private:
  Trace*& current_;
  Trace* previous_;
};

}  // namespace ivy::backends
