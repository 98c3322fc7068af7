#include "backends/mlx/float64_reduce.hpp"

#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

// Payne-Hanek reduction, after fdlibm's __kernel_rem_pio2, as one element-wise MLX graph:
// |x| = X0 2^e0 + X1 2^(e0-24) + X2 2^(e0-48) (24-bit integer chunks of its mantissa) times
// 2/pi = sum_j b_j 2^(-24 j) (24-bit digits) is a sum of exact products X_i b_j. Digits whose
// products are multiples of 4 (whole turns) are skipped, so only kGroups digit positions from
// n0 (which depends on x's exponent: a gather from the digit table) are needed, whatever |x|.
namespace ivy::backends::mlx_impl {
namespace {

// fdlibm's ipio2: the first 50 24-bit digits of 2/pi (1200 bits, enough for |x| < 2^1024).
constexpr std::array<std::uint32_t, 50> kTwoOverPiDigits = {
    0xA2F983, 0x6E4E44, 0x1529FC, 0x2757D1, 0xF534DD, 0xC0DB62, 0x95993C, 0x439041, 0xFE5163,
    0xABDEBB, 0xC561B7, 0x246E3A, 0x424DD2, 0xE00649, 0x2EEA09, 0xD1921C, 0xFE1DEB, 0x1CB129,
    0xA73EE8, 0x8235F5, 0x2EBB44, 0x84E99C, 0x7026B4, 0x5F7E41, 0x3991D6, 0x398353, 0x39F49C,
    0x845F8B, 0xBDF928, 0x3B1FF8, 0x97FFDE, 0x05980F, 0xEF2F11, 0x8B5A0A, 0x6D1F6D, 0x367ECF,
    0x27CB09, 0xB74F46, 0x3F669E, 0x5FEA2D, 0x7527BA, 0xC7EBE5, 0xF17B3D, 0x0739F7, 0x8A5292,
    0xEA6BFB, 0x5FB11F, 0x8D5D08, 0x560330, 0x46FC7B};

// Digit positions summed: the first leaves 2^-117 of the fraction of x 2/pi unknown, so that
// even the float64 nearest a multiple of pi/2 (remainder ~2^-61) keeps a full-precision remainder.
constexpr int kGroups = 7;
constexpr double kTwo24 = 16777216.0;

// pi/2 = kHalfPi + kHalfPiTail to 2^-106 (correctly rounded head and tail).
constexpr double kHalfPi = 0x1.921fb54442d18p+0;
constexpr double kHalfPiTail = 0x1.1a62633145c07p-54;

mx::array i64(std::int64_t v) { return mx::array(v, mx::int64); }

// 0, 0, b_1, b_2, ...: table[j + 1] = b_j, with b_j = 0 for j <= 0.
mx::array digit_table() {
  std::vector<double> t = {0.0, 0.0};
  for (std::uint32_t d : kTwoOverPiDigits) t.push_back(d);
  return mx::array(t.begin(), {static_cast<int>(t.size())}, mx::float64);
}

// a + b = s + err exactly (Knuth's TwoSum).
std::pair<mx::array, mx::array> two_sum(const mx::array& a, const mx::array& b) {
  const mx::array s = mx::add(a, b);
  const mx::array bb = mx::subtract(s, a);
  return {s, mx::add(mx::subtract(a, mx::subtract(s, bb)), mx::subtract(b, bb))};
}

// a = hi + lo with 26-bit halves (Veltkamp), so that products of halves are exact.
std::pair<double, double> split(double a) {
  const double c = 134217729.0 * a;
  const double hi = c - (c - a);
  return {hi, a - hi};
}
std::pair<mx::array, mx::array> split(const mx::array& a) {
  const mx::array c = mx::multiply(f64(134217729.0), a);
  const mx::array hi = mx::subtract(c, mx::subtract(c, a));
  return {hi, mx::subtract(a, hi)};
}

// 2^s for integer s in the normal range, from its bits.
mx::array pow2(const mx::array& s) {
  return mx::view(mx::left_shift(mx::add(s, i64(1023)), i64(52)), mx::float64);
}

struct Fraction {
  mx::array k, hi, lo;  // a x 2/pi = k + hi + lo (mod 4), k integer, |hi + lo| <= 1/2
};

// a: finite, positive, normal (callers substitute 1 for the other elements).
Fraction turns(const mx::array& a) {
  const mx::array bits = mx::view(a, mx::int64);
  const mx::array m = mx::bitwise_or(mx::bitwise_and(bits, i64((std::int64_t{1} << 52) - 1)),
                                     i64(std::int64_t{1} << 52));
  const mx::array x0 = mx::astype(mx::right_shift(m, i64(29)), mx::float64);
  const mx::array x1 =
      mx::astype(mx::bitwise_and(mx::right_shift(m, i64(5)), i64(0xFFFFFF)), mx::float64);
  const mx::array x2 =
      mx::astype(mx::left_shift(mx::bitwise_and(m, i64(31)), i64(19)), mx::float64);
  // |x| = x0 2^e0 + ...; group n (2^(e0 - 24 n)) is a multiple of 4 for n < n0.
  const mx::array e0 = mx::subtract(mx::right_shift(bits, i64(52)), i64(1023 + 23));
  const mx::array n0 = mx::maximum(mx::floor_divide(mx::add(e0, i64(22)), i64(24)), i64(1));
  const mx::array s = mx::subtract(e0, mx::multiply(i64(24), n0));  // weight 2^s of group n0

  // digit[d] = b_(n0 - 2 + d); group k: x0 b_(n0+k) + x1 b_(n0+k-1) + x2 b_(n0+k-2), exact.
  const mx::array table = digit_table();
  const mx::array row = mx::astype(mx::subtract(n0, i64(1)), mx::int32);
  const int len = static_cast<int>(table.shape(0));
  std::vector<mx::array> digit;
  for (int d = 0; d < kGroups + 2; ++d)
    digit.push_back(mx::take(mx::slice(table, {d}, {len}), row));
  std::vector<mx::array> g;
  for (int k = 0; k < kGroups; ++k)
    g.push_back(mx::add(mx::add(mx::multiply(x0, digit[k + 2]), mx::multiply(x1, digit[k + 1])),
                        mx::multiply(x2, digit[k])));
  // Carries make every group but the first a 24-bit digit: the parts no longer overlap.
  for (int k = kGroups - 1; k > 0; --k) {
    const mx::array carry = mx::floor(mx::multiply(g[k], f64(1.0 / kTwo24)));
    g[k] = mx::subtract(g[k], mx::multiply(carry, f64(kTwo24)));
    g[k - 1] = mx::add(g[k - 1], carry);
  }
  const mx::array p = pow2(s);
  mx::array head = mx::multiply(g[0], p);  // exact, as are the steps below up to `rest`
  head = mx::subtract(head, mx::multiply(f64(4.0), mx::floor(mx::multiply(head, f64(0.25)))));
  std::vector<mx::array> t;  // t[k - 1] = g[k] 2^(s - 24 k)
  for (int k = 1; k < kGroups; ++k)
    t.push_back(mx::multiply(g[k], mx::multiply(p, f64(std::ldexp(1.0, -24 * k)))));
  const mx::array k = mx::round(mx::add(head, t[0]), 0);
  const mx::array upper = mx::add(t[0], t[1]);
  const mx::array rest = mx::add(mx::add(t[2], t[3]), mx::add(t[4], t[5]));
  auto [h, l] = two_sum(mx::subtract(head, k), upper);
  auto [hi, lo] = two_sum(h, mx::add(l, rest));
  return {k, hi, lo};
}

}  // namespace

HalfPiReduced reduce_half_pi(const mx::array& x) {
  const mx::array xs = mx::stop_gradient(x);
  const mx::array a = mx::abs(xs);
  // Masks as 0/1 factors, cheaper than where() in MLX: turns() sees at least pi/4 (small |x| get
  // pi/4, whose result is then multiplied by 0), and an infinity or NaN (exponent 2047, still a
  // row of the digit table) leaves a finite result that xs * small turns into NaN below.
  const mx::array small = mx::astype(mx::less_equal(a, f64(kHalfPi / 2)), mx::float64);
  const mx::array sign = mx::subtract(
      f64(1.0), mx::multiply(f64(2.0), mx::astype(mx::less(xs, f64(0.0)), mx::float64)));
  const mx::array big_signed = mx::multiply(sign, mx::subtract(f64(1.0), small));
  const Fraction f = turns(mx::maximum(a, f64(kHalfPi / 2)));
  // (hi + lo) pi/2 in double-double: Dekker's exact product of the heads plus the cross terms.
  const mx::array rh = mx::multiply(f.hi, f64(kHalfPi));
  const auto [ah, al] = split(f.hi);
  const auto [ph, pl] = split(kHalfPi);
  const mx::array exact_err = mx::add(
      mx::add(mx::add(mx::subtract(mx::multiply(ah, f64(ph)), rh), mx::multiply(ah, f64(pl))),
              mx::multiply(al, f64(ph))),
      mx::multiply(al, f64(pl)));
  const mx::array rl = mx::add(
      exact_err, mx::add(mx::multiply(f.hi, f64(kHalfPiTail)), mx::multiply(f.lo, f64(kHalfPi))));
  const mx::array hi = mx::add(rh, rl);
  const mx::array lo = mx::subtract(rl, mx::subtract(hi, rh));
  // sin and cos are odd and even: the reduction of -x is minus that of x.
  return {mx::multiply(f.k, big_signed),
          mx::add(mx::multiply(hi, big_signed), mx::multiply(xs, small)),
          mx::multiply(lo, big_signed)};
}

}  // namespace ivy::backends::mlx_impl
