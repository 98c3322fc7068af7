// ivy::compile_fn: one compiled form per argument signature, made by the backend's compiler
// (Backend::compile) or, without one, the function itself.
#include "ivy/compile.hpp"

#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <string>

#include "grad/tape.hpp"
#include "ivy/backend/contract.hpp"
#include "ivy/core/errors.hpp"
#include "ivy/core/shape.hpp"

namespace ivy {

struct CompiledFunction::State {
  ArrayFunction f;
  const Backend* backend = nullptr;
  std::size_t arity = 0;
  std::mutex mutex;
  std::map<std::string, ArrayFunction> compiled;  // by argument signature
};

namespace detail {
namespace {

constexpr std::string_view kFn = "compile_fn";

// Shapes, dtypes and devices: what a trace bakes in.
std::string signature(const std::vector<Array>& args) {
  std::string s;
  for (const Array& x : args)
    s += std::string(dtype_name(x.dtype())) + shape_str(x.shape()) + "@" + x.device().str() + ";";
  return s;
}

void check_arguments(const std::vector<Array>& args, const Backend& b, std::size_t arity) {
  if (args.size() != arity)
    raise<ValueError>(kFn, b.name,
                      "the compiled function takes " + std::to_string(arity) +
                          " argument(s), got " + std::to_string(args.size()));
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (!args[i].defined())
      raise<ValueError>(kFn, b.name, "argument " + std::to_string(i) + " is undefined");
    if (args[i].backend_ptr() != &b)
      raise<BackendError>(kFn, b.name,
                          "argument " + std::to_string(i) + " is on backend '" +
                              std::string(args[i].backend_name()) +
                              "', the function was compiled for '" + std::string(b.name) + "'");
  }
}

// Once per process and backend: the function runs uncompiled.
void notice_uncompiled(const Backend& b) {
  static std::mutex mutex;
  static std::set<std::string, std::less<>> told;
  const std::lock_guard lock(mutex);
  if (!told.insert(std::string(b.name)).second) return;
  std::cerr << "ivy::compile_fn [" << b.name
            << "]: this backend has no compiler; compiled functions run uncompiled\n";
}

// Arrays on ivy's tape: a compiled form would hide the kernels from the tape, so the function
// runs uncompiled and its gradients stay exact.
bool on_tape(const std::vector<Array>& args) {
  for (const Array& x : args)
    if (tracked(x)) return true;
  return false;
}

}  // namespace

CompiledFunction compile_fn(ArrayFunction f, const std::vector<Array>& example_args) {
  if (example_args.empty())
    raise<ValueError>(kFn, "-", "needs at least one example argument (it fixes the backend)");
  if (!example_args[0].defined()) raise<ValueError>(kFn, "-", "argument 0 is undefined");
  const Backend& b = example_args[0].backend();
  check_arguments(example_args, b, example_args.size());
  auto state = std::make_shared<CompiledFunction::State>();
  state->f = std::move(f);
  state->backend = &b;
  state->arity = example_args.size();
  if (b.compile && b.compile->compile)
    state->compiled.emplace(signature(example_args), b.compile->compile(state->f, example_args));
  else
    notice_uncompiled(b);
  return CompiledFunction(std::move(state));
}

}  // namespace detail

std::vector<Array> CompiledFunction::operator()(const std::vector<Array>& args) const {
  const Backend& b = *state_->backend;
  detail::check_arguments(args, b, state_->arity);
  if (!b.compile || !b.compile->compile || detail::on_tape(args)) return state_->f(args);
  const std::string key = detail::signature(args);
  ArrayFunction run;
  {
    const std::lock_guard lock(state_->mutex);
    auto it = state_->compiled.find(key);
    if (it == state_->compiled.end())
      it = state_->compiled.emplace(key, b.compile->compile(state_->f, args)).first;
    run = it->second;
  }
  return run(args);
}

Array CompiledFunction::call_one(const Array& x) const {
  std::vector<Array> outs = (*this)(std::vector<Array>{x});
  if (outs.size() != 1)
    detail::raise<ValueError>(detail::kFn, state_->backend->name,
                              "the single-array form needs a function of one output, this one "
                              "returns " +
                                  std::to_string(outs.size()));
  return std::move(outs[0]);
}

std::string_view CompiledFunction::engine() const {
  const Backend& b = *state_->backend;
  return b.compile && b.compile->compile ? b.compile->engine : std::string_view("none");
}

std::size_t CompiledFunction::traces() const {
  const std::lock_guard lock(state_->mutex);
  return state_->compiled.size();
}

std::size_t CompiledFunction::arity() const { return state_->arity; }

}  // namespace ivy
