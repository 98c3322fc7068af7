#pragma once
/// ivy::Module: the base of trainable layers and models (the original ivy.Module). Variables
/// live in an ivy::Container; forward is a pure function of the input and a variables
/// Container, so a loss can be written as a function of the variables (what gradients need).
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "ivy/container.hpp"
#include "ivy/core/array.hpp"
#include "ivy/core/errors.hpp"
#include "ivy/core/options.hpp"

namespace ivy {

/**
 * A layer or model. A subclass overrides create_variables (its own variables) and forward;
 * child modules are registered with register_module, and their variables appear in v() under
 * the child's name:
 *
 *     struct Mlp : ivy::Module {
 *       std::shared_ptr<ivy::Linear> l0 = register_module("linear0",
 * std::make_shared<ivy::Linear>(3, 8)); std::shared_ptr<ivy::Linear> l1 =
 * register_module("linear1", std::make_shared<ivy::Linear>(8, 1)); ivy::Array forward(const
 * ivy::Array& x, const ivy::Container& v) override { return (*l1)(ivy::relu((*l0)(x,
 * v["linear0"])), v["linear1"]);
 *       }
 *     };
 *     Mlp m;  ivy::Array y = m(x);          // builds on x's backend, dtype and device
 *     m.v().at_key_chain("linear0/w");      // [8, 3]
 *     ivy::Array y2 = m(x, other_v);        // the same function with other variables
 */
class Module {
 public:
  /** kind names the module in error messages ("Linear"). */
  explicit Module(std::string kind = "Module");
  virtual ~Module() = default;
  Module(const Module&) = delete;
  Module& operator=(const Module&) = delete;
  Module(Module&&) = default;
  Module& operator=(Module&&) = default;

  /**
   * Creates the variables of the children (first) and of this module. opts: the dtype
   * (default float32), backend (default the current one) and device. Building again
   * recreates them (new random values).
   */
  void build(const Options& opts = {});
  bool built() const { return built_; }

  /** The variables; a ValueError naming the module if it has not been built. */
  const Container& v() const;
  /**
   * Replaces the variables (of the children too). Once built, v must have the same key chains
   * and leaf shapes as v(): otherwise a ShapeError naming the first differing key chain.
   */
  void set_v(Container v);

  /** forward(x, v()), building first (with x's backend, device and float dtype) if needed. */
  Array operator()(const Array& x);
  /** forward(x, v): the functional form; needs no build and leaves v() untouched. */
  Array operator()(const Array& x, const Container& v) { return forward(x, v); }
  Array call(const Array& x, const Container& v) { return forward(x, v); }

  /** The computation, a pure function of the input and the variables (no build needed). */
  virtual Array forward(const Array& x, const Container& v) = 0;

  /** Training mode (the default) or evaluation mode, for this module and its children. */
  void train(bool on = true);
  void eval() { train(false); }
  bool training() const { return training_; }

  /** v() written with Container::to_disk_as_hdf5 (an IOError naming the path on failure). */
  void save_weights(const std::string& path) const;
  /**
   * Reads variables written by save_weights onto the backend of v() (or the current backend
   * if not built) and installs them with set_v (same checks).
   */
  void load_weights(const std::string& path);

  /** "Linear", "LSTM"... */
  const std::string& kind() const { return kind_; }
  /** The key chain of this module in its root ("" for a root, "encoder/linear0" for a child). */
  const std::string& scope() const { return scope_; }
  /** The registered children in registration order. */
  const std::vector<std::pair<std::string, std::shared_ptr<Module>>>& children() const {
    return children_;
  }

 protected:
  /** This module's own variables (not the children's) for the resolved options; default none. */
  virtual Container create_variables(const Options& opts);

  /**
   * Adds a child whose variables go under `name` in v(). A name used twice, or an invalid
   * Container key, is a ValueError. Returns the child.
   */
  template <class M>
  std::shared_ptr<M> register_module(const std::string& name, std::shared_ptr<M> child) {
    static_assert(std::is_base_of_v<Module, M>, "a child must derive from ivy::Module");
    add_child(name, child);
    return child;
  }

  /** Builds from x (its backend, device, and dtype if floating, else float32) unless built. */
  void build_for(const Array& x);

  /** v[name], or an empty Container when v has no such key (a child without variables). */
  static const Container& child_v(const Container& v, const std::string& name);

  /**
   * A ShapeError naming this module unless x has at least min_rank dimensions and `channels`
   * entries in its last one.
   */
  void require_channels(const Array& x, std::int64_t channels, int min_rank = 1) const;

  /** Throws E as "ivy::<kind> [backend]: [at '<scope>': ]what". */
  template <class E>
  [[noreturn]] void fail(std::string_view backend, const std::string& what) const {
    detail::raise<E>(kind_, backend, scope_prefix() + what);
  }

 private:
  void add_child(const std::string& name, std::shared_ptr<Module> child);
  void set_scope(std::string scope);
  std::string scope_prefix() const;

  std::string kind_;
  std::string scope_;
  std::vector<std::pair<std::string, std::shared_ptr<Module>>> children_;
  Container v_;
  bool built_ = false;
  bool training_ = true;
};

}  // namespace ivy
