// ivy::vision smoothing on the backend under test: both smoothers against brute-force loops
// over the windows written here in double (weighted averages; inverse-variance fusion with a
// distance kernel), a window without weight, batch shapes, the typed errors and gradients.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "ivy/ivy.hpp"
#include "ivy/vision.hpp"
#include "support/finite_differences.hpp"
#include "support/vision_cases.hpp"

namespace {
namespace vision = ivy::vision;
using namespace ivy::testing::vision_cases;

// Deterministic test values in [lo, hi).
std::vector<double> values(std::size_t n, double lo, double hi, int seed) {
  std::vector<double> v;
  for (std::size_t i = 0; i < n; ++i)
    v.push_back(
        lo + (hi - lo) *
                 std::fmod(0.618034 * static_cast<double>(i + 1) * (seed + 1) + 0.1 * seed, 1.0));
  return v;
}

struct Dims {
  int b, h, w, d, k;
  int oh() const { return h - k + 1; }
  int ow() const { return w - k + 1; }
  std::size_t at(int bi, int r, int c, int ch) const {
    return static_cast<std::size_t>(((bi * h + r) * w + c) * d + ch);
  }
};

// Per window: sum(w m) / sum(w) (0 without weight) and sum(w) / k^2.
void weighted_by_loop(const Dims& s, const std::vector<double>& m, const std::vector<double>& wt,
                      std::vector<double>& mean, std::vector<double>& weight) {
  for (int b = 0; b < s.b; ++b)
    for (int r = 0; r < s.oh(); ++r)
      for (int c = 0; c < s.ow(); ++c)
        for (int ch = 0; ch < s.d; ++ch) {
          double num = 0, den = 0;
          for (int i = 0; i < s.k; ++i)
            for (int j = 0; j < s.k; ++j) {
              num += m[s.at(b, r + i, c + j, ch)] * wt[s.at(b, r + i, c + j, ch)];
              den += wt[s.at(b, r + i, c + j, ch)];
            }
          mean.push_back(den == 0 ? 0.0 : num / den);
          weight.push_back(den / (s.k * s.k));
        }
}

// Per window, with K = 1 + scale |p - centre|: v = 1 / sum(1 / (var K)),
// mean = v sum(m / (var K)), returned variance v k^4 / sum(K).
void var_by_loop(const Dims& s, const std::vector<double>& m, const std::vector<double>& var,
                 const std::vector<double>& scale, std::vector<double>& mean,
                 std::vector<double>& out_var) {
  const double centre = std::floor(s.k / 2.0);
  for (int b = 0; b < s.b; ++b)
    for (int r = 0; r < s.oh(); ++r)
      for (int c = 0; c < s.ow(); ++c)
        for (int ch = 0; ch < s.d; ++ch) {
          double precision = 0, num = 0, ksum = 0;
          for (int i = 0; i < s.k; ++i)
            for (int j = 0; j < s.k; ++j) {
              const double kern = 1 + scale[ch] * std::hypot(i - centre, j - centre);
              const double v = var[s.at(b, r + i, c + j, ch)] * kern;
              precision += 1 / v;
              num += m[s.at(b, r + i, c + j, ch)] / v;
              ksum += kern;
            }
          mean.push_back(num / precision);
          out_var.push_back(std::pow(s.k, 4) / precision / ksum);
        }
}

TEST(VisionSmoothing, WeightedImageSmoothMatchesLoop) {
  IVY_VISION_SKIP_ON_STUB();
  const Dims s{2, 4, 5, 2, 3};
  const std::size_t n = 2 * 4 * 5 * 2;
  const std::vector<double> m = values(n, -2, 3, 1);
  std::vector<double> wt = values(n, 0.1, 2, 2);
  // The first window of channel 1 in entry 1 has no weight at all.
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) wt[s.at(1, i, j, 1)] = 0;
  std::vector<double> want_mean, want_weight;
  weighted_by_loop(s, m, wt, want_mean, want_weight);
  const auto out = vision::weighted_image_smooth(make(m, {2, 4, 5, 2}), make(wt, {2, 4, 5, 2}), 3);
  expect_close(out.mean, want_mean, {2, 2, 3, 2}, 10);
  expect_close(out.weights, want_weight, {2, 2, 3, 2});
  EXPECT_EQ(want_mean[static_cast<std::size_t>((1 * 2 * 3) * 2 + 1)], 0.0);

  // Unbatched, a 1 x 1 kernel returns the image and its weights.
  const Dims u{1, 4, 5, 1, 2};
  const std::vector<double> m1 = values(20, -1, 1, 3), w1 = values(20, 0.5, 1, 4);
  std::vector<double> mean1, weight1;
  weighted_by_loop(u, m1, w1, mean1, weight1);
  const auto out1 = vision::weighted_image_smooth(make(m1, {4, 5, 1}), make(w1, {4, 5, 1}), 2);
  expect_close(out1.mean, mean1, {3, 4, 1}, 10);
  expect_close(out1.weights, weight1, {3, 4, 1});
  const auto same = vision::weighted_image_smooth(make(m1, {4, 5, 1}), make(w1, {4, 5, 1}), 1);
  expect_close(same.mean, m1, {4, 5, 1});
  expect_close(same.weights, w1, {4, 5, 1});
}

TEST(VisionSmoothing, SmoothImageFromVarImageMatchesLoop) {
  IVY_VISION_SKIP_ON_STUB();
  const Dims s{2, 4, 5, 2, 3};
  const std::size_t n = 2 * 4 * 5 * 2;
  const std::vector<double> m = values(n, -2, 3, 5), var = values(n, 0.2, 4, 6);
  const std::vector<double> scale = {0.5, 0.25};
  std::vector<double> want_mean, want_var;
  var_by_loop(s, m, var, scale, want_mean, want_var);
  const auto out = vision::smooth_image_fom_var_image(make(m, {2, 4, 5, 2}),
                                                      make(var, {2, 4, 5, 2}), 3, make(scale, {2}));
  expect_close(out.mean, want_mean, {2, 2, 3, 2}, 10);
  expect_close(out.var, want_var, {2, 2, 3, 2}, 10);
  const auto alias = vision::smooth_image_from_var_image(
      make(m, {2, 4, 5, 2}), make(var, {2, 4, 5, 2}), 3, make(scale, {2}));
  expect_close(alias.mean, out.mean);
  expect_close(alias.var, out.var);

  // A scalar kernel_scale of 0: the plain inverse-variance fusion, variance inflated by k^2.
  const Dims u{1, 4, 5, 1, 2};
  const std::vector<double> m1 = values(20, -1, 1, 7), v1 = values(20, 0.5, 2, 8);
  std::vector<double> mean1, var1;
  var_by_loop(u, m1, v1, {0.0}, mean1, var1);
  const auto out1 =
      vision::smooth_image_fom_var_image(make(m1, {4, 5, 1}), make(v1, {4, 5, 1}), 2, 0.0);
  expect_close(out1.mean, mean1, {3, 4, 1}, 10);
  expect_close(out1.var, var1, {3, 4, 1}, 10);
}

TEST(VisionSmoothing, Errors) {
  IVY_VISION_SKIP_ON_STUB();
  const Array a = make(values(20, 0.5, 1, 1), {4, 5, 1});
  const Array b = make(values(40, 0.5, 1, 1), {4, 5, 2});
  expect_error<ivy::ShapeError>([&] { vision::weighted_image_smooth(a, b, 3); },
                                "weighted_image_smooth", "weights");
  expect_error<ivy::ValueError>([&] { vision::weighted_image_smooth(a, a, 5); },
                                "weighted_image_smooth", "kernel_dim");
  expect_error<ivy::ValueError>([&] { vision::smooth_image_fom_var_image(a, a, 0, 0.0); },
                                "smooth_image_fom_var_image", "kernel_dim");
  expect_error<ivy::ShapeError>([&] { vision::smooth_image_from_var_image(a, b, 2, 0.0); },
                                "smooth_image_from_var_image", "var");
  expect_error<ivy::ShapeError>(
      [&] {
        vision::smooth_image_fom_var_image(a, a, 2, make({1, 2, 3}, {3}));
      },
      "smooth_image_fom_var_image", "kernel_scale");
  expect_error<ivy::ShapeError>(
      [] {
        vision::weighted_image_smooth(make({1, 2}, {2}), make({1, 2}, {2}), 1);
      },
      "weighted_image_smooth", "mean");
}

// ---- Gradients against central finite differences (float64) ----

Array f64(const std::vector<double>& v, const ivy::Shape& s) {
  return ivy::array(v, s, ivy::Options(ivy::float64).on(ivy::backend(backend_under_test())));
}

std::vector<ivy::testing::GradientCase> grad_cases() {
  const std::vector<double> m = values(20, -1, 1, 3), w = values(20, 0.5, 2, 4);
  const ivy::Shape s = {4, 5, 1};
  return {
      {"weighted_image_smooth_wrt_mean",
       [w, s](const Array& x) { return vision::weighted_image_smooth(x, f64(w, s), 3).mean; }, m,
       s},
      {"weighted_image_smooth_wrt_weights",
       [m, s](const Array& x) {
         const auto r = vision::weighted_image_smooth(f64(m, s), x, 2);
         return ivy::concat({r.mean, r.weights}, -1);
       },
       w, s},
      {"smooth_image_fom_var_image_wrt_mean",
       [w, s](const Array& x) {
         return vision::smooth_image_fom_var_image(x, f64(w, s), 3, 0.3).mean;
       },
       m, s},
      {"smooth_image_fom_var_image_wrt_var",
       [m, s](const Array& x) {
         const auto r = vision::smooth_image_fom_var_image(f64(m, s), x, 2, 0.3);
         return ivy::concat({r.mean, r.var}, -1);
       },
       w, s},
  };
}

IVY_FINITE_DIFFERENCE_SUITE(Vision, VisionSmoothingGradient, grad_cases, 1e-5);

}  // namespace
