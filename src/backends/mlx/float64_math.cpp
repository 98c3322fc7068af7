#include "backends/mlx/float64_math.hpp"

#include <cmath>
#include <vector>

#include "backends/mlx/float64_reduce.hpp"

namespace ivy::backends::mlx_impl {
namespace {

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

// sin(x + shift * pi/2) from x = k pi/2 + r (r = hi + lo): quadrant (k + shift) mod 4 picks
// sin r, cos r, -sin r or -cos r; sin(hi + lo) = sin hi + lo cos hi to the last bit. Infinite
// and NaN x have hi = NaN, hence a NaN result.
mx::array shifted_sin(const mx::array& x, int shift) {
  const HalfPiReduced red = reduce_half_pi(x);
  // The reduction carries no gradient: r - x is a constant to it, so dr/dx = 1.
  const mx::array r = mx::add(red.hi, mx::subtract(x, mx::stop_gradient(x)));
  // floor rather than mx::remainder, several times slower on the CPU.
  const mx::array turn = mx::add(red.k, f64(shift));
  const mx::array q =
      mx::subtract(turn, mx::multiply(f64(4.0), mx::floor(mx::multiply(turn, f64(0.25)))));
  const mx::array s = taylor(r, 1), c = taylor(r, 0);
  const mx::array sin_r = mx::add(s, mx::multiply(red.lo, c));
  const mx::array cos_r = mx::subtract(c, mx::multiply(red.lo, s));
  // Quadrants 2 and 3 flip the sign (a factor: cheaper than where() in MLX).
  const mx::array flip = mx::astype(mx::greater_equal(q, f64(2.0)), mx::float64);
  const mx::array uses_cos = mx::logical_or(mx::equal(q, f64(1.0)), mx::equal(q, f64(3.0)));
  const mx::array v = mx::where(uses_cos, cos_r, sin_r);
  const mx::array out = mx::multiply(v, mx::subtract(f64(1.0), mx::multiply(f64(2.0), flip)));
  // sin(+-0) keeps the zero's sign, which the sums above (-0 + 0 = +0) lose.
  return shift == 0 ? mx::where(mx::equal(x, f64(0.0)), x, out) : out;
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
