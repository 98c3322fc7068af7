// compile_fn on XLA: f runs once on the example arguments while this thread traces. Every
// kernel still runs (kernels may read shapes, and host steps read values), and each kernel with
// an input computed from the arguments also writes its StableHLO into one module, through the
// same emitter that made its own module. Arrays f uses that are not computed from its arguments
// become extra parameters of @main, bound to their values. The module is compiled once, fully
// optimised, and each call of the compiled function is one XLA execution: what jax.jit does.
#include <iostream>
#include <memory>
#include <unordered_map>
#include <variant>

#include "backends/compiled_output.hpp"
#include "backends/scoped_trace.hpp"
#include "backends/xla/hlo.hpp"
#include "backends/xla/xla_array.hpp"

namespace ivy::backends::xla_impl {
namespace {

struct Trace {
  Builder module;
  // The value of each traced array (an argument or a kernel's output), by node; the nodes are
  // kept alive for the trace, so an address cannot be reused by another array.
  std::unordered_map<const BufferNode*, Value> of;
  std::vector<std::shared_ptr<BufferNode>> alive;
  // @main's parameters in order: an argument's index or a captured array.
  std::vector<std::variant<std::size_t, Array>> parameters;
  // Why f cannot be one executable, when it cannot (untraceable()).
  std::string untraceable;
};

thread_local Trace* current = nullptr;

bool is_traced(const Trace& t, const Array& x) { return t.of.count(native(x).node().get()) > 0; }

// The module's value of x: traced, or a new parameter bound to x (a captured array).
Value value_of(Trace& t, const Array& x) {
  const BufferNode* n = native(x).node().get();
  if (auto it = t.of.find(n); it != t.of.end()) return it->second;
  const Value v = t.module.parameter(n->dtype, n->shape);
  t.parameters.emplace_back(x);
  t.of.emplace(n, v);
  t.alive.push_back(native(x).node());
  return v;
}

// A second node over x's buffer: one array passed as two arguments is two parameters.
Array alias(const Array& x) {
  const std::shared_ptr<BufferNode>& n = native(x).node();
  auto a = std::make_shared<BufferNode>(n->buffer, n->dtype, n->shape);
  a->owns_buffer = false;
  a->keep_alive = n;
  return wrap(Buffer(std::move(a)));
}

ArrayFunction uncompiled(const ArrayFunction& f, std::string_view why) {
  std::cerr << "ivy::compile_fn [xla]: the function cannot be one XLA executable (" << why
            << "); it runs uncompiled for arguments of this signature\n";
  return f;
}

// The traced function: one executable over the arguments and the captured arrays.
class Executed {
 public:
  Executed(std::shared_ptr<const Executable> exe,
           std::vector<std::variant<std::size_t, Array>> parameters, std::vector<Value> results)
      : exe_(std::move(exe)), parameters_(std::move(parameters)), results_(std::move(results)) {}

  std::vector<Array> operator()(const std::vector<Array>& args) const {
    std::vector<PJRT_Buffer*> buffers;
    for (const auto& p : parameters_) {
      const Array& x =
          std::holds_alternative<Array>(p) ? std::get<Array>(p) : args.at(std::get<std::size_t>(p));
      buffers.push_back(node(x).buffer);
    }
    const std::vector<PJRT_Buffer*> outs = exe_->run(buffers, "compile_fn");
    std::vector<Array> arrays;
    for (std::size_t i = 0; i < outs.size(); ++i)
      arrays.push_back(adopt(outs[i], results_[i].dtype, results_[i].shape));
    return arrays;
  }

 private:
  std::shared_ptr<const Executable> exe_;
  std::vector<std::variant<std::size_t, Array>> parameters_;
  std::vector<Value> results_;
};

ArrayFunction compile(const ArrayFunction& f, const std::vector<Array>& example) {
  Trace trace;
  std::vector<Array> args;
  for (std::size_t i = 0; i < example.size(); ++i) {
    args.push_back(alias(example[i]));
    const BufferNode& n = node(args.back());
    trace.of.emplace(&n, trace.module.parameter(n.dtype, n.shape));
    trace.alive.push_back(native(args.back()).node());
    trace.parameters.emplace_back(i);
  }
  std::vector<Value> results;
  {
    const ScopedTrace tracing(current, trace);
    const std::vector<Array> outs = f(args);  // an error of f itself reaches the caller
    for (std::size_t i = 0; i < outs.size(); ++i) {
      require_output_of(backend(), outs[i], i);
      results.push_back(value_of(trace, outs[i]));
    }
  }
  if (!trace.untraceable.empty()) return uncompiled(f, trace.untraceable);
  std::shared_ptr<const Executable> exe;
  try {
    exe = compile_module(trace.module.module(results), "compile_fn", Optimisation::full);
  } catch (const UnsupportedError& e) {  // XLA refused the module
    return uncompiled(f, e.what());
  }
  auto executed =
      std::make_shared<const Executed>(std::move(exe), std::move(trace.parameters), results);
  return [executed](const std::vector<Array>& a) { return (*executed)(a); };
}

}  // namespace

bool tracing() { return current != nullptr; }

void record(const std::vector<Array>& inputs, const Emitter& emit,
            const std::vector<Array>& outputs) {
  Trace& t = *current;
  if (!t.untraceable.empty()) return;  // no module will be made
  bool from_arguments = false;
  for (const Array& x : inputs) from_arguments = from_arguments || is_traced(t, x);
  // A kernel on captured arrays only gives a captured array: it ran, and its result is bound.
  if (!from_arguments) return;
  std::vector<Value> in;
  for (const Array& x : inputs) in.push_back(value_of(t, x));
  const std::vector<Value> results = emit(t.module, in);
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    t.of.emplace(native(outputs[i]).node().get(), results[i]);
    t.alive.push_back(native(outputs[i]).node());
  }
}

const void* host_data(const Array& x, std::string_view fn) {
  if (current && is_traced(*current, x))
    untraceable(std::string(fn) + " reads the elements of a traced array on the host");
  return host_pointer(node(x).buffer);
}

void untraceable(std::string_view what) {
  if (current && current->untraceable.empty()) current->untraceable = what;
}

const CompileKernels& compile_kernels() {
  static const CompileKernels k{"XLA executable", compile};
  return k;
}

}  // namespace ivy::backends::xla_impl
