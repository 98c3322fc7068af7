// The Container forms of the functional optimizer steps: the leaves are flattened in key-chain
// order, updated by the list forms, and put back under the same key chains.
#include <string>

#include "ivy/core/errors.hpp"
#include "ivy/grad.hpp"

namespace ivy {
namespace {

std::string_view name_of(const Container& c) {
  for (const auto& [kc, leaf] : c.flatten())
    if (leaf.is_array()) return leaf.array().backend_name();
  return "none";
}

// The array leaves of c, which must have ref's key chains.
std::vector<Array> arrays(std::string_view fn, const Container& ref, const Container& c,
                          const char* what) {
  if (c.key_chains() != ref.key_chains())
    detail::raise<ValueError>(fn, name_of(ref),
                              std::string(what) + " does not have the key chains of the weights");
  std::vector<Array> out;
  for (const auto& [kc, leaf] : c.flatten()) {
    if (!leaf.is_array())
      detail::raise<ValueError>(fn, name_of(ref),
                                std::string(what) + " has a scalar leaf at '" + kc +
                                    "': the optimizer steps update arrays");
    out.push_back(leaf.array());
  }
  return out;
}

Container rebuild(const Container& ref, const std::vector<Array>& values) {
  std::vector<Container::FlatItem> items;
  const std::vector<std::string> kcs = ref.key_chains();
  items.reserve(kcs.size());
  for (std::size_t i = 0; i < kcs.size(); ++i) items.emplace_back(kcs[i], Leaf(values[i]));
  return Container::from_flat(items);
}

ContainerAdamResult rebuild(const Container& ref, const AdamResult& r) {
  return {rebuild(ref, r.ws), rebuild(ref, r.mw), rebuild(ref, r.vw)};
}

}  // namespace

namespace detail {

Container gradient_descent_update_c(const Container& ws, const Container& dcdws, double lr) {
  constexpr std::string_view fn = "gradient_descent_update";
  return rebuild(
      ws, gradient_descent_update(arrays(fn, ws, ws, "ws"), arrays(fn, ws, dcdws, "dcdws"), lr));
}

Container optimizer_update_c(const Container& ws, const Container& effective_grads, double lr) {
  constexpr std::string_view fn = "optimizer_update";
  return rebuild(ws, optimizer_update(arrays(fn, ws, ws, "ws"),
                                      arrays(fn, ws, effective_grads, "effective_grads"), lr));
}

Container lars_update_c(const Container& ws, const Container& dcdws, double lr,
                        double decay_lambda) {
  constexpr std::string_view fn = "lars_update";
  return rebuild(
      ws, lars_update(arrays(fn, ws, ws, "ws"), arrays(fn, ws, dcdws, "dcdws"), lr, decay_lambda));
}

ContainerAdamResult adam_step_c(const Container& dcdws, const Container& mw, const Container& vw,
                                std::int64_t step, double beta1, double beta2, double epsilon) {
  constexpr std::string_view fn = "adam_step";
  return rebuild(dcdws, adam_step(arrays(fn, dcdws, dcdws, "dcdws"), arrays(fn, dcdws, mw, "mw"),
                                  arrays(fn, dcdws, vw, "vw"), step, beta1, beta2, epsilon));
}

ContainerAdamResult adam_update_c(const Container& ws, const Container& dcdws, double lr,
                                  const Container& mw, const Container& vw, std::int64_t step,
                                  double beta1, double beta2, double epsilon) {
  constexpr std::string_view fn = "adam_update";
  return rebuild(ws, adam_update(arrays(fn, ws, ws, "ws"), arrays(fn, ws, dcdws, "dcdws"), lr,
                                 arrays(fn, ws, mw, "mw"), arrays(fn, ws, vw, "vw"), step, beta1,
                                 beta2, epsilon));
}

ContainerAdamResult lamb_update_c(const Container& ws, const Container& dcdws, double lr,
                                  const Container& mw, const Container& vw, std::int64_t step,
                                  double beta1, double beta2, double epsilon,
                                  double max_trust_ratio, double decay_lambda) {
  constexpr std::string_view fn = "lamb_update";
  return rebuild(ws, lamb_update(arrays(fn, ws, ws, "ws"), arrays(fn, ws, dcdws, "dcdws"), lr,
                                 arrays(fn, ws, mw, "mw"), arrays(fn, ws, vw, "vw"), step, beta1,
                                 beta2, epsilon, max_trust_ratio, decay_lambda));
}

}  // namespace detail

}  // namespace ivy
