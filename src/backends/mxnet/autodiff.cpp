// Gradients through MXNet's own autograd: fresh handles of the arguments (MXNDArrayDetach, so the
// caller's arrays are never marked) become variables with zeroed gradient buffers, f runs with
// recording on (every kernel is an MXImperativeInvoke that autograd records), and
// MXAutogradBackwardEx differentiates the loss into those buffers. Where MXNet cannot
// differentiate an operator, backward fails with UnsupportedError and core repeats the
// computation on ivy's tape (docs/gradients.md).
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "backends/mxnet/mx_array.hpp"

namespace ivy::backends::mxnet_impl {
namespace {

thread_local bool recording_now = false;
// Set by tape_gradient_only while f runs: a kernel MXNet's autograd cannot follow was used, so
// the computation goes to ivy's tape once f returns (not by an exception through f, which may
// be user code, or Python).
thread_local std::string tape_needed;

// Recording for the scope's duration, however f exits.
class Recording {
 public:
  Recording() {
    check(api().MXAutogradSetIsRecording(1, &previous_), "execute_with_gradients");
    recording_now = true;
  }
  ~Recording() {
    int ignored = 0;
    api().MXAutogradSetIsRecording(previous_, &ignored);
    recording_now = previous_ != 0;
  }
  Recording(const Recording&) = delete;
  Recording& operator=(const Recording&) = delete;

 private:
  int previous_ = 0;
};

bool ours(const Array& x) { return x.defined() && x.backend_ptr() == &backend(); }

bool is_loss(const std::vector<Array>& outs) {
  if (outs.empty() || !ours(outs[0])) return false;
  const NDArray& y = native(outs[0]);
  return numel(shape_of(y)) == 1 && is_floating(dtype_of(y));
}

NDArray detached(const NDArray& t) {
  NDArrayHandle h = nullptr;
  check(api().MXNDArrayDetach(t.handle(), &h), "execute_with_gradients");
  return NDArray::adopt(h);
}

std::vector<Array> value_and_grad(const DifferentiableFunction& f, const std::vector<Array>& xs,
                                  std::vector<Array>& grads) {
  if (tracing())
    detail::raise<UnsupportedError>("execute_with_gradients", "mxnet",
                                    "MXNet's autograd runs outside the traced graph under "
                                    "compile_fn; ivy's tape is traced instead");
  std::vector<NDArray> variables, buffers;
  std::vector<NDArrayHandle> variable_handles, buffer_handles;
  std::vector<Array> args;
  for (const Array& x : xs) {
    variables.push_back(detached(native(x)));
    buffers.push_back(full_array(x.shape(), x.dtype(), Scalar(0)));
    variable_handles.push_back(variables.back().handle());
    buffer_handles.push_back(buffers.back().handle());
    args.push_back(wrap(variables.back()));
  }
  std::vector<std::uint32_t> write_to(xs.size(), 1);  // MXNet's kWriteTo
  check(
      api().MXAutogradMarkVariables(static_cast<std::uint32_t>(xs.size()), variable_handles.data(),
                                    write_to.data(), buffer_handles.data()),
      "execute_with_gradients");
  std::vector<Array> outs;
  tape_needed.clear();
  {
    const Recording recording;
    outs = f(args);
  }
  if (!tape_needed.empty())
    detail::raise<UnsupportedError>("execute_with_gradients", "mxnet",
                                    std::exchange(tape_needed, {}));
  if (is_loss(outs)) {
    NDArrayHandle loss = native(outs[0]).handle();
    // No head gradient: MXNet seeds the one-element loss with ones. A loss that does not reach
    // any variable has no graph; MXNet refuses it and the tape answers (zeros).
    check(api().MXAutogradBackwardEx(1, &loss, nullptr, 0, nullptr, 0, 0, 1, nullptr, nullptr),
          "execute_with_gradients");
    grads.clear();
    for (const NDArray& g : buffers) grads.push_back(wrap(g));
  }
  for (Array& o : outs)
    if (ours(o)) o = wrap(detached(native(o)));
  return outs;
}

// Through the BlockGrad operator rather than a detached handle: an operator is followed by
// compile_fn's trace, a bare handle would be a constant there.
Array stop_gradient(const Array& x) { return wrap(run("BlockGrad", "stop_gradient", {native(x)})); }

bool tracked(const Array& x) { return recorded(native(x)); }

}  // namespace

namespace {

// What the custom node keeps: the inputs (without their history) and the derivative. Freed by
// MXNet through delete_derivative when the node goes.
struct CustomNode {
  std::vector<NDArray> inputs;
  Derivative derivative;
  int (*callbacks[2])();
  void* contexts[2];
  CallbackList list;
};

// Writes value into MXNet's gradient buffer as its request says (1, 2: write; 3: add; 0: none).
void store(const NDArray& value, const NDArray& buffer, int request) {
  if (request == 0) return;
  NDArray v = cast_to(value, dtype_of(buffer), "execute_with_gradients");
  if (request == 3) v = run("_npi_add", "execute_with_gradients", {buffer, v});
  static const OpHandle copy = [] {
    OpHandle h = nullptr;
    check(api().NNGetOpHandle("_copyto", &h), "execute_with_gradients");
    return h;
  }();
  NDArrayHandle in = v.handle(), out = buffer.handle();
  NDArrayHandle* outs = &out;
  int n = 1;
  check(api().MXImperativeInvoke(copy, 1, &in, &n, &outs, 0, nullptr, nullptr),
        "execute_with_gradients");
}

// MXNet's backward callback: the output's cotangent, then the inputs' gradient buffers, each a
// handle this callback owns. Returns 1 on success (an exception must not cross into MXNet).
int run_derivative(int n_out, int n_in, void** handles, const int* requests, int, void* state) {
  try {
    const auto* node = static_cast<const CustomNode*>(state);
    std::vector<NDArray> owned;
    for (int i = 0; i < n_out + n_in; ++i) owned.push_back(NDArray::adopt(handles[i]));
    const std::vector<NDArray> grads = node->derivative(node->inputs, owned.at(0));
    for (int i = 0; i < n_in; ++i)
      store(grads.at(static_cast<std::size_t>(i)), owned[static_cast<std::size_t>(n_out + i)],
            requests[i]);
    return 1;
  } catch (...) {
    return 0;
  }
}

int delete_derivative(void* state) {
  delete static_cast<CustomNode*>(state);
  return 1;
}

}  // namespace

NDArray with_derivative(const std::vector<NDArray>& inputs,
                        const std::function<NDArray(const std::vector<NDArray>&)>& forward,
                        Derivative derivative) {
  bool any = false;
  for (const NDArray& t : inputs) any = any || recorded(t);
  if (!any) return forward(inputs);
  NDArray out;
  {
    int previous = 0;
    check(api().MXAutogradSetIsRecording(0, &previous), "execute_with_gradients");
    struct Resume {
      ~Resume() {
        int ignored = 0;
        api().MXAutogradSetIsRecording(1, &ignored);
      }
    } resume;
    out = forward(inputs);
  }
  auto* node = new CustomNode{{}, std::move(derivative), {}, {}, {}};
  std::vector<NDArrayHandle> in;
  for (const NDArray& t : inputs) {
    node->inputs.push_back(detached(t));
    in.push_back(t.handle());
  }
  node->callbacks[0] = reinterpret_cast<int (*)()>(run_derivative);
  node->callbacks[1] = reinterpret_cast<int (*)()>(delete_derivative);
  node->contexts[0] = node->contexts[1] = node;
  node->list = CallbackList{2, node->callbacks, node->contexts};
  NDArrayHandle o = out.handle();
  if (api().MXCustomFunctionRecord(static_cast<int>(in.size()), in.data(), 1, &o, &node->list) !=
      0) {
    delete node;
    check(-1, "execute_with_gradients");
  }
  return out;
}

bool recorded(const NDArray& t) {
  if (!recording_now) return false;
  SymbolHandle s = nullptr;
  if (api().MXAutogradGetSymbol(t.handle(), &s) != 0) return false;
  api().MXSymbolFree(s);
  return true;
}

void tape_gradient_only(const NDArray& t, std::string_view fn, std::string_view why) {
  if (tape_needed.empty() && recorded(t))
    tape_needed = std::string(fn) + ": MXNet's autograd cannot differentiate it as ivy does (" +
                  std::string(why) + "); ivy's tape differentiates the computation";
}

const AutodiffKernels& autodiff_kernels() {
  static const AutodiffKernels k{value_and_grad, stop_gradient, tracked};
  return k;
}

}  // namespace ivy::backends::mxnet_impl
