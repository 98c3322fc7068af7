// compile_fn on TensorFlow: f runs once on graph inputs with the backend tracing (tf_tensor.hpp's
// Op adds every kernel with a graph input to a TF_Graph instead of running it; kernels on
// constants run at once and become constants); the graph becomes a TensorFlow function
// (TF_GraphToFunction, TFE_ContextAddFunction) that each call runs as one op, compiled by XLA
// when the graph is small (docs/tensorflow.md has the timings).
#include <atomic>
#include <cstdlib>
#include <iostream>
#include <map>
#include <string_view>

#include "backends/compiled_output.hpp"
#include "backends/scoped_trace.hpp"
#include "backends/tensorflow/tf_tensor.hpp"

namespace ivy::backends::tensorflow_impl {
namespace {

struct Trace {
  std::shared_ptr<TF_Graph> graph;
  // Eager tensors used by the function, as Const nodes (one each).
  std::map<const ivy::tensorflow::TensorNode*, std::pair<Tensor, TF_Output>> constants;
  std::int64_t ops = 0;
};

thread_local Trace* current = nullptr;

TF_Operation* finish(TF_OperationDescription* d) {
  TF_Operation* op = api().TF_FinishOperation(d, status());
  check("compile_fn");
  return op;
}

TF_Output placeholder(Trace& t, DType d, const Shape& shape) {
  const Api& a = api();
  const std::string name = "arg" + std::to_string(t.ops++);
  TF_OperationDescription* desc = a.TF_NewOperation(t.graph.get(), "Placeholder", name.c_str());
  a.TF_SetAttrType(desc, "dtype", to_tf(d));
  a.TF_SetAttrShape(desc, "shape", shape.data(), static_cast<int>(shape.size()));
  return TF_Output{finish(desc), 0};
}

TF_Output identity(Trace& t, TF_Output x) {
  const std::string name = "out" + std::to_string(t.ops++);
  TF_OperationDescription* desc = api().TF_NewOperation(t.graph.get(), "Identity", name.c_str());
  api().TF_AddInput(desc, x);
  return TF_Output{finish(desc), 0};
}

Tensor output_tensor(const Array& out, std::size_t i) {
  require_output_of(backend(), out, i);
  return native(out);
}

// What the trace could not follow makes f run uncompiled (for this signature), after checking
// that f itself works on the example.
ArrayFunction uncompiled(const ArrayFunction& f, const std::vector<Array>& example,
                         const std::exception& why) {
  const std::vector<Array> outs = f(example);  // an error of f itself is raised again here
  for (std::size_t i = 0; i < outs.size(); ++i) (void)output_tensor(outs[i], i);
  std::cerr << "ivy::compile_fn [tensorflow]: tracing into a TensorFlow graph failed ("
            << why.what() << "); the function runs uncompiled for arguments of this signature\n";
  return f;
}

std::string function_name() {
  static std::atomic<std::int64_t> count{0};
  return "ivy_compiled_" + std::to_string(count++);
}

// The traced graph as a function of the context; its name.
std::string add_function(Trace& t, const std::vector<TF_Output>& inputs,
                         const std::vector<TF_Output>& outputs) {
  const Api& a = api();
  const std::string name = function_name();
  TF_Function* fn = a.TF_GraphToFunction(
      t.graph.get(), name.c_str(), 0, -1, nullptr, static_cast<int>(inputs.size()), inputs.data(),
      static_cast<int>(outputs.size()), outputs.data(), nullptr, nullptr, nullptr, status());
  check("compile_fn");
  a.TFE_ContextAddFunction(a.context, fn, status());
  a.TF_DeleteFunction(fn);
  check("compile_fn");
  return name;
}

// XLA compiles small functions: its compilation time grows quickly with the graph (a 20-step
// CartPole roll-out with its gradients, about 2,500 ops: 6 s; 50 steps: about 50 s), while
// TensorFlow's graph executor runs such a graph at once (43 ms for the first call, then
// 0.3 ms). IVY_TENSORFLOW_XLA=1 or 0 forces the choice.
constexpr std::int64_t kXlaOpLimit = 256;

bool use_xla(std::int64_t graph_ops) {
  const char* env = std::getenv("IVY_TENSORFLOW_XLA");
  if (env && std::string_view(env) == "0") return false;
  if (env && std::string_view(env) == "1") return true;
  return graph_ops <= kXlaOpLimit;
}

std::vector<Array> run_function(const std::string& name, int n, const std::vector<Array>& args,
                                bool xla) {
  Op op(name.c_str(), "compile_fn");
  for (const Array& x : args) op.input(x);
  if (xla) op.boolean("_XlaMustCompile", true);
  std::vector<Array> outs;
  for (Tensor& t : op.run_or_value_error(n, "the compiled function failed"))
    outs.push_back(wrap(std::move(t)));
  return outs;
}

// Calls of the function: through XLA (the attribute TensorFlow's own jit_compile sets) when
// chosen, until XLA refuses the function (an op without an XLA kernel); else, and then, by
// TensorFlow's graph executor.
ArrayFunction call_function(const std::string& name, int n, bool with_xla) {
  auto xla = std::make_shared<std::atomic<bool>>(with_xla);
  return [name, n, xla](const std::vector<Array>& args) {
    if (xla->load()) {
      try {
        return run_function(name, n, args, true);
      } catch (const UnsupportedError& e) {
        xla->store(false);
        std::cerr << "ivy::compile_fn [tensorflow]: XLA cannot compile this function (" << e.what()
                  << "); it runs on TensorFlow's graph executor\n";
      }
    }
    return run_function(name, n, args, false);
  };
}

ArrayFunction compile(const ArrayFunction& f, const std::vector<Array>& example) {
  Trace trace{std::shared_ptr<TF_Graph>(api().TF_NewGraph(), api().TF_DeleteGraph)};
  std::vector<TF_Output> inputs;
  std::vector<Array> args;
  for (const Array& x : example) {
    inputs.push_back(placeholder(trace, x.dtype(), x.shape()));
    auto node = std::make_shared<ivy::tensorflow::TensorNode>();
    node->graph = trace.graph;
    node->symbol = inputs.back();
    args.push_back(wrap(Tensor(std::move(node))));
  }
  std::vector<TF_Output> outputs;
  try {
    const ScopedTrace tracing(current, trace);
    const std::vector<Array> outs = f(args);
    for (std::size_t i = 0; i < outs.size(); ++i)
      outputs.push_back(identity(trace, graph_output(trace.graph, output_tensor(outs[i], i))));
  } catch (const TraceError& e) {
    return uncompiled(f, example, e);
  } catch (const Error& e) {
    return uncompiled(f, example, e);
  }
  const std::string name = add_function(trace, inputs, outputs);
  return call_function(name, static_cast<int>(outputs.size()), use_xla(trace.ops));
}

}  // namespace

const std::shared_ptr<TF_Graph>* tracing_graph() { return current ? &current->graph : nullptr; }

std::string next_op_name() { return "op" + std::to_string(current->ops++); }

void forbid_while_tracing(std::string_view what) {
  if (current) throw TraceError(std::string(what) + " cannot be traced");
}

TF_Output graph_output(const std::shared_ptr<TF_Graph>& g, const Tensor& t) {
  if (symbolic(t)) {
    if (t.node()->graph != g)
      detail::raise<ValueError>("compile_fn", "tensorflow",
                                "a tensor of another traced function was used in this one");
    return t.node()->symbol;
  }
  auto found = current->constants.find(t.node().get());
  if (found != current->constants.end()) return found->second.second;
  const Api& a = api();
  const Resolved value(t, "compile_fn");
  const std::string name = next_op_name();
  TF_OperationDescription* d = a.TF_NewOperation(g.get(), "Const", name.c_str());
  a.TF_SetAttrTensor(d, "value", value.get(), status());
  check("compile_fn");
  a.TF_SetAttrType(d, "dtype", to_tf(dtype_of(t)));
  const TF_Output out{finish(d), 0};
  current->constants.emplace(t.node().get(), std::make_pair(t, out));
  return out;
}

const CompileKernels& compile_kernels() {
  static const CompileKernels k{"TensorFlow graph function", compile};
  return k;
}

}  // namespace ivy::backends::tensorflow_impl
