// ivy::vision implicit-rendering helpers on the backend under test. Expected values are
// independent: closed forms computed here in double (1 - exp(-s d), exponential transmittance
// of a constant density, sin / cos of the encoding), brute-force products and sums over the
// samples of each ray, a density step whose rendered depth is the first sample past it,
// sampled pixels read back from images that encode their own coordinates, the strata of the
// stratified samples, typed errors and finite-difference gradients.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ivy/ivy.hpp"
#include "ivy/vision.hpp"
#include "support/finite_differences.hpp"
#include "support/support_record.hpp"
#include "support/vision_cases.hpp"

namespace {
namespace vision = ivy::vision;
using namespace ivy::testing::vision_cases;

// ---- Positional encoding ----

TEST(VisionImplicit, PositionalEncoding) {
  IVY_VISION_SKIP_ON_STUB();
  const std::vector<double> x = {0.1, -0.35, 0.7, 1.2, 0.0, -0.05};
  // Default: f_k = 2^k, k < 3: per coordinate [x, sin(pi 2^k x), cos(pi 2^k x)].
  std::vector<double> want;
  for (double v : x) {
    want.push_back(v);
    for (int k = 0; k < 3; ++k) want.push_back(std::sin(kPi * std::pow(2.0, k) * v));
    for (int k = 0; k < 3; ++k) want.push_back(std::cos(kPi * std::pow(2.0, k) * v));
  }
  expect_close(vision::positional_encoding(make(x, {2, 3}), 3), want, {2, 21}, 10);
  // Evenly spaced frequencies 1 .. max_freq / 2 = 1, 2.5, 4.
  std::vector<double> want_lin;
  for (double v : x) {
    want_lin.push_back(v);
    for (double f : {1.0, 2.5, 4.0}) want_lin.push_back(std::sin(kPi * f * v));
    for (double f : {1.0, 2.5, 4.0}) want_lin.push_back(std::cos(kPi * f * v));
  }
  expect_close(vision::positional_encoding(make(x, {3, 2}), 3, 8.0, true), want_lin, {3, 14}, 10);
  expect_close(vision::positional_encoding(make(x, {6}), 0), x, {6});
  expect_error<ivy::ValueError>([&] { vision::positional_encoding(make(x, {6}), -1); },
                                "positional_encoding", "num_bands");
  expect_error<ivy::ValueError>([&] { vision::positional_encoding(make(x, {6}), 2, 0.0); },
                                "positional_encoding", "max_freq");
  expect_error<ivy::ShapeError>([&] { vision::positional_encoding(make({1}, {}), 2); },
                                "positional_encoding", "[...,D]");
}

// ---- Occupancy and termination probabilities ----

const std::vector<double> kDensity = {0.3, 2.4, 0.4, 0.2, 0.7, 0.4, 0.1, 0.3, 1.2};
const std::vector<double> kDist = {1, 1, 1, 0.5, 0.5, 0.5, 2, 1, 1};

TEST(VisionImplicit, OccupancyProbability) {
  IVY_VISION_SKIP_ON_STUB();
  std::vector<double> want;
  for (std::size_t i = 0; i < kDensity.size(); ++i)
    want.push_back(1 - std::exp(-kDensity[i] * kDist[i]));
  expect_close(vision::sampled_volume_density_to_occupancy_probability(make(kDensity, {3, 3}),
                                                                       make(kDist, {3, 3})),
               want, {3, 3});
  expect_close(
      vision::sampled_volume_density_to_occupancy_probability(make({2}, {}), make({0.25}, {})),
      {1 - std::exp(-0.5)}, {});
  expect_error<ivy::ShapeError>(
      [&] {
        vision::sampled_volume_density_to_occupancy_probability(make(kDensity, {3, 3}),
                                                                make(kDist, {9}));
      },
      "sampled_volume_density_to_occupancy_probability", "same shape");
}

TEST(VisionImplicit, TerminationProbabilities) {
  IVY_VISION_SKIP_ON_STUB();
  // Brute force: occupancy times the product of (1 - occupancy) of the segments before.
  std::vector<double> want;
  for (int r = 0; r < 3; ++r) {
    double trans = 1;
    for (int i = 0; i < 3; ++i) {
      const double occ = 1 - std::exp(-kDensity[r * 3 + i] * kDist[r * 3 + i]);
      want.push_back(occ * trans);
      trans *= 1 - occ;
    }
  }
  expect_close(vision::ray_termination_probabilities(make(kDensity, {3, 3}), make(kDist, {3, 3})),
               want, {3, 3});
  // A constant density s on equal segments d: exponential transmittance,
  // w_i = (1 - e^{-s d}) e^{-i s d}, which sums to 1 - e^{-N s d}.
  const double s = 0.8, d = 0.25;
  const int n = 12;
  const Array w = vision::ray_termination_probabilities(ivy::full({2, n}, s, opts()),
                                                        ivy::full({2, n}, d, opts()));
  std::vector<double> want_c;
  for (int b = 0; b < 2; ++b)
    for (int i = 0; i < n; ++i) want_c.push_back((1 - std::exp(-s * d)) * std::exp(-i * s * d));
  expect_close(w, want_c, {2, n});
  expect_close(ivy::sum(w, ivy::Axes{-1}), {1 - std::exp(-n * s * d), 1 - std::exp(-n * s * d)},
               {2});
  expect_error<ivy::ShapeError>(
      [&] {
        vision::ray_termination_probabilities(make(kDensity, {3, 3}), make(kDist, {1, 9}));
      },
      "ray_termination_probabilities", "same shape");
}

// A density step: 0 before depth 2, 1e4 from it on; the rays terminate at the first sample at or
// past the step, so the rendered depth is that sample's depth and the rendered feature its
// feature, with no variance.
TEST(VisionImplicit, StepDensityRendersItsDepth) {
  IVY_VISION_SKIP_ON_STUB();
  const std::vector<std::vector<double>> depths = {{0.5, 1.0, 1.5, 1.9, 2.1, 2.6, 3.0},
                                                   {0.2, 2.0, 2.2, 2.4, 2.6, 2.8, 3.0}};
  std::vector<double> z, dens, dist, feats;
  for (const auto& ray : depths)
    for (std::size_t i = 0; i < ray.size(); ++i) {
      z.push_back(ray[i]);
      dens.push_back(ray[i] >= 2 ? 1e4 : 0.0);
      dist.push_back(i + 1 < ray.size() ? ray[i + 1] - ray[i] : 1e10);
      feats.insert(feats.end(), {ray[i], 10 * ray[i]});
    }
  const Array w = vision::ray_termination_probabilities(make(dens, {2, 7}), make(dist, {2, 7}));
  const vision::RayRendering depth =
      vision::render_rays_via_termination_probabilities(w, make(z, {2, 7, 1}), true);
  expect_close(depth.rendering, {2.1, 2.0}, {2, 1});
  expect_close(*depth.variance, {0, 0}, {2, 1});
  const vision::RayRendering f =
      vision::render_rays_via_termination_probabilities(w, make(feats, {2, 7, 2}));
  expect_close(f.rendering, {2.1, 21, 2.0, 20}, {2, 2});
  EXPECT_FALSE(f.variance.has_value());
}

TEST(VisionImplicit, RenderRaysMeanAndVariance) {
  IVY_VISION_SKIP_ON_STUB();
  const std::vector<double> w = {0.26, 0.67, 0.02, 0.1, 0.27, 0.12, 0.18, 0.21, 0.42};
  const std::vector<double> f = {0.,  0.5, 0.7, 1.,  0.2, 0.3, 0.1, 0.2, 0.3,
                                 0.3, 0.2, 0.1, 0.5, 0.7, 0.3, 0.1, 0.9, 0.7,
                                 0.6, 0.4, 0.2, 0.9, 0.3, 0.6, 0.4, 0.8, 0.5};
  std::vector<double> mean, var;
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 3; ++c) {
      double m = 0, v = 0;
      for (int i = 0; i < 3; ++i) m += w[r * 3 + i] * f[(r * 3 + i) * 3 + c];
      for (int i = 0; i < 3; ++i) {
        const double dev = f[(r * 3 + i) * 3 + c] - m;
        v += w[r * 3 + i] * dev * dev;
      }
      mean.push_back(m);
      var.push_back(v);
    }
  const vision::RayRendering r =
      vision::render_rays_via_termination_probabilities(make(w, {3, 3}), make(f, {3, 3, 3}), true);
  expect_close(r.rendering, mean, {3, 3});
  expect_close(*r.variance, var, {3, 3});
  // Batched: [2, 3, 3] weights over [2, 3, 3, 3] features, the second batch entry equal.
  const vision::RayRendering rb = vision::render_rays_via_termination_probabilities(
      ivy::broadcast_to(make(w, {3, 3}), {2, 3, 3}),
      ivy::broadcast_to(make(f, {3, 3, 3}), {2, 3, 3, 3}), true);
  std::vector<double> var2 = var;
  var2.insert(var2.end(), var.begin(), var.end());
  expect_close(*rb.variance, var2, {2, 3, 3});
  expect_error<ivy::ShapeError>(
      [&] {
        vision::render_rays_via_termination_probabilities(make(w, {9}), make(f, {3, 3, 3}));
      },
      "render_rays_via_termination_probabilities", "without its last axis");
}

// ---- Sampling ----

TEST(VisionImplicit, StratifiedSample) {
  IVY_VISION_SKIP_ON_STUB();
  const std::vector<double> starts = {0, 1, 2, -3, 0.5, 4}, ends = {10, 21, 7, -1, 0.6, 8};
  const int n = 10;
  ivy::seed(11);
  const Array s = vision::stratified_sample(make(starts, {2, 3}), make(ends, {2, 3}), n);
  ASSERT_EQ(ivy::shape(s), (ivy::Shape{2, 3, n}));
  const std::vector<double> v = s.to_vector<double>();
  const double eps = 1e-5;
  for (std::size_t r = 0; r < starts.size(); ++r) {
    const double bin = (ends[r] - starts[r]) / n;
    for (int i = 0; i < n; ++i) {
      const double x = v[r * n + i];
      EXPECT_GE(x, starts[r] + i * bin - eps * std::abs(ends[r])) << r << " " << i;
      EXPECT_LE(x, starts[r] + (i + 1) * bin + eps * std::abs(ends[r])) << r << " " << i;
      EXPECT_GE(x, starts[r] - eps);
      EXPECT_LE(x, ends[r] + eps * std::abs(ends[r]));
      if (i > 0) EXPECT_LE(v[r * n + i - 1], x);
    }
  }
  ivy::seed(11);
  expect_close(vision::stratified_sample(make(starts, {2, 3}), make(ends, {2, 3}), n), s);
  EXPECT_EQ(ivy::shape(vision::stratified_sample(make({0}, {}), make({1}, {}), 4)),
            (ivy::Shape{4}));
  expect_error<ivy::ValueError>(
      [&] { vision::stratified_sample(make(starts, {6}), make(ends, {6}), 0); },
      "stratified_sample", "num_samples");
  expect_error<ivy::ShapeError>(
      [&] {
        vision::stratified_sample(make(starts, {6}), make(ends, {2, 3}), 3);
      },
      "stratified_sample", "same shape");
}

// Images that hold their own coordinates: image 0 has channels (x, y, batch), image 1 the code
// 100 batch + 10 y + x. A 4 x 6 image sampled at 6 pixels is a 2 x 3 grid of 2 x 2 windows.
TEST(VisionImplicit, SampleImages) {
  IVY_VISION_SKIP_ON_STUB();
  const int h = 4, w = 6;
  std::vector<double> img0, img1;
  for (int b = 0; b < 2; ++b)
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x) {
        img0.insert(img0.end(), {double(x), double(y), double(b)});
        img1.push_back(100.0 * b + 10.0 * y + x);
      }
  ivy::seed(5);
  const std::vector<Array> out =
      vision::sample_images({make(img0, {2, h, w, 3}), make(img1, {2, h, w, 1})}, 6);
  ASSERT_EQ(out.size(), 2u);
  ASSERT_EQ(ivy::shape(out[0]), (ivy::Shape{2, 6, 3}));
  ASSERT_EQ(ivy::shape(out[1]), (ivy::Shape{2, 6, 1}));
  const std::vector<double> a = out[0].to_vector<double>(), c = out[1].to_vector<double>();
  for (int b = 0; b < 2; ++b)
    for (int k = 0; k < 6; ++k) {
      const std::size_t i = static_cast<std::size_t>(b * 6 + k);
      const double x = a[3 * i], y = a[3 * i + 1];
      const int row = k / 3, col = k % 3;
      EXPECT_EQ(a[3 * i + 2], b);
      EXPECT_GE(x, 2 * col - 1);
      EXPECT_LE(x, 2 * col + 2);
      EXPECT_GE(y, 2 * row - 1);
      EXPECT_LE(y, 2 * row + 2);
      EXPECT_EQ(c[i], 100.0 * b + 10.0 * y + x);  // the same pixel in both images
    }
  // No batch shape.
  const std::vector<Array> single = vision::sample_images(
      {make(std::vector<double>(img1.begin(), img1.begin() + 24), {h, w, 1})}, 6);
  EXPECT_EQ(ivy::shape(single[0]), (ivy::Shape{6, 1}));
  expect_error<ivy::ShapeError>(
      [&] {
        vision::sample_images({make(img0, {2, h, w, 3}), make(img1, {1, 2, h, w, 1})}, 6);
      },
      "sample_images", "like the first image");
  expect_error<ivy::ValueError>(
      [&] {
        vision::sample_images({make(img1, {2, h, w, 1})}, 0);
      },
      "sample_images", "num_pixels");
}

// ---- Rendering an implicit function ----

// Rays from two origins (BS = [2]) in three directions each (RBS = [3]) towards a slab of
// density 50 where the world z >= 2, empty before it. The network's features are the colour
// (0.5 + 0.25 sin x, 0.5 + 0.25 cos y, z / 10) and a constant 1.5 (clipped to 1 when rendered);
// with inter_feat_fn = p^2 the network checks it receives the squared points.
const std::vector<double> kO = {0, 0, 0, 0.5, -0.2, 0.4};
const std::vector<double> kD = {0, 0, 1,   0.3, -0.2, 1.1, -0.1, 0.2,  0.8,
                                0, 0, 1.5, 0.2, 0.1,  0.9, 0,    -0.3, 1.0};
const std::vector<double> kNear = {0.5, 0.3, 1.0, 0.1, 0.2, 0.3};
const std::vector<double> kFar = {4, 3.5, 5, 2.5, 4, 3.8};
constexpr double kSlabDensity = 50;

std::pair<Array, Array> slab_network(const Array& pts) {
  const std::vector<Array> c = ivy::unstack(pts, -1);
  const Array density = ivy::where(ivy::greater_equal(c[2], 2.0), kSlabDensity, 0.0);
  const Array feats = ivy::stack({ivy::add(0.5, ivy::multiply(0.25, ivy::sin(c[0]))),
                                  ivy::add(0.5, ivy::multiply(0.25, ivy::cos(c[1]))),
                                  ivy::divide(c[2], 10.0), ivy::full_like(c[0], 1.5)},
                                 -1);
  return {feats, ivy::cast(density, pts.dtype())};
}

struct Brute {
  std::vector<double> feats, feats_var, depth, depth_var;
};

// The rendering in double from the points the network saw: t along each ray from the point's
// z, segments to the next sample (the last to 1e10), w_i = (1 - e^{-s_i d_i}) prod_{j<i}
// e^{-s_j d_j}, and the weighted means and variances of the features and of t.
Brute brute_force(const std::vector<double>& pts, int spr) {
  Brute out;
  for (int r = 0; r < 6; ++r) {
    const int b = r / 3;
    std::vector<double> t(spr), w(spr);
    std::vector<std::vector<double>> f(spr);
    for (int i = 0; i < spr; ++i) {
      const double* p = &pts[static_cast<std::size_t>((r * spr + i) * 3)];
      t[i] = (p[2] - kO[b * 3 + 2]) / kD[r * 3 + 2];
      f[i] = {0.5 + 0.25 * std::sin(p[0]), 0.5 + 0.25 * std::cos(p[1]), p[2] / 10, 1.5};
    }
    double trans = 1;
    for (int i = 0; i < spr; ++i) {
      const double* p = &pts[static_cast<std::size_t>((r * spr + i) * 3)];
      const double s = p[2] >= 2 ? kSlabDensity : 0.0;
      const double d = i + 1 < spr ? t[i + 1] - t[i] : 1e10 - t[i];
      const double occ = 1 - std::exp(-s * d);
      w[i] = occ * trans;
      trans *= 1 - occ;
    }
    for (int c = 0; c < 5; ++c) {  // four features, then the depth
      double m = 0, v = 0;
      for (int i = 0; i < spr; ++i) m += w[i] * (c < 4 ? f[i][c] : t[i]);
      for (int i = 0; i < spr; ++i) {
        const double dev = (c < 4 ? f[i][c] : t[i]) - m;
        v += w[i] * dev * dev;
      }
      if (c < 4) {
        out.feats.push_back(std::clamp(m, 0.0, 1.0));
        out.feats_var.push_back(v);
      } else {
        out.depth.push_back(m);
        out.depth_var.push_back(v);
      }
    }
  }
  return out;
}

TEST(VisionImplicit, RenderImplicitFeaturesAndDepth) {
  IVY_VISION_SKIP_ON_STUB();
  const int spr = 32;
  std::vector<double> seen_pts;
  bool saw_timestamps = false, saw_features = false;
  const vision::ImplicitFunction net = [&](const Array& pts, const std::optional<Array>& feats,
                                           const std::optional<Array>& ts) {
    EXPECT_EQ(ivy::shape(pts), (ivy::Shape{2, 3, spr, 3}));
    seen_pts = pts.to_vector<double>();
    saw_timestamps = ts.has_value() && ts->to_vector<double>() == std::vector<double>{0.5, 1.5};
    if (feats) {
      EXPECT_EQ(ivy::shape(*feats), (ivy::Shape{2, 3, spr, 3}));
      const std::vector<double> fv = feats->to_vector<double>();
      bool ok = fv.size() == seen_pts.size();
      for (std::size_t i = 0; ok && i < fv.size(); ++i)
        ok = std::abs(fv[i] - seen_pts[i] * seen_pts[i]) <= tol() * (1 + fv[i]);
      saw_features = ok;
    }
    return slab_network(pts);
  };
  const Array o = make(kO, {2, 3}), d = make(kD, {2, 3, 3});
  const Array near = make(kNear, {2, 3}), far = make(kFar, {2, 3});
  ivy::seed(2);
  const vision::ImplicitRendering r = vision::render_implicit_features_and_depth(
      net, o, d, near, far, spr, make({0.5, 1.5}, {2, 1}), true, true, true, [](const Array& p) {
        EXPECT_EQ(ivy::shape(p), (ivy::Shape{2, 3, spr, 3}));
        return ivy::multiply(p, p);
      });
  EXPECT_TRUE(saw_timestamps);
  EXPECT_TRUE(saw_features);
  const Brute want = brute_force(seen_pts, spr);
  expect_close(*r.features, want.feats, {2, 3, 4}, 10);
  expect_close(*r.features_variance, want.feats_var, {2, 3, 4}, 10);
  expect_close(*r.depth, want.depth, {2, 3, 1}, 10);
  expect_close(*r.depth_variance, want.depth_var, {2, 3, 1}, 100);
  // The depth is that of the slab's face along each ray, up to the sample spacing.
  const std::vector<double> depth = r.depth->to_vector<double>();
  for (int k = 0; k < 6; ++k) {
    const double face = (2 - kO[(k / 3) * 3 + 2]) / kD[k * 3 + 2];
    const double bin = (kFar[k] - kNear[k]) / spr;
    EXPECT_GE(depth[k], face - 1e-3) << k;
    EXPECT_LE(depth[k], face + 2 * bin + 0.1) << k;
  }
  // Without timestamps and interpolated features; only the depth.
  saw_features = true;
  const vision::ImplicitRendering only_depth = vision::render_implicit_features_and_depth(
      [&](const Array& pts, const std::optional<Array>& feats, const std::optional<Array>& ts) {
        saw_features = feats.has_value() || ts.has_value();
        return net(pts, std::nullopt, make({0.5, 1.5}, {2, 1}));
      },
      o, d, near, far, spr, std::nullopt, true, false);
  EXPECT_FALSE(saw_features);
  EXPECT_FALSE(only_depth.features.has_value());
  EXPECT_FALSE(only_depth.features_variance.has_value());
  EXPECT_FALSE(only_depth.depth_variance.has_value());
  expect_close(*only_depth.depth, brute_force(seen_pts, spr).depth, {2, 3, 1}, 10);
}

// One ray batch dimension less (BS = [], RBS = [3]) and a network returning densities with a
// trailing 1, as the original's networks did.
TEST(VisionImplicit, RenderImplicitUnbatched) {
  IVY_VISION_SKIP_ON_STUB();
  std::vector<double> seen;
  const auto net = [&](const Array& pts, const std::optional<Array>&, const std::optional<Array>&) {
    EXPECT_EQ(ivy::shape(pts), (ivy::Shape{1, 8, 3}));
    seen = pts.to_vector<double>();
    auto [f, s] = slab_network(pts);
    return std::pair{f, ivy::expand_dims(s, -1)};
  };
  const Array d = make({0, 0, 1}, {1, 3});
  const vision::ImplicitRendering r = vision::render_implicit_features_and_depth(
      net, make({0, 0, 0}, {3}), d, make({0.5}, {1}), make({4}, {1}), 8);
  ASSERT_EQ(ivy::shape(*r.features), (ivy::Shape{1, 4}));
  ASSERT_EQ(ivy::shape(*r.depth), (ivy::Shape{1, 1}));
  double trans = 1, depth = 0;
  for (int i = 0; i < 8; ++i) {
    const double t = seen[i * 3 + 2];
    const double next = i < 7 ? seen[(i + 1) * 3 + 2] : 1e10;
    const double occ = 1 - std::exp(-(t >= 2 ? kSlabDensity : 0.0) * (next - t));
    depth += occ * trans * t;
    trans *= 1 - occ;
  }
  expect_close(*r.depth, {depth}, {1, 1}, 10);
}

TEST(VisionImplicit, RenderImplicitErrors) {
  IVY_VISION_SKIP_ON_STUB();
  const auto net = [](const Array& pts, const std::optional<Array>&, const std::optional<Array>&) {
    return slab_network(pts);
  };
  const Array o = make(kO, {2, 3}), d = make(kD, {2, 3, 3});
  const Array near = make(kNear, {2, 3}), far = make(kFar, {2, 3});
  constexpr const char* fn = "render_implicit_features_and_depth";
  expect_error<ivy::ShapeError>(
      [&] {
        vision::render_implicit_features_and_depth(net, make({0, 0, 0}, {1, 3}), d, near, far, 4);
      },
      fn, "must lead");
  expect_error<ivy::ShapeError>(
      [&] { vision::render_implicit_features_and_depth(net, o, d, make(kNear, {6}), far, 4); }, fn,
      "near");
  expect_error<ivy::ShapeError>(
      [&] {
        vision::render_implicit_features_and_depth(net, o, make(kO, {2, 3}), near, far, 4);
      },
      fn, "near");
  expect_error<ivy::ShapeError>(
      [&] {
        vision::render_implicit_features_and_depth(net, make({0, 0}, {2}), d, near, far, 4);
      },
      fn, "rays_o");
  expect_error<ivy::ValueError>(
      [&] { vision::render_implicit_features_and_depth(net, o, d, near, far, 0); }, fn,
      "samples_per_ray");
  expect_error<ivy::ValueError>(
      [&] { vision::render_implicit_features_and_depth(nullptr, o, d, near, far, 4); }, fn,
      "network_fn");
  expect_error<ivy::ShapeError>(
      [&] {
        vision::render_implicit_features_and_depth(
            [](const Array& pts, const std::optional<Array>&, const std::optional<Array>&) {
              auto [f, s] = slab_network(pts);
              return std::pair{f, ivy::concat({s, s}, -1)};
            },
            o, d, near, far, 4);
      },
      fn, "densities");
}

// ---- Gradients against central finite differences (float64) ----

using GradCase = ivy::testing::GradientCase;

Array f64(const std::vector<double>& v, const ivy::Shape& s) {
  return ivy::array(v, s, ivy::Options(ivy::float64).on(ivy::backend(backend_under_test())));
}

// A smooth network: density 3 exp(-|p - (0.2, 0, 2)|^2), features 0.5 + 0.25 sin(p).
std::pair<Array, Array> blob_network(const Array& pts, const std::optional<Array>&,
                                     const std::optional<Array>&) {
  const Array c = ivy::array(std::vector<double>{0.2, 0.0, 2.0}, {3},
                             ivy::Options(pts.dtype()).on(pts.backend()));
  const Array diff = ivy::subtract(pts, c);
  const Array density = ivy::multiply(
      3.0, ivy::exp(ivy::negative(ivy::sum(ivy::multiply(diff, diff), ivy::Axes{-1}))));
  return {ivy::add(0.5, ivy::multiply(0.25, ivy::sin(pts))), density};
}

Array render_blob(const Array& o, const Array& d) {
  ivy::seed(3);  // the same stratified depths on every evaluation
  const vision::ImplicitRendering r = vision::render_implicit_features_and_depth(
      blob_network, o, d, f64({0.5, 0.6}, {2}), f64({3.5, 3.8}, {2}), 6, std::nullopt, true, true,
      true);
  return ivy::concat({*r.features, *r.features_variance, *r.depth, *r.depth_variance}, -1);
}

std::vector<GradCase> grad_cases() {
  const std::vector<double> w = {0.26, 0.67, 0.02, 0.1, 0.27, 0.12};
  const std::vector<double> f = {0.1, 0.5, 0.7, 1.0, 0.2, 0.3, 0.1, 0.2, 0.3,
                                 0.3, 0.2, 0.1, 0.5, 0.7, 0.3, 0.1, 0.9, 0.7};
  const auto both = [](const vision::RayRendering& r) {
    return ivy::concat({r.rendering, *r.variance}, -1);
  };
  return {
      {"occupancy_probability_wrt_density",
       [](const Array& s) {
         return vision::sampled_volume_density_to_occupancy_probability(
             s, f64({1, 0.5, 2, 0.25}, {2, 2}));
       },
       {0.3, 2.4, 0.4, 0.7},
       {2, 2}},
      {"termination_probabilities_wrt_density",
       [](const Array& s) {
         return vision::ray_termination_probabilities(s, f64({1, 0.5, 0.7, 0.3, 0.4, 2}, {2, 3}));
       },
       {0.3, 2.4, 0.4, 0.2, 0.7, 1.2},
       {2, 3}},
      {"termination_probabilities_wrt_distances",
       [](const Array& dist) {
         return vision::ray_termination_probabilities(f64({0.3, 2.4, 0.4, 0.2, 0.7, 1.2}, {2, 3}),
                                                      dist);
       },
       {1, 0.5, 0.7, 0.3, 0.4, 2},
       {2, 3}},
      {"render_rays_wrt_weights",
       [f, both](const Array& wt) {
         return both(
             vision::render_rays_via_termination_probabilities(wt, f64(f, {2, 3, 3}), true));
       },
       w,
       {2, 3}},
      {"render_rays_wrt_features",
       [w, both](const Array& ft) {
         return both(vision::render_rays_via_termination_probabilities(f64(w, {2, 3}), ft, true));
       },
       f,
       {2, 3, 3}},
      {"render_implicit_wrt_rays_d",
       [](const Array& d) {
         return render_blob(f64({0.1, -0.2, 0.3}, {3}), d);
       },
       {0.1, 0.05, 1.0, -0.2, 0.1, 0.9},
       {2, 3}},
      {"render_implicit_wrt_rays_o",
       [](const Array& o) {
         return render_blob(o, f64({0.1, 0.05, 1.0, -0.2, 0.1, 0.9}, {2, 3}));
       },
       {0.1, -0.2, 0.3},
       {3}},
  };
}

IVY_FINITE_DIFFERENCE_SUITE(Vision, VisionImplicitGradient, grad_cases, 1e-5);

}  // namespace
