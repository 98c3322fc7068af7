// ivy::vision meshes on the backend under test: the triangles of a 2 x 3 grid listed by hand,
// larger grids and validity masks against loops, and triangles rasterized against a
// point-in-triangle loop over the pixel centres written here in double.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

#include "ivy/ivy.hpp"
#include "ivy/vision.hpp"
#include "support/vision_cases.hpp"

namespace {
namespace vision = ivy::vision;
using namespace ivy::testing::vision_cases;

std::vector<double> as_doubles(const Array& a) {
  return ivy::cast(a, ivy::int64).to_vector<double>();
}

// The triangles of an h x w vertex grid: per cell (r, c) with t = r w + c, (t, t+1, t+w) for all
// cells first, then (t+w+1, t+1, t+w).
std::vector<std::array<double, 3>> grid_triangles(int h, int w) {
  std::vector<std::array<double, 3>> first, second;
  for (int r = 0; r + 1 < h; ++r)
    for (int c = 0; c + 1 < w; ++c) {
      const double t = r * w + c;
      first.push_back({t, t + 1, t + w});
      second.push_back({t + w + 1, t + 1, t + w});
    }
  first.insert(first.end(), second.begin(), second.end());
  return first;
}

TEST(VisionMesh, TrimeshIndicesByHand) {
  IVY_VISION_SKIP_ON_STUB();
  // 2 x 3 vertices:  0 1 2 / 3 4 5: two cells, two triangles each.
  const Array t = vision::create_trimesh_indices_for_image({}, {2, 3}, opts());
  ASSERT_EQ(ivy::shape(t), (ivy::Shape{4, 3}));
  EXPECT_EQ(as_doubles(t), (std::vector<double>{0, 1, 3, 1, 2, 4, 4, 1, 3, 5, 2, 4}));
  const Array d = vision::create_trimesh_indices_for_image(
      {}, {2, 3}, ivy::Options().on(ivy::backend(backend_under_test())));
  EXPECT_EQ(d.dtype(), ivy::int64);

  // Batched 4 x 3 (the original's case) against the loop, in every entry.
  const Array b = vision::create_trimesh_indices_for_image({2, 1}, {4, 3}, opts());
  ASSERT_EQ(ivy::shape(b), (ivy::Shape{2, 1, 12, 3}));
  std::vector<double> want;
  for (int e = 0; e < 2; ++e)
    for (const auto& tri : grid_triangles(4, 3)) want.insert(want.end(), tri.begin(), tri.end());
  EXPECT_EQ(as_doubles(b), want);
  EXPECT_EQ(ivy::shape(vision::create_trimesh_indices_for_image({}, {1, 4}, opts())),
            (ivy::Shape{0, 3}));
  expect_error<ivy::ValueError>(
      [] {
        vision::create_trimesh_indices_for_image({}, {0, 3}, opts());
      },
      "create_trimesh_indices_for_image", "positive");
}

TEST(VisionMesh, CoordImageToTrimesh) {
  IVY_VISION_SKIP_ON_STUB();
  std::vector<double> coords;
  for (int i = 0; i < 2 * 4 * 3 * 3; ++i) coords.push_back(0.1 * i - 1);
  const Array img = make(coords, {2, 4, 3, 3});
  const auto all = vision::coord_image_to_trimesh(img);
  expect_close(all.vertices, coords, {2, 12, 3});
  ASSERT_EQ(ivy::shape(all.triangle_indices), (ivy::Shape{2, 12, 3}));
  EXPECT_EQ(all.triangle_indices.dtype(), ivy::int64);

  // The original's mask: vertices 1 and 7 invalid. Triangles are kept when all three vertices
  // are valid, batch entry 0 first.
  const std::vector<bool> valid0 = {true, false, true, true, true, true,
                                    true, false, true, true, true, true};
  std::vector<bool> valid1(12, true);
  valid1[4] = false;
  std::vector<bool> mask = valid0;
  mask.insert(mask.end(), valid1.begin(), valid1.end());
  std::vector<double> want;
  for (const std::vector<bool>* v : {&valid0, static_cast<const std::vector<bool>*>(&valid1)})
    for (const auto& tri : grid_triangles(4, 3))
      if ((*v)[static_cast<std::size_t>(tri[0])] && (*v)[static_cast<std::size_t>(tri[1])] &&
          (*v)[static_cast<std::size_t>(tri[2])])
        want.insert(want.end(), tri.begin(), tri.end());
  const Array m =
      ivy::array(mask, {2, 4, 3, 1}, ivy::Options().on(ivy::backend(backend_under_test())));
  const auto kept = vision::coord_image_to_trimesh(img, m);
  ASSERT_EQ(ivy::shape(kept.triangle_indices),
            (ivy::Shape{static_cast<std::int64_t>(want.size() / 3), 3}));
  EXPECT_EQ(as_doubles(kept.triangle_indices), want);
  // Entry 0 alone is the original's list: (3 4 6), (5 2 4), (11 8 10).
  const auto first = vision::coord_image_to_trimesh(
      make(std::vector<double>(coords.begin(), coords.begin() + 36), {4, 3, 3}),
      ivy::array(valid0, {4, 3, 1}, ivy::Options().on(ivy::backend(backend_under_test()))));
  EXPECT_EQ(as_doubles(first.triangle_indices), (std::vector<double>{3, 4, 6, 5, 2, 4, 11, 8, 10}));
  expect_error<ivy::ShapeError>(
      [&] {
        vision::coord_image_to_trimesh(img, make(std::vector<double>(24, 1), {2, 4, 3}));
      },
      "coord_image_to_trimesh", "validity_mask");
}

// Inside or on an edge of the triangle, either winding (edge functions of one sign).
bool in_triangle(const std::array<double, 6>& t, double px, double py) {
  const auto e = [&](int a, int b) {
    return (px - t[2 * a]) * (t[2 * b + 1] - t[2 * a + 1]) -
           (py - t[2 * a + 1]) * (t[2 * b] - t[2 * a]);
  };
  const double e0 = e(0, 1), e1 = e(1, 2), e2 = e(2, 0);
  return (e0 >= 0 && e1 >= 0 && e2 >= 0) || (e0 <= 0 && e1 <= 0 && e2 <= 0);
}

std::vector<double> raster_by_loop(const std::vector<std::array<double, 6>>& tris, int h, int w) {
  std::vector<double> out;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      bool hit = false;
      for (const auto& t : tris) hit = hit || in_triangle(t, x, y);
      out.push_back(hit ? 1.0 : 0.0);
    }
  return out;
}

std::vector<double> flat(const std::vector<std::array<double, 6>>& tris) {
  std::vector<double> v;
  for (const auto& t : tris)
    for (int i = 0; i < 3; ++i) v.insert(v.end(), {t[2 * i], t[2 * i + 1], 1.0});
  return v;
}

TEST(VisionMesh, RasterizeOneTriangleMatchesLoop) {
  IVY_VISION_SKIP_ON_STUB();
  // The original's triangle (0,0), (0,2), (2,0): the pixels with x + y <= 2, edges included.
  const std::vector<std::array<double, 6>> orig = {{0, 0, 0, 2, 2, 0}};
  const Array r = vision::rasterize_triangles(make(flat(orig), {3, 3}), {3, 3});
  ASSERT_EQ(r.dtype(), ivy::bool_);
  EXPECT_EQ(as_doubles(r), (std::vector<double>{1, 1, 1, 1, 1, 0, 1, 0, 0}));
  ASSERT_EQ(ivy::shape(r), (ivy::Shape{3, 3, 1}));
  // A skew triangle in a 4 x 5 image, both windings (no pixel centre lies on an edge).
  const std::array<double, 6> t = {0.3, 0.2, 3.7, 1.1, 1.2, 3.6};
  const std::array<double, 6> rev = {t[0], t[1], t[4], t[5], t[2], t[3]};
  for (const auto& tri : {t, rev}) {
    const Array out = vision::rasterize_triangles(make(flat({tri}), {1, 3, 3}), {4, 5});
    ASSERT_EQ(ivy::shape(out), (ivy::Shape{4, 5, 1}));
    EXPECT_EQ(as_doubles(out), raster_by_loop({t}, 4, 5));
  }
}

TEST(VisionMesh, RasterizeBatchMatchesLoop) {
  IVY_VISION_SKIP_ON_STUB();
  // Batch of 2, two triangles each; some pixels lie outside the 4 x 5 image.
  const std::vector<std::array<double, 6>> e0 = {{-1.5, -0.5, 2.6, 0.4, 0.4, 2.7},
                                                 {3.2, 1.3, 6.4, 2.2, 4.1, 5.3}};
  const std::vector<std::array<double, 6>> e1 = {{1.1, 0.9, 1.9, 3.3, 4.4, 2.1},
                                                 {0.2, 3.9, 0.3, 3.95, 0.25, 4.1}};
  std::vector<double> in = flat(e0);
  const std::vector<double> in1 = flat(e1);
  in.insert(in.end(), in1.begin(), in1.end());
  const Array out = vision::rasterize_triangles(make(in, {2, 2, 3, 3}), {4, 5}, {2});
  ASSERT_EQ(ivy::shape(out), (ivy::Shape{2, 4, 5, 1}));
  std::vector<double> want = raster_by_loop(e0, 4, 5);
  const std::vector<double> want1 = raster_by_loop(e1, 4, 5);
  want.insert(want.end(), want1.begin(), want1.end());
  EXPECT_EQ(as_doubles(out), want);
  // Without a batch shape the four triangles share one image.
  std::vector<std::array<double, 6>> all = e0;
  all.insert(all.end(), e1.begin(), e1.end());
  EXPECT_EQ(as_doubles(vision::rasterize_triangles(make(in, {2, 2, 3, 3}), {4, 5})),
            raster_by_loop(all, 4, 5));
  // xy only, and a triangle wholly outside the image.
  EXPECT_EQ(as_doubles(vision::rasterize_triangles(make({7, 7, 9, 7, 8, 9}, {3, 2}), {4, 5})),
            std::vector<double>(20, 0.0));
  expect_error<ivy::ShapeError>(
      [&] {
        vision::rasterize_triangles(make(in, {2, 2, 3, 3}), {4, 5}, {3});
      },
      "rasterize_triangles", "batch_shape");
  expect_error<ivy::ShapeError>(
      [] {
        vision::rasterize_triangles(make({1, 2, 3, 4}, {2, 2}), {4, 5});
      },
      "rasterize_triangles", "pixel_coords_triangles");
  expect_error<ivy::ValueError>(
      [] {
        vision::rasterize_triangles(make(std::vector<double>(9, 0), {3, 3}), {4, 0});
      },
      "rasterize_triangles", "positive");
}

}  // namespace
