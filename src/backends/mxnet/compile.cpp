// compile_fn on MXNet: f runs once on the example arguments while this thread traces. Every
// operator call still runs (kernels read shapes and dtypes of their results), and each one with
// a traced input is also composed into an MXNet symbol (MXSymbolCreateAtomicSymbol over the same
// operator handle and string parameters, then MXSymbolCompose). Arrays f uses that are not
// computed from its arguments become extra inputs of the graph, bound to their values. The
// grouped outputs make a cached op (what Gluon's hybridize builds), and each call of the
// compiled function is one MXInvokeCachedOp.
#include <atomic>
#include <iostream>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <variant>

#include "backends/compiled_output.hpp"
#include "backends/mxnet/mx_array.hpp"
#include "backends/scoped_trace.hpp"

namespace ivy::backends::mxnet_impl {
namespace {

// Symbols made while tracing, freed with the trace (the cached op keeps its own graph).
class Symbols {
 public:
  Symbols() = default;
  Symbols(const Symbols&) = delete;
  Symbols& operator=(const Symbols&) = delete;
  ~Symbols() {
    for (SymbolHandle s : owned_) api().MXSymbolFree(s);
  }
  SymbolHandle own(SymbolHandle s) {
    owned_.push_back(s);
    return s;
  }

 private:
  std::vector<SymbolHandle> owned_;
};

struct Trace {
  Symbols symbols;
  // The symbol of each traced array (an argument or an operator's output), by handle. The
  // arrays are kept alive for the trace, so a handle cannot be reused by another array.
  std::unordered_map<NDArrayHandle, SymbolHandle> of;
  std::vector<NDArray> alive;
  // Arrays f uses that are not computed from its arguments: graph inputs named c<i>.
  std::unordered_map<NDArrayHandle, SymbolHandle> constant_of;
  std::vector<NDArray> constants;
  // Symbols that are graph inputs (arguments and constants) rather than operator outputs.
  std::unordered_map<SymbolHandle, bool> is_input;
  // Why the function cannot be a graph, when it cannot (see untraceable()).
  std::string untraceable;
};

thread_local Trace* current = nullptr;

void check_symbolic(int rc) { check(rc, "compile_fn"); }

SymbolHandle variable(Trace& t, const std::string& name) {
  SymbolHandle s = nullptr;
  check_symbolic(api().MXSymbolCreateVariable(name.c_str(), &s));
  t.is_input[t.symbols.own(s)] = true;
  return s;
}

SymbolHandle symbol_of(Trace& t, const NDArray& a) {
  if (auto it = t.of.find(a.handle()); it != t.of.end()) return it->second;
  if (auto it = t.constant_of.find(a.handle()); it != t.constant_of.end()) return it->second;
  t.constants.push_back(a);  // kept by the function (and alive, so its handle stays its own)
  const SymbolHandle s =
      variable(t, std::string("c").append(std::to_string(t.constants.size() - 1)));
  t.constant_of.emplace(a.handle(), s);
  return s;
}

// The name of the parameter holding a variadic operator's input count ("num_args"), or "".
const std::string& variadic_key(OpHandle op) {
  thread_local std::unordered_map<OpHandle, std::string> keys;
  auto it = keys.find(op);
  if (it != keys.end()) return it->second;
  const char *name = nullptr, *description = nullptr, *key = nullptr, *type = nullptr;
  std::uint32_t n = 0;
  const char **names = nullptr, **types = nullptr, **descriptions = nullptr;
  check_symbolic(api().MXSymbolGetAtomicSymbolInfo(op, &name, &description, &n, &names, &types,
                                                   &descriptions, &key, &type));
  return keys.emplace(op, key ? key : "").first->second;
}

// The callable the trace becomes: one cached op, its inputs in the graph's order (an argument's
// index or a constant's value).
class CachedFunction {
 public:
  CachedFunction(CachedOpHandle op, std::vector<std::variant<std::size_t, NDArray>> inputs)
      : op_(op), inputs_(std::move(inputs)) {}
  CachedFunction(const CachedFunction&) = delete;
  CachedFunction& operator=(const CachedFunction&) = delete;
  ~CachedFunction() { api().MXFreeCachedOp(op_); }

  /** The outputs of the graph; UnsupportedError when MXNet cannot run it. */
  std::vector<Array> operator()(const std::vector<Array>& args) {
    std::vector<NDArray> keep;
    std::vector<NDArrayHandle> handles;
    for (const auto& in : inputs_) {
      keep.push_back(std::holds_alternative<NDArray>(in)
                         ? std::get<NDArray>(in)
                         : native(args.at(std::get<std::size_t>(in))));
      handles.push_back(keep.back().handle());
    }
    int n = 0;
    NDArrayHandle* outs = nullptr;
    std::vector<Array> result;
    // A cached op keeps per-call state: one call at a time.
    const std::lock_guard lock(mutex_);
    check(api().MXInvokeCachedOp(op_, static_cast<int>(handles.size()), handles.data(), &n, &outs),
          "compile_fn");
    for (int i = 0; i < n; ++i) {
      NDArray out = NDArray::adopt(outs[i]);
      check(api().MXNDArrayWaitToRead(out.handle()), "compile_fn");
      result.push_back(wrap(std::move(out)));
    }
    return result;
  }

 private:
  CachedOpHandle op_;
  std::vector<std::variant<std::size_t, NDArray>> inputs_;
  std::mutex mutex_;
};

// f runs uncompiled (for arguments of this signature), with a notice.
ArrayFunction uncompiled(const ArrayFunction& f, std::string_view why) {
  std::cerr << "ivy::compile_fn [mxnet]: the function cannot be an MXNet graph (" << why
            << "); it runs uncompiled for arguments of this signature\n";
  return f;
}

// The graph's output for a traced output: an operator's output as it is; an argument or a
// constant through a copy (a cached op's outputs are computed, not its inputs).
SymbolHandle graph_output(Trace& t, const NDArray& out) {
  const SymbolHandle s = symbol_of(t, out);
  if (!t.is_input.count(s)) return s;
  OpHandle copy = nullptr;
  check_symbolic(api().NNGetOpHandle("_copy", &copy));
  SymbolHandle c = nullptr;
  check_symbolic(api().MXSymbolCreateAtomicSymbol(copy, 0, nullptr, nullptr, &c));
  t.symbols.own(c);
  SymbolHandle in = s;
  check_symbolic(api().MXSymbolCompose(c, nullptr, 1, nullptr, &in));
  return c;
}

std::shared_ptr<CachedFunction> cached_function(Trace& t, const std::vector<NDArray>& outputs) {
  std::vector<SymbolHandle> heads;
  for (const NDArray& o : outputs) heads.push_back(graph_output(t, o));
  SymbolHandle group = nullptr;
  check_symbolic(
      api().MXSymbolCreateGroup(static_cast<std::uint32_t>(heads.size()), heads.data(), &group));
  t.symbols.own(group);
  // The graph's inputs in its own order, by the names given when tracing.
  std::uint32_t n = 0;
  const char** names = nullptr;
  check_symbolic(api().MXSymbolListArguments(group, &n, &names));
  std::vector<std::variant<std::size_t, NDArray>> inputs;
  for (std::uint32_t i = 0; i < n; ++i) {
    const std::string name = names[i];
    const std::size_t index = std::stoul(name.substr(1));
    if (name[0] == 'x')
      inputs.emplace_back(index);
    else
      inputs.emplace_back(t.constants.at(index));
  }
  CachedOpHandle op = nullptr;
  check_symbolic(api().MXCreateCachedOpEx(group, 0, nullptr, nullptr, &op));
  return std::make_shared<CachedFunction>(op, std::move(inputs));
}

// Calls of the cached op, until MXNet refuses to run the graph (an operator it cannot run
// inside one); the function then runs uncompiled, and an error of f itself is raised there.
ArrayFunction call_cached(std::shared_ptr<CachedFunction> cached, const ArrayFunction& f) {
  auto failed = std::make_shared<std::atomic<bool>>(false);
  return [cached, f, failed](const std::vector<Array>& args) {
    if (!failed->load()) {
      try {
        return (*cached)(args);
      } catch (const UnsupportedError& e) {
        failed->store(true);
        std::cerr << "ivy::compile_fn [mxnet]: MXNet cannot run the traced graph (" << e.what()
                  << "); the function runs uncompiled\n";
      }
    }
    return f(args);
  };
}

ArrayFunction compile(const ArrayFunction& f, const std::vector<Array>& example) {
  Trace trace;
  std::vector<Array> args;
  for (std::size_t i = 0; i < example.size(); ++i) {
    // A handle of its own per argument, so that one array passed twice is two graph inputs.
    NDArrayHandle h = nullptr;
    check_symbolic(api().MXNDArrayDetach(native(example[i]).handle(), &h));
    trace.alive.push_back(NDArray::adopt(h));
    trace.of.emplace(h, variable(trace, std::string("x").append(std::to_string(i))));
    args.push_back(wrap(trace.alive.back()));
  }
  std::vector<NDArray> outputs;
  {
    const ScopedTrace tracing(current, trace);
    const std::vector<Array> outs = f(args);  // an error of f itself reaches the caller
    for (std::size_t i = 0; i < outs.size(); ++i) {
      require_output_of(backend(), outs[i], i);
      outputs.push_back(native(outs[i]));
    }
  }
  if (!trace.untraceable.empty()) return uncompiled(f, trace.untraceable);
  try {
    return call_cached(cached_function(trace, outputs), f);
  } catch (const Error& e) {  // MXNet refused the graph
    return uncompiled(f, e.what());
  }
}

}  // namespace

bool tracing() { return current != nullptr; }

bool traced(const NDArray& t) { return current && current->of.count(t.handle()); }

void untraceable(std::string_view what) {
  if (current && current->untraceable.empty()) current->untraceable = what;
}

namespace {

void add_node(Trace& t, OpHandle op, const std::vector<NDArray>& inputs,
              const std::vector<std::string>& keys, const std::vector<std::string>& values,
              const std::vector<NDArray>& outputs) {
  bool from_arguments = false;
  for (const NDArray& a : inputs) from_arguments = from_arguments || traced(a);
  // An operator on constants only gives a constant: it ran, and its result is bound as one.
  if (!from_arguments) return;
  std::vector<const char*> k, v;
  for (const std::string& s : keys) k.push_back(s.c_str());
  for (const std::string& s : values) v.push_back(s.c_str());
  const std::string& count_key = variadic_key(op);
  const std::string count = std::to_string(inputs.size());
  bool has_count = count_key.empty();
  for (const std::string& s : keys) has_count = has_count || s == count_key;
  if (!has_count) {
    k.push_back(count_key.c_str());
    v.push_back(count.c_str());
  }
  SymbolHandle node = nullptr;
  check_symbolic(api().MXSymbolCreateAtomicSymbol(op, static_cast<std::uint32_t>(k.size()),
                                                  k.data(), v.data(), &node));
  t.symbols.own(node);
  std::vector<SymbolHandle> in;
  for (const NDArray& a : inputs) in.push_back(symbol_of(t, a));
  check_symbolic(api().MXSymbolCompose(node, nullptr, static_cast<std::uint32_t>(in.size()),
                                       nullptr, in.data()));
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    SymbolHandle out = nullptr;
    check_symbolic(api().MXSymbolGetOutput(node, static_cast<std::uint32_t>(i), &out));
    t.of.emplace(outputs[i].handle(), t.symbols.own(out));
    t.alive.push_back(outputs[i]);
  }
}

}  // namespace

void record(OpHandle op, const std::vector<NDArray>& inputs, const std::vector<std::string>& keys,
            const std::vector<std::string>& values, const std::vector<NDArray>& outputs) {
  Trace& t = *current;
  if (!t.untraceable.empty()) return;  // no graph will be made
  try {
    add_node(t, op, inputs, keys, values, outputs);
  } catch (const Error& e) {  // MXNet cannot make this node: the operator call itself ran
    untraceable(e.what());
  }
}

const CompileKernels& compile_kernels() {
  static const CompileKernels k{"MXNet cached op", compile};
  return k;
}

}  // namespace ivy::backends::mxnet_impl
