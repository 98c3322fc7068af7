// ivy::vision quantization on the backend under test: points with known pixel positions and
// depths rendered into a 4 x 5 image, against a brute-force loop over the pixels written here in
// double (nearest depth with the first point winning ties; inverse-variance fusion otherwise),
// with points outside the image, several points per pixel, batches, thresholds, the typed errors
// and gradients of the means.
#include <gtest/gtest.h>

#include <algorithm>
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

constexpr int kH = 4, kW = 5;

struct Pt {
  double x, y;
  std::vector<double> feat;  // depth first
  std::vector<double> var;   // 2 + d variances
};

// (x, y, depth, intensity). Pixels: p0, p1, p6 at (1, 1) with p1 and p6 equally near; p5 and
// p10 at (2, 2); p8 at (2.5, 0.5) rounds to even (2, 0); p3, p4, p9 fall outside the image.
std::vector<Pt> points() {
  const std::vector<std::array<double, 4>> raw = {
      {1.2, 0.9, 3.0, 0.5},  {0.8, 1.3, 2.0, 0.7}, {4.4, 3.2, 5.0, 0.1}, {5.6, 1.0, 1.0, 0.9},
      {-0.7, 2.0, 1.0, 0.9}, {2.0, 2.0, 1.0, 0.3}, {1.1, 1.1, 2.0, 0.2}, {4.45, -0.45, 4.0, 0.4},
      {2.5, 0.5, 6.0, 0.6},  {1.9, 3.6, 7.0, 0.8}, {2.4, 2.4, 0.5, 0.25}};
  std::vector<Pt> pts;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    std::vector<double> var;
    for (int k = 0; k < 4; ++k) var.push_back(0.1 + 0.05 * static_cast<double>(i) + 0.02 * k);
    pts.push_back({raw[i][0], raw[i][1], {raw[i][2], raw[i][3]}, var});
  }
  return pts;
}

struct Rendered {
  std::vector<double> mean, var, count;
};

struct Prior {
  double feat = 0, pc_var = 1e12, feat_var = 1e12, thr_min = 1e-3, thr_max = 1e12;
};

// The image by definition, pixel by pixel.
Rendered render_by_loop(const std::vector<Pt>& pts, std::size_t d, bool db, const Prior& pr) {
  Rendered out;
  const std::size_t c = 2 + d;
  for (int r = 0; r < kH; ++r)
    for (int col = 0; col < kW; ++col) {
      std::vector<std::size_t> kept;
      for (std::size_t i = 0; i < pts.size(); ++i) {
        const Pt& p = pts[i];
        bool ok = std::nearbyint(p.x) == col && std::nearbyint(p.y) == r;
        for (std::size_t k = 0; k < c; ++k) ok = ok && p.var[k] < pr.thr_max;
        if (ok) kept.push_back(i);
      }
      out.count.push_back(static_cast<double>(kept.size()));
      const auto value = [&](std::size_t i, std::size_t k) {
        return k == 0 ? pts[i].x : k == 1 ? pts[i].y : pts[i].feat[k - 2];
      };
      for (std::size_t k = 0; k < c; ++k) {
        if (kept.empty()) {
          out.mean.push_back(k == 0 ? col : k == 1 ? r : pr.feat);
          out.var.push_back(k < 2 ? pr.pc_var : pr.feat_var);
        } else if (db) {
          std::size_t best = kept[0];
          for (std::size_t i : kept)
            if (pts[i].feat[0] < pts[best].feat[0]) best = i;
          out.mean.push_back(value(best, k));
          out.var.push_back(std::max(pts[best].var[k], pr.thr_min));
        } else {
          double precision = 0, weighted = 0;
          for (std::size_t i : kept) {
            precision += 1 / pts[i].var[k];
            weighted += value(i, k) / pts[i].var[k];
          }
          out.mean.push_back(weighted / precision);
          out.var.push_back(std::max(static_cast<double>(kept.size()) / precision, pr.thr_min));
        }
      }
    }
  return out;
}

struct Inputs {
  std::vector<double> pc, feat, pc_var, feat_var;
};
Inputs inputs_of(const std::vector<Pt>& pts, std::size_t d = 2) {
  Inputs in;
  for (const Pt& p : pts) {
    in.pc.insert(in.pc.end(), {p.x, p.y});
    in.feat.insert(in.feat.end(), p.feat.begin(), p.feat.begin() + static_cast<std::ptrdiff_t>(d));
    in.pc_var.insert(in.pc_var.end(), p.var.begin(), p.var.begin() + 2);
    in.feat_var.insert(in.feat_var.end(), p.var.begin() + 2,
                       p.var.begin() + 2 + static_cast<std::ptrdiff_t>(d));
  }
  return in;
}

void expect_rendered(const vision::QuantizedImage& got, const Rendered& want,
                     const ivy::Shape& image) {
  ivy::Shape four = image, one = image;
  four.push_back(static_cast<std::int64_t>(want.mean.size() / want.count.size()));
  one.push_back(1);
  expect_close(got.mean, want.mean, four, 10);
  expect_close(got.var, want.var, four, 10);
  expect_close(got.counter, want.count, one);
}

TEST(VisionQuantization, DepthBufferMatchesLoop) {
  IVY_VISION_SKIP_ON_STUB();
  const std::vector<Pt> pts = points();
  const Inputs in = inputs_of(pts);
  const auto n = static_cast<std::int64_t>(pts.size());
  vision::QuantizeOptions o;
  o.with_db = true;
  o.pixel_coords_var = make(in.pc_var, {n, 2});
  o.feat_var = make(in.feat_var, {n, 2});
  o.feat_prior = -1.0;
  o.feat_prior_var = 50.0;
  const auto got =
      vision::quantize_to_image(make(in.pc, {n, 2}), {kH, kW}, make(in.feat, {n, 2}), o);
  Prior pr;
  pr.feat = -1;
  pr.feat_var = 50;
  const Rendered want = render_by_loop(pts, 2, true, pr);
  expect_rendered(got, want, {kH, kW});
  // By hand: pixel (1, 1) holds p0, p1, p6 and shows p1 (depth 2, the first of the two nearest).
  const std::vector<double> m = got.mean.to_vector<double>();
  const std::size_t at11 = static_cast<std::size_t>((1 * kW + 1) * 4);
  EXPECT_NEAR(m[at11 + 2], 2.0, 1e-6);
  EXPECT_NEAR(m[at11 + 3], 0.7, 1e-6);
  EXPECT_NEAR(got.counter.to_vector<double>()[static_cast<std::size_t>(1 * kW + 1)], 3, 1e-6);
  // Pixel (2, 2) shows p10, the nearer.
  EXPECT_NEAR(m[static_cast<std::size_t>((2 * kW + 2) * 4 + 3)], 0.25, 1e-6);
}

TEST(VisionQuantization, FusionMatchesLoop) {
  IVY_VISION_SKIP_ON_STUB();
  const std::vector<Pt> pts = points();
  const Inputs in = inputs_of(pts);
  const auto n = static_cast<std::int64_t>(pts.size());
  vision::QuantizeOptions o;
  o.pixel_coords_var = make(in.pc_var, {n, 2});
  o.feat_var = make(in.feat_var, {n, 2});
  const auto got =
      vision::quantize_to_image(make(in.pc, {n, 2}), {kH, kW}, make(in.feat, {n, 2}), o);
  expect_rendered(got, render_by_loop(pts, 2, false, Prior{}), {kH, kW});

  // The default variances: every channel the plain average of the pixel's points.
  std::vector<Pt> same = pts;
  for (Pt& p : same) p.var = {1e-3, 1e-3, 1e-3, 1e-3};
  const auto plain =
      vision::quantize_to_image(make(in.pc, {n, 2}), {kH, kW}, make(in.feat, {n, 2}));
  expect_rendered(plain, render_by_loop(same, 2, false, Prior{}), {kH, kW});
}

TEST(VisionQuantization, BatchesThresholdsAndNoFeatures) {
  IVY_VISION_SKIP_ON_STUB();
  const std::vector<Pt> pts = points();
  std::vector<Pt> rev(pts.rbegin(), pts.rend());  // p6 now precedes p1
  const Inputs a = inputs_of(pts), b = inputs_of(rev);
  const auto n = static_cast<std::int64_t>(pts.size());
  const auto cat = [](std::vector<double> x, const std::vector<double>& y) {
    x.insert(x.end(), y.begin(), y.end());
    return x;
  };
  for (bool db : {true, false}) {
    vision::QuantizeOptions o;
    o.with_db = db;
    o.pixel_coords_var = make(cat(a.pc_var, b.pc_var), {2, n, 2});
    o.feat_var = make(cat(a.feat_var, b.feat_var), {2, n, 2});
    const auto got = vision::quantize_to_image(make(cat(a.pc, b.pc), {2, n, 2}), {kH, kW},
                                               make(cat(a.feat, b.feat), {2, n, 2}), o);
    Rendered want = render_by_loop(pts, 2, db, Prior{});
    const Rendered want_b = render_by_loop(rev, 2, db, Prior{});
    want.mean = cat(want.mean, want_b.mean);
    want.var = cat(want.var, want_b.var);
    want.count = cat(want.count, want_b.count);
    expect_rendered(got, want, {2, kH, kW});
  }

  // A per-channel threshold array drops p2 (a feature variance of 2e4 >= 1e4).
  std::vector<Pt> noisy = pts;
  noisy[2].var[3] = 2e4;
  const Inputs in = inputs_of(noisy);
  vision::QuantizeOptions o;
  o.pixel_coords_var = make(in.pc_var, {n, 2});
  o.feat_var = make(in.feat_var, {n, 2});
  o.var_threshold = make({0.2, 1e4, 0.2, 1e4, 0.2, 1e4, 0.2, 1e4}, {4, 2});
  Prior pr;
  pr.thr_min = 0.2;
  pr.thr_max = 1e4;
  const auto got =
      vision::quantize_to_image(make(in.pc, {n, 2}), {kH, kW}, make(in.feat, {n, 2}), o);
  expect_rendered(got, render_by_loop(noisy, 2, false, pr), {kH, kW});
  EXPECT_EQ(got.counter.to_vector<double>()[static_cast<std::size_t>(3 * kW + 4)], 0.0);

  // No features: two channels, the pixel coordinates.
  const auto xy = vision::quantize_to_image(make(a.pc, {n, 2}), {kH, kW});
  std::vector<Pt> bare = pts;
  for (Pt& p : bare) p.var = {1e-3, 1e-3};
  expect_rendered(xy, render_by_loop(bare, 0, false, Prior{}), {kH, kW});
  // No points at all: the prior.
  const auto none = vision::quantize_to_image(make({}, {0, 2}), {kH, kW});
  std::vector<double> grid;
  for (int r = 0; r < kH; ++r)
    for (int c = 0; c < kW; ++c) grid.insert(grid.end(), {double(c), double(r)});
  expect_close(none.mean, grid, {kH, kW, 2});
  expect_close(none.counter, std::vector<double>(kH * kW, 0.0), {kH, kW, 1});
}

// Points a reprojection can produce with no pixel: NaN or infinite coordinates (a zero depth),
// and in depth-buffer mode a NaN depth, are dropped.
TEST(VisionQuantization, NonFinitePointsAreDropped) {
  IVY_VISION_SKIP_ON_STUB();
  const double nan = std::nan(""), inf = INFINITY;
  const Array pc = make({nan, 1, 1, inf, 1, 1, 1.2, 0.8, -inf, 2}, {5, 2});
  const Array feat = make({1, 10, 1, 20, 2, 30, nan, 40, 1, 50}, {5, 2});
  vision::QuantizeOptions db;
  db.with_db = true;
  for (bool with_db : {true, false}) {
    const auto out =
        vision::quantize_to_image(pc, {kH, kW}, feat, with_db ? db : vision::QuantizeOptions{});
    std::vector<double> count(kH * kW, 0.0);
    count[static_cast<std::size_t>(1 * kW + 1)] = with_db ? 1 : 2;
    expect_close(out.counter, count, {kH, kW, 1});
    if (with_db) {
      const std::vector<double> m = out.mean.to_vector<double>();
      const std::size_t at = static_cast<std::size_t>((1 * kW + 1) * 4);
      EXPECT_NEAR(m[at + 2], 2.0, 1e-6);
      EXPECT_NEAR(m[at + 3], 30.0, 1e-5);
    }
  }
}

TEST(VisionQuantization, Errors) {
  IVY_VISION_SKIP_ON_STUB();
  const Array pc = make({1, 1, 2, 2, 3, 3}, {3, 2});
  const Array feat = make({1, 2, 3}, {3, 1});
  const std::string fn = "quantize_to_image";
  vision::QuantizeOptions db;
  db.with_db = true;
  expect_error<ivy::ValueError>(
      [&] {
        vision::quantize_to_image(pc, {kH, kW}, std::nullopt, db);
      },
      fn, "with_db");
  expect_error<ivy::ShapeError>(
      [&] {
        vision::quantize_to_image(pc, {kH, kW}, make({1, 2}, {2, 1}));
      },
      fn, "feat");
  expect_error<ivy::ShapeError>(
      [&] {
        vision::quantize_to_image(make({1, 2, 3}, {1, 3}), {kH, kW});
      },
      fn, "pixel_coords");
  expect_error<ivy::ValueError>(
      [&] {
        vision::quantize_to_image(pc, {0, kW}, feat);
      },
      fn, "positive");
  vision::QuantizeOptions bad;
  bad.var_threshold = make({0, 1, 0, 1}, {2, 2});
  expect_error<ivy::ShapeError>(
      [&] {
        vision::quantize_to_image(pc, {kH, kW}, feat, bad);
      },
      fn, "var_threshold");
  vision::QuantizeOptions bad_var;
  bad_var.feat_var = make({1, 2}, {2, 1});
  expect_error<ivy::ShapeError>(
      [&] {
        vision::quantize_to_image(pc, {kH, kW}, feat, bad_var);
      },
      fn, "feat_var");
}

// ---- Gradients of the means against central finite differences (float64) ----

class VisionQuantizationGradient : public ::testing::TestWithParam<bool> {};

TEST_P(VisionQuantizationGradient, MatchesFiniteDifferences) {
  IVY_VISION_SKIP_ON_STUB();
  if (!ivy::supports_dtype(ivy::backend(backend_under_test()), ivy::float64))
    GTEST_SKIP() << "needs float64";
  std::vector<Pt> pts = points();
  // No ties in depth or rounding: a small step must not change which point a pixel shows.
  pts.erase(pts.begin() + 8);
  pts.erase(pts.begin() + 6);
  const Inputs in = inputs_of(pts);
  const auto n = static_cast<std::int64_t>(pts.size());
  const ivy::Backend& b = ivy::backend(backend_under_test());
  const auto f64 = [&](const std::vector<double>& v, const ivy::Shape& s) {
    return ivy::array(v, s, ivy::Options(ivy::float64).on(b));
  };
  const bool db = GetParam();
  const auto render = [&, db](const Array& pc, const Array& feat) {
    vision::QuantizeOptions o;
    o.with_db = db;
    o.pixel_coords_var = f64(in.pc_var, {n, 2});
    o.feat_var = f64(in.feat_var, {n, 2});
    return vision::quantize_to_image(pc, {kH, kW}, feat, o).mean;
  };
  ivy::testing::expect_matches_finite_differences({"wrt_feat",
                                                   [&](const Array& f) {
                                                     return render(f64(in.pc, {n, 2}), f);
                                                   },
                                                   in.feat,
                                                   {n, 2}},
                                                  b, 1e-5);
  ivy::testing::expect_matches_finite_differences({"wrt_pixel_coords",
                                                   [&](const Array& p) {
                                                     return render(p, f64(in.feat, {n, 2}));
                                                   },
                                                   in.pc,
                                                   {n, 2}},
                                                  b, 1e-5);
}

INSTANTIATE_TEST_SUITE_P(Vision, VisionQuantizationGradient, ::testing::Values(false, true),
                         [](const auto& info) { return info.param ? "DepthBuffer" : "Fusion"; });

}  // namespace
