#pragma once
// The scalar loss the mech and vision gradient checks differentiate: L(x) = sum(w * f(x)) with
// fixed cyclic weights w = 0.3, -0.2, -0.7, 0.3, ..., on the tape (weighted_loss) and on the
// host for finite differences (weighted).
#include <functional>
#include <vector>

#include "ivy/ivy.hpp"

namespace ivy::testing {

inline double loss_weight(std::size_t i) { return 0.3 - 0.5 * static_cast<double>(i % 3); }

/** sum(w * f(x)) computed on the host, in double. */
inline double weighted(const std::function<Array(const Array&)>& f, const Array& x) {
  const std::vector<double> y = f(x).to_vector<double>();
  double s = 0;
  for (std::size_t i = 0; i < y.size(); ++i) s += y[i] * loss_weight(i);
  return s;
}

/** sum(w * f(x)) as an array, so that the tape sees it (w in float64 on y's backend). */
inline Array weighted_loss(const std::function<Array(const Array&)>& f, const Array& x) {
  const Array y = f(x);
  std::vector<double> w(static_cast<std::size_t>(y.size()));
  for (std::size_t i = 0; i < w.size(); ++i) w[i] = loss_weight(i);
  return ivy::sum(ivy::multiply(y, ivy::array(w, ivy::shape(y), Options(float64).on(y.backend()))));
}

}  // namespace ivy::testing
