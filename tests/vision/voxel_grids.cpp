// ivy::vision voxel grids on the backend under test: points at known positions binned into
// voxels, the counts and the mean point and features of every voxel against a loop written
// here in double, both modes, bounds, batches of different extents, the typed errors and
// gradients of the means.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
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

struct Point {
  std::array<double, 3> p;
  std::vector<double> f;
};

// The grid [X, Y, Z, 3 + F + 1] of one batch entry: points strictly inside [lo, hi) go to voxel
// min(floor((p - lo) / res), dims - 1) of a grid of `grid` voxels; means of point and features,
// then the count.
std::vector<double> grid_by_loop(const std::vector<Point>& pts, const std::array<double, 3>& lo,
                                 const std::array<double, 3>& res, const std::array<int, 3>& dims,
                                 const std::array<int, 3>& grid, std::size_t nf, bool bounded,
                                 const std::array<double, 3>& hi) {
  const std::size_t c = 4 + nf;
  std::vector<double> g(static_cast<std::size_t>(grid[0] * grid[1] * grid[2]) * c, 0.0);
  for (const Point& pt : pts) {
    bool inside = true;
    std::array<int, 3> idx{};
    for (int a = 0; a < 3; ++a) {
      if (bounded) inside = inside && pt.p[a] > lo[a] && pt.p[a] < hi[a];
      idx[a] = res[a] > 0
                   ? std::min(static_cast<int>(std::floor((pt.p[a] - lo[a]) / res[a])), dims[a] - 1)
                   : 0;
    }
    if (!inside) continue;
    const std::size_t v = static_cast<std::size_t>((idx[0] * grid[1] + idx[1]) * grid[2] + idx[2]);
    for (int a = 0; a < 3; ++a) g[v * c + a] += pt.p[a];
    for (std::size_t k = 0; k < nf; ++k) g[v * c + 3 + k] += pt.f[k];
    g[v * c + c - 1] += 1;
  }
  for (std::size_t v = 0; v < g.size() / c; ++v)
    for (std::size_t k = 0; k + 1 < c; ++k) g[v * c + k] /= std::max(g[v * c + c - 1], 1.0);
  return g;
}

std::vector<double> coords_of(const std::vector<Point>& pts, bool homogeneous) {
  std::vector<double> v;
  for (const Point& pt : pts) {
    v.insert(v.end(), pt.p.begin(), pt.p.end());
    if (homogeneous) v.push_back(1.0);
  }
  return v;
}
std::vector<double> features_of(const std::vector<Point>& pts) {
  std::vector<double> v;
  for (const Point& pt : pts) v.insert(v.end(), pt.f.begin(), pt.f.end());
  return v;
}

// Seven points in the box [0, 3]^3 (one outside it, one on its face, two sharing a voxel).
std::vector<Point> known_points() {
  return {{{0.5, 0.5, 0.5}, {1, 10}}, {{0.7, 0.2, 0.9}, {3, 20}}, {{2.5, 1.5, 0.5}, {5, 30}},
          {{3.5, 1.0, 1.0}, {7, 40}}, {{1.2, 2.9, 2.1}, {9, 50}}, {{0.1, 0.3, 3.0}, {2, 60}},
          {{2.2, 2.4, 2.6}, {4, 70}}};
}

TEST(VisionVoxelGrids, BoundedDimsMatchesLoop) {
  IVY_VISION_SKIP_ON_STUB();
  const std::vector<Point> pts = known_points();
  const auto out =
      vision::coords_to_voxel_grid(make(coords_of(pts, true), {7, 4}), make({3, 3, 3}, {3}), "DIMS",
                                   make({0, 0, 0, 3, 3, 3}, {6}), make(features_of(pts), {7, 2}));
  const std::vector<double> want =
      grid_by_loop(pts, {0, 0, 0}, {1, 1, 1}, {3, 3, 3}, {3, 3, 3}, 2, true, {3, 3, 3});
  expect_close(out.grid, want, {3, 3, 3, 6}, 10);
  EXPECT_EQ(ivy::cast(out.dims, ivy::int64).to_vector<double>(), (std::vector<double>{3, 3, 3}));
  expect_close(out.resolutions, {1, 1, 1}, {3});
  expect_close(out.lower_corners, {0, 0, 0}, {3});
  // By hand: voxel (0, 0, 0) holds the first two points, (2, 1, 0) the third; five points kept.
  const std::vector<double> g = out.grid.to_vector<double>();
  EXPECT_NEAR(g[5], 2, 1e-6);
  EXPECT_NEAR(g[3], 2, 1e-5);  // mean feature (1 + 3) / 2
  EXPECT_NEAR(g[((2 * 3 + 1) * 3 + 0) * 6 + 5], 1, 1e-6);
  double total = 0;
  for (std::size_t i = 5; i < g.size(); i += 6) total += g[i];
  EXPECT_NEAR(total, 5, 1e-6);
}

TEST(VisionVoxelGrids, UnboundedResMatchesLoop) {
  IVY_VISION_SKIP_ON_STUB();
  const std::vector<Point> pts = known_points();
  // The bounding box is [0.1, 3.5] x [0.2, 2.9] x [0.5, 3.0]; voxels of about 0.8 give
  // ceil(3.4 / 0.8) = 5, ceil(2.7 / 0.8) = 4, ceil(2.5 / 0.8) = 4 voxels.
  const auto out = vision::coords_to_voxel_grid(make(coords_of(pts, false), {7, 3}),
                                                make({0.8, 0.8, 0.8}, {3}), "RES");
  const std::array<double, 3> lo = {0.1, 0.2, 0.5}, ext = {3.4, 2.7, 2.5};
  const std::array<int, 3> dims = {5, 4, 4};
  const std::array<double, 3> res = {ext[0] / 5, ext[1] / 4, ext[2] / 4};
  EXPECT_EQ(ivy::cast(out.dims, ivy::int64).to_vector<double>(), (std::vector<double>{5, 4, 4}));
  expect_close(out.resolutions, {res[0], res[1], res[2]}, {3});
  expect_close(out.lower_corners, {lo[0], lo[1], lo[2]}, {3});
  expect_close(out.grid, grid_by_loop(pts, lo, res, dims, dims, 0, false, {}), {5, 4, 4, 4}, 10);
}

TEST(VisionVoxelGrids, BatchesOfDifferentExtents) {
  IVY_VISION_SKIP_ON_STUB();
  const std::vector<Point> a = {{{0, 0, 0}, {1}}, {{2, 1, 1}, {2}}, {{1.5, 0.5, 0.2}, {3}}};
  const std::vector<Point> b = {{{1, 1, 1}, {4}}, {{1, 1, 2}, {5}}, {{1, 2, 2}, {6}}};
  std::vector<double> c = coords_of(a, false), f = features_of(a);
  const std::vector<double> cb = coords_of(b, false), fb = features_of(b);
  c.insert(c.end(), cb.begin(), cb.end());
  f.insert(f.end(), fb.begin(), fb.end());
  // Resolution 1: entry 0 spans 2 x 1 x 1 -> 2 x 1 x 1 voxels, entry 1 0 x 1 x 1 -> 1 x 1 x 1;
  // the grid is 2 x 1 x 1.
  const auto out = vision::coords_to_voxel_grid(make(c, {2, 3, 3}), make({1, 1, 1}, {3}), "RES",
                                                std::nullopt, make(f, {2, 3, 1}));
  EXPECT_EQ(ivy::cast(out.dims, ivy::int64).to_vector<double>(),
            (std::vector<double>{2, 1, 1, 1, 1, 1}));
  std::vector<double> want =
      grid_by_loop(a, {0, 0, 0}, {1, 1, 1}, {2, 1, 1}, {2, 1, 1}, 1, false, {});
  const std::vector<double> want_b =
      grid_by_loop(b, {1, 1, 1}, {0, 1, 1}, {1, 1, 1}, {2, 1, 1}, 1, false, {});
  want.insert(want.end(), want_b.begin(), want_b.end());
  expect_close(out.grid, want, {2, 2, 1, 1, 5}, 10);
  expect_close(out.resolutions, {1, 1, 1, 0, 1, 1}, {2, 3});
  expect_close(out.lower_corners, {0, 0, 0, 1, 1, 1}, {2, 3});
  // Per-entry DIMS and bounds.
  const auto dims =
      vision::coords_to_voxel_grid(make(c, {2, 3, 3}), make({2, 2, 2, 1, 1, 1}, {2, 3}), "DIMS",
                                   make({-1, -1, -1, 3, 3, 3}, {6}));
  EXPECT_EQ(ivy::cast(dims.dims, ivy::int64).to_vector<double>(),
            (std::vector<double>{2, 2, 2, 1, 1, 1}));
  ASSERT_EQ(ivy::shape(dims.grid), (ivy::Shape{2, 2, 2, 2, 4}));
  std::vector<double> want_d =
      grid_by_loop(a, {-1, -1, -1}, {2, 2, 2}, {2, 2, 2}, {2, 2, 2}, 0, true, {3, 3, 3});
  const std::vector<double> want_d1 =
      grid_by_loop(b, {-1, -1, -1}, {4, 4, 4}, {1, 1, 1}, {2, 2, 2}, 0, true, {3, 3, 3});
  want_d.insert(want_d.end(), want_d1.begin(), want_d1.end());
  expect_close(dims.grid, want_d, {2, 2, 2, 2, 4}, 10);
}

TEST(VisionVoxelGrids, NonFinitePointsAreDropped) {
  IVY_VISION_SKIP_ON_STUB();
  std::vector<Point> pts = known_points();
  const std::vector<double> c = coords_of(pts, false);
  std::vector<double> with_nan = c;
  with_nan.insert(with_nan.end(), {std::nan(""), 1, 1, 1, INFINITY, 1});
  const auto out = vision::coords_to_voxel_grid(make(with_nan, {9, 3}), make({3, 3, 3}, {3}));
  const auto ref = vision::coords_to_voxel_grid(make(c, {7, 3}), make({3, 3, 3}, {3}));
  expect_close(out.grid, ref.grid, 10);
  expect_close(out.lower_corners, ref.lower_corners);
  expect_close(out.resolutions, ref.resolutions);
}

TEST(VisionVoxelGrids, Errors) {
  IVY_VISION_SKIP_ON_STUB();
  const Array c = make(coords_of(known_points(), false), {7, 3});
  const Array spec = make({2, 2, 2}, {3});
  const std::string fn = "coords_to_voxel_grid";
  expect_error<ivy::ValueError>([&] { vision::coords_to_voxel_grid(c, spec, "VOXELS"); }, fn,
                                "mode");
  expect_error<ivy::ValueError>(
      [&] {
        vision::coords_to_voxel_grid(c, make({2, 0, 2}, {3}), "DIMS");
      },
      fn, "DIMS");
  expect_error<ivy::ValueError>(
      [&] {
        vision::coords_to_voxel_grid(c, make({2, -1, 2}, {3}), "RES");
      },
      fn, "RES");
  expect_error<ivy::ShapeError>(
      [&] {
        vision::coords_to_voxel_grid(c, make({2, 2}, {2}));
      },
      fn, "voxel_shape_spec");
  expect_error<ivy::ShapeError>(
      [&] {
        vision::coords_to_voxel_grid(c, spec, "DIMS", make({0, 0, 0, 1}, {4}));
      },
      fn, "coord_bounds");
  expect_error<ivy::ShapeError>(
      [&] {
        vision::coords_to_voxel_grid(c, spec, "DIMS", std::nullopt, make({1, 2, 3}, {3, 1}));
      },
      fn, "features");
  expect_error<ivy::ShapeError>(
      [&] {
        vision::coords_to_voxel_grid(make({1, 2}, {1, 2}), spec);
      },
      fn, "coords");
}

TEST(VisionVoxelGrids, GradientMatchesFiniteDifferences) {
  IVY_VISION_SKIP_ON_STUB();
  if (!ivy::supports_dtype(ivy::backend(backend_under_test()), ivy::float64))
    GTEST_SKIP() << "needs float64";
  const auto f64 = [](const std::vector<double>& v, const ivy::Shape& s) {
    return ivy::array(v, s, ivy::Options(ivy::float64).on(ivy::backend(backend_under_test())));
  };
  std::vector<Point> pts = known_points();
  pts.erase(pts.begin() + 5);  // the point on the box's face would jump in and out
  const std::vector<double> coords = coords_of(pts, false), feats = features_of(pts);
  const auto grid = [&](const Array& c, const Array& f) {
    return vision::coords_to_voxel_grid(c, f64({3, 3, 3}, {3}), "DIMS",
                                        f64({0, 0, 0, 3, 3, 3}, {6}), f)
        .grid;
  };
  const ivy::Backend& b = ivy::backend(backend_under_test());
  ivy::testing::expect_matches_finite_differences({"coords_to_voxel_grid_wrt_features",
                                                   [&](const Array& f) {
                                                     return grid(f64(coords, {6, 3}), f);
                                                   },
                                                   feats,
                                                   {6, 2}},
                                                  b, 1e-5);
  ivy::testing::expect_matches_finite_differences({"coords_to_voxel_grid_wrt_coords",
                                                   [&](const Array& c) {
                                                     return grid(c, f64(feats, {6, 2}));
                                                   },
                                                   coords,
                                                   {6, 3}},
                                                  b, 1e-5);
}

}  // namespace
