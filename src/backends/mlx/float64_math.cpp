#include "backends/mlx/float64_math.hpp"

#include <cmath>
#include <numbers>

namespace ivy::backends::mlx_impl {
namespace {

// pi/2 in two parts: hi keeps 33 significant bits, so k * hi is exact for |k| < 2^20 and the
// reduced argument loses nothing to rounding; lo carries the rest (from long double).
struct HalfPi {
  double hi, lo;
};
HalfPi half_pi() {
  const long double half = std::numbers::pi_v<long double> / 2;
  const double hi = std::ldexp(std::round(std::ldexp(static_cast<double>(half), 32)), -32);
  return {hi, static_cast<double>(half - hi)};
}

// Taylor series sum_{n} (-1)^n r^(2n + first) / (2n + first)! by Horner's rule in r^2; eleven
// terms leave an error below 1e-20 for |r| <= pi/4.
mx::array taylor(const mx::array& r, int first) {
  constexpr int kTerms = 11;
  std::vector<double> coeff(kTerms);
  double factorial = 1;
  for (int k = 2; k <= first; ++k) factorial *= k;
  for (int n = 0, p = first; n < kTerms; ++n, p += 2) {
    coeff[n] = (n % 2 ? -1.0 : 1.0) / factorial;
    factorial *= (p + 1.0) * (p + 2.0);
  }
  const mx::array r2 = mx::square(r);
  mx::array acc = f64(coeff[kTerms - 1]);
  for (int n = kTerms - 2; n >= 0; --n) acc = mx::add(mx::multiply(acc, r2), f64(coeff[n]));
  return first == 1 ? mx::multiply(acc, r) : acc;
}

// sin(x + shift * pi/2) from x = k pi/2 + r: quadrant (k + shift) mod 4 picks sin r, cos r,
// -sin r or -cos r.
mx::array shifted_sin(const mx::array& x, int shift) {
  const HalfPi p = half_pi();
  const mx::array k = mx::round(mx::divide(x, f64(static_cast<double>(std::numbers::pi / 2))), 0);
  const mx::array r =
      mx::subtract(mx::subtract(x, mx::multiply(k, f64(p.hi))), mx::multiply(k, f64(p.lo)));
  const mx::array q = mx::remainder(mx::add(k, f64(shift)), f64(4.0));
  const mx::array s = taylor(r, 1), c = taylor(r, 0);
  const mx::array odd = mx::greater_equal(q, f64(2.0));  // quadrants 2, 3 flip the sign
  const mx::array uses_cos = mx::equal(mx::remainder(q, f64(2.0)), f64(1.0));
  const mx::array v = mx::where(uses_cos, c, s);
  const mx::array out = mx::where(odd, mx::negative(v), v);
  // Infinite and NaN arguments have no quadrant: their sine is NaN. sin(+-0) keeps the
  // zero's sign, which the reduction (0 - 0 = +0) loses.
  const mx::array finite = mx::where(mx::isfinite(x), out, f64(std::nan("")));
  return shift == 0 ? mx::where(mx::equal(x, f64(0.0)), x, finite) : finite;
}

}  // namespace

// cosh and sinh are correctly computed in float64: exp(x) = cosh x + sinh x for x >= 0 and
// 1 / (cosh x - sinh x) for x < 0 add like-signed terms (no cancellation). Each branch sees 0
// where it is not selected, so neither overflows into the other's gradient (inf - inf = NaN
// times a zero cotangent would still be NaN), and at x = 0 the derivative is 1.
mx::array exp64(const mx::array& x) {
  const mx::array negative = mx::less(x, f64(0.0));
  const mx::array xp = mx::where(negative, f64(0.0), x), xn = mx::where(negative, x, f64(0.0));
  const mx::array up = mx::add(mx::cosh(xp), mx::sinh(xp));
  const mx::array down = mx::divide(f64(1.0), mx::subtract(mx::cosh(xn), mx::sinh(xn)));
  return mx::where(negative, down, up);
}

mx::array sin64(const mx::array& x) { return shifted_sin(x, 0); }
mx::array cos64(const mx::array& x) { return shifted_sin(x, 1); }

}  // namespace ivy::backends::mlx_impl
