// gradient_descent_update and adam_update on lists of weights (ivy v1.1.1's list form).
#include <cmath>
#include <string>

#include "grad/optimizer_checks.hpp"
#include "ivy/core/errors.hpp"
#include "ivy/grad.hpp"
#include "ivy/ops/elementwise.hpp"

namespace ivy {

std::vector<Array> gradient_descent_update(const std::vector<Array>& ws,
                                           const std::vector<Array>& dcdws, double lr) {
  detail::check_lengths("gradient_descent_update", ws, {&dcdws});
  std::vector<Array> out;
  out.reserve(ws.size());
  for (std::size_t i = 0; i < ws.size(); ++i)
    out.push_back(detail::like_weight(ws[i], subtract(ws[i], multiply(dcdws[i], lr))));
  return out;
}

AdamResult adam_update(const std::vector<Array>& ws, const std::vector<Array>& dcdws, double lr,
                       const std::vector<Array>& mw, const std::vector<Array>& vw,
                       std::int64_t step, double beta1, double beta2, double epsilon) {
  detail::check_lengths("adam_update", ws, {&dcdws, &mw, &vw});
  detail::check_step("adam_update", ws, step);
  const double s = static_cast<double>(step);
  const double alpha =
      lr * std::sqrt(1.0 - std::pow(beta2, s)) / (1.0 - std::pow(beta1, s) + epsilon);
  AdamResult r;
  for (std::size_t i = 0; i < ws.size(); ++i) {
    const Array& g = dcdws[i];
    Array m = add(multiply(mw[i], beta1), multiply(g, 1.0 - beta1));
    Array v = add(multiply(vw[i], beta2), multiply(square(g), 1.0 - beta2));
    r.ws.push_back(detail::like_weight(
        ws[i], subtract(ws[i], multiply(divide(m, add(sqrt(v), epsilon)), alpha))));
    r.mw.push_back(stop_gradient(m));
    r.vw.push_back(stop_gradient(v));
  }
  return r;
}

}  // namespace ivy
