#include "ivy/stateful/module.hpp"

#include <algorithm>

#include "ivy/core/dtype.hpp"
#include "ivy/core/framework.hpp"
#include "ivy/core/shape.hpp"
#include "stateful/structure.hpp"

namespace ivy {

Module::Module(std::string kind) : kind_(std::move(kind)) {}

Container Module::create_variables(const Options& /*opts*/) { return Container(); }

void Module::add_child(const std::string& name, std::shared_ptr<Module> child) {
  if (!child)
    detail::raise<ValueError>(kind_, "core", scope_prefix() + "child '" + name + "' is null");
  const bool taken = std::any_of(children_.begin(), children_.end(),
                                 [&](const auto& c) { return c.first == name; });
  if (taken)
    detail::raise<ValueError>(kind_, "core",
                              scope_prefix() + "a child is already called '" + name + "'");
  Container probe;
  probe[name];  // a bad key (empty, '/', ".") is the Container's ValueError
  child->set_scope(scope_.empty() ? name : scope_ + "/" + name);
  children_.emplace_back(name, std::move(child));
}

void Module::set_scope(std::string scope) {
  scope_ = std::move(scope);
  for (auto& [name, child] : children_) child->set_scope(scope_ + "/" + name);
}

std::string Module::scope_prefix() const { return scope_.empty() ? "" : "at '" + scope_ + "': "; }

void Module::build(const Options& opts) {
  Options resolved = opts;
  if (!resolved.dtype) resolved.dtype = kDefaultFloat;
  if (!resolved.backend) resolved.backend = &current_backend();
  Container v = create_variables(resolved);
  for (auto& [name, child] : children_) {
    child->build(resolved);
    if (v.contains(name))
      detail::raise<ValueError>(
          kind_, backend_name(*resolved.backend),
          scope_prefix() + "the child '" + name + "' and a variable share a key");
    v[name] = child->v();
  }
  v_ = std::move(v);
  built_ = true;
}

const Container& Module::v() const {
  if (!built_)
    detail::raise<ValueError>(
        kind_, "core",
        scope_prefix() + "the module has no variables yet: call it or build() first");
  return v_;
}

void Module::set_v(Container v) {
  if (built_)
    stateful_detail::require_same_layout(kind_ + "::set_v", scope_prefix(), v_, "current variables",
                                         v, "new variables");
  for (auto& [name, child] : children_) child->set_v(child_v(v, name));
  v_ = std::move(v);
  built_ = true;
}

void Module::build_for(const Array& x) {
  if (built_) return;
  Options opts = Options(is_floating(x.dtype()) ? x.dtype() : kDefaultFloat).on(x.backend());
  build(opts.to(x.device()));
}

const Container& Module::child_v(const Container& v, const std::string& name) {
  static const Container empty;
  return v.contains(name) ? v[name] : empty;
}

Array Module::operator()(const Array& x) {
  build_for(x);
  return forward(x, v_);
}

void Module::require_channels(const Array& x, std::int64_t channels, int min_rank) const {
  const int rank = std::max(min_rank, 1);
  if (x.ndim() >= rank && x.dim(-1) == channels) return;
  fail<ShapeError>(x.backend_name(), "expected an input of rank >= " + std::to_string(rank) +
                                         " with " + std::to_string(channels) +
                                         " channels in its last dimension, got shape " +
                                         shape_str(x.shape()));
}

void Module::train(bool on) {
  training_ = on;
  for (auto& [name, child] : children_) child->train(on);
}

void Module::save_weights(const std::string& path) const { v().to_disk_as_hdf5(path); }

void Module::load_weights(const std::string& path) {
  const std::string backend = stateful_detail::backend_name_of(v_);
  const Backend& b = built_ && backend != "core" ? ivy::backend(backend) : current_backend();
  set_v(Container::from_disk_as_hdf5(path, b));
}

}  // namespace ivy
