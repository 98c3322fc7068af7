// compile_fn on LibTorch: TorchScript tracing. f runs once on the example tensors with the
// tracer on (every kernel is an ATen call, which the tracer records); the recorded graph is then
// run by TorchScript's GraphExecutor (the profiling executor: it optimises after the first
// runs). This is the only translation unit that includes torch/csrc/jit headers (they cost
// compile time; the rest of the backend stays at the ATen level).
#include <torch/csrc/jit/frontend/tracer.h>
#include <torch/csrc/jit/runtime/graph_executor.h>

#include <iostream>
#include <memory>
#include <string>

#include "backends/compiled_output.hpp"
#include "backends/torch/torch_array.hpp"

namespace ivy::backends::torch_impl {
namespace {

at::Tensor output_tensor(const Array& out, std::size_t i) {
  require_output_of(backend(), out, i);
  return tensor(out);
}

std::shared_ptr<torch::jit::Graph> trace(const ArrayFunction& f,
                                         const std::vector<Array>& example) {
  torch::jit::Stack inputs;
  for (const Array& x : example) inputs.emplace_back(tensor(x));
  const auto traced = [&f](torch::jit::Stack stack) {
    std::vector<Array> args;
    for (const c10::IValue& v : stack) args.push_back(wrap(v.toTensor()));
    const std::vector<Array> outs = f(args);
    torch::jit::Stack results;
    for (std::size_t i = 0; i < outs.size(); ++i) results.emplace_back(output_tensor(outs[i], i));
    return results;
  };
  auto no_names = [](const at::Tensor&) { return std::string(); };
  return guarded("compile_fn",
                 [&] { return torch::jit::tracer::trace(std::move(inputs), traced, no_names); })
      .first->graph;
}

// The tracer cannot follow everything: a gradient computation inside f, for instance, hands it
// tensors autograd saved for the backward pass, which it refuses. f then runs uncompiled (for
// this signature), after checking that f itself works on the example.
ArrayFunction uncompiled(const ArrayFunction& f, const std::vector<Array>& example,
                         const std::exception& why) {
  // An error of f itself is raised again here, without the tracer.
  const std::vector<Array> outs = f(example);
  for (std::size_t i = 0; i < outs.size(); ++i) (void)output_tensor(outs[i], i);
  std::string reason = why.what();
  reason = reason.substr(0, reason.find('\n'));
  std::cerr << "ivy::compile_fn [torch]: TorchScript tracing failed (" << reason
            << "); the function runs uncompiled for arguments of this signature\n";
  return f;
}

ArrayFunction compile(const ArrayFunction& f, const std::vector<Array>& example) {
  std::shared_ptr<torch::jit::Graph> graph;
  try {
    graph = trace(f, example);
  } catch (const std::exception& e) {
    return uncompiled(f, example, e);
  }
  auto executor = std::make_shared<torch::jit::GraphExecutor>(graph, "ivy_compile_fn");
  return [executor](const std::vector<Array>& args) {
    torch::jit::Stack stack;
    for (const Array& x : args) stack.emplace_back(tensor(x));
    guarded("compile_fn", [&] { executor->run(stack); });
    std::vector<Array> outs;
    for (const c10::IValue& v : stack) outs.push_back(wrap(v.toTensor()));
    return outs;
  };
}

}  // namespace

const CompileKernels& compile_kernels() {
  static const CompileKernels k{"TorchScript tracing", compile};
  return k;
}

}  // namespace ivy::backends::torch_impl
