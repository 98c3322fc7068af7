// The original Ivy's functional optimizer steps on lists of weights: adam_step,
// optimizer_update, lars_update and lamb_update (gradient_descent_update and adam_update are in
// optimizers.cpp).
#include <cmath>
#include <string>

#include "grad/optimizer_checks.hpp"
#include "ivy/core/errors.hpp"
#include "ivy/grad.hpp"
#include "ivy/ops/elementwise.hpp"
#include "ivy/ops/linalg.hpp"

namespace ivy {
namespace {

// The 2-norm over all elements, as a 0-d array (the original's vector_norm of a weight).
Array norm_all(const Array& x) { return vector_norm(x, 2.0, Axes::all()); }

AdamResult adam_moments(std::string_view fn, const std::vector<Array>& dcdws,
                        const std::vector<Array>& mw, const std::vector<Array>& vw,
                        std::int64_t step, double beta1, double beta2, double epsilon) {
  detail::check_lengths(fn, dcdws, {&mw, &vw});
  detail::check_step(fn, dcdws, step);
  const double s = static_cast<double>(step);
  const double alpha = std::sqrt(1.0 - std::pow(beta2, s)) / (1.0 - std::pow(beta1, s) + epsilon);
  AdamResult r;
  for (std::size_t i = 0; i < dcdws.size(); ++i) {
    const Array& g = dcdws[i];
    Array m = add(multiply(mw[i], beta1), multiply(g, 1.0 - beta1));
    Array v = add(multiply(vw[i], beta2), multiply(square(g), 1.0 - beta2));
    r.ws.push_back(stop_gradient(multiply(divide(m, add(sqrt(v), epsilon)), alpha)));
    r.mw.push_back(stop_gradient(m));
    r.vw.push_back(stop_gradient(v));
  }
  return r;
}

}  // namespace

AdamResult adam_step(const std::vector<Array>& dcdws, const std::vector<Array>& mw,
                     const std::vector<Array>& vw, std::int64_t step, double beta1, double beta2,
                     double epsilon) {
  return adam_moments("adam_step", dcdws, mw, vw, step, beta1, beta2, epsilon);
}

std::vector<Array> optimizer_update(const std::vector<Array>& ws,
                                    const std::vector<Array>& effective_grads, double lr) {
  detail::check_lengths("optimizer_update", ws, {&effective_grads});
  std::vector<Array> out;
  out.reserve(ws.size());
  for (std::size_t i = 0; i < ws.size(); ++i)
    out.push_back(detail::like_weight(ws[i], subtract(ws[i], multiply(effective_grads[i], lr))));
  return out;
}

std::vector<Array> lars_update(const std::vector<Array>& ws, const std::vector<Array>& dcdws,
                               double lr, double decay_lambda) {
  detail::check_lengths("lars_update", ws, {&dcdws});
  std::vector<Array> out;
  out.reserve(ws.size());
  for (std::size_t i = 0; i < ws.size(); ++i) {
    const Array w_norm = norm_all(ws[i]);
    Array rate = stable_divide(multiply(w_norm, lr), norm_all(dcdws[i]));
    if (decay_lambda > 0) rate = divide(rate, multiply(w_norm, decay_lambda));
    out.push_back(detail::like_weight(ws[i], subtract(ws[i], multiply(dcdws[i], rate))));
  }
  return out;
}

AdamResult lamb_update(const std::vector<Array>& ws, const std::vector<Array>& dcdws, double lr,
                       const std::vector<Array>& mw, const std::vector<Array>& vw,
                       std::int64_t step, double beta1, double beta2, double epsilon,
                       double max_trust_ratio, double decay_lambda) {
  detail::check_lengths("lamb_update", ws, {&dcdws, &mw, &vw});
  AdamResult r = adam_moments("lamb_update", dcdws, mw, vw, step, beta1, beta2, epsilon);
  for (std::size_t i = 0; i < ws.size(); ++i) {
    const Array& e = r.ws[i];
    const Array r2 =
        decay_lambda > 0 ? norm_all(add(e, multiply(ws[i], decay_lambda))) : norm_all(e);
    const Array trust = minimum(stable_divide(norm_all(ws[i]), r2), max_trust_ratio);
    r.ws[i] = detail::like_weight(ws[i], subtract(ws[i], multiply(e, multiply(trust, lr))));
  }
  return r;
}

}  // namespace ivy
