// ivy-vision-demo: the original ivy_vision run-through in C++. A synthetic scene (apps/
// vision_scene.hpp) is rendered from two cameras; camera 2's image is warped into camera 1
// through camera 1's depth (bilinearly_interpolate_image) and camera 1's image is splatted
// (forward-warped) into camera 2 with depth ordering (quantize_to_image); the points of both
// views are voxelised (coords_to_voxel_grid) and the grid is seen from above. Everything runs on
// every backend of the build; the program checks that the backends agree and draws the default
// backend's results.
//   ivy-vision-demo [--out ivy_vision_demo.png] [--size H W]
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "ivy/ivy.hpp"
#include "ivy/vision.hpp"
#include "labelled_figure.hpp"
#include "vision_scene.hpp"

namespace {

namespace vision = ivy::vision;
using ivy::Array;

const ivy_demo::CameraSpec kCamera1 = {{-2.2, -3.0, 2.6}, {0.0, 4.0, 0.8}, 0.0};
const ivy_demo::CameraSpec kCamera2 = {{2.4, -2.6, 2.0}, {0.0, 4.2, 0.9}, 0.0};
constexpr double kNear = 3.0, kFar = 16.0;  // the depth colour scale, metres

/** The demo's results on one backend, each an image [H, W, C]. */
struct Results {
  std::string backend;
  Array rgb1, depth1, rgb2, depth2, warped2to1, splatted1to2, voxel_top;
};

/**
 * Camera `from`'s colours seen from camera `to`: each pixel of `to` (its world points
 * to_world [H, W, 4]) sampled in `from`'s image where its world point lands. Points that leave
 * `from`'s image, or that `from` sees behind something nearer (its depth there is smaller than the
 * point's by over 5 %), are drawn grey.
 */
Array warp_into(const ivy_demo::View& from, const Array& to_world) {
  const Array ds = vision::world_to_ds_pixel_coords(to_world, from.camera.full_mats_homo);
  const std::vector<Array> parts = ivy::split(ds, std::vector<std::int64_t>{2, 1}, -1);
  const Array xy = ivy::divide(parts[0], parts[1]);
  const ivy::Shape s = ivy::shape(from.rgb);
  const std::vector<Array> c = ivy::unstack(xy, -1);
  const Array inside = ivy::logical_and(
      ivy::logical_and(ivy::greater_equal(c[0], 0.0), ivy::less_equal(c[0], double(s[1] - 1))),
      ivy::logical_and(ivy::greater_equal(c[1], 0.0), ivy::less_equal(c[1], double(s[0] - 1))));
  const Array seen_depth = vision::bilinearly_interpolate_image(from.depth, xy);
  const Array visible = ivy::logical_and(
      ivy::expand_dims(inside, -1), ivy::less_equal(parts[1], ivy::multiply(seen_depth, 1.05)));
  return ivy::where(visible, vision::bilinearly_interpolate_image(from.rgb, xy), 0.5);
}

/** A view's pixels in the world, computed once from its depth and shared by the steps below. */
struct Cloud {
  Array world;        ///< [H, W, 4] homogeneous world points
  Array xyz, colour;  ///< [H * W, 3] each: the same points as a list, and their colours
};

Cloud cloud_of(const ivy_demo::View& view) {
  const Array world = vision::depth_to_world_coords(view.depth, view.camera.inv_full_mats_homo);
  const ivy::Shape s = ivy::shape(world);
  const Array xyz = ivy::split(world, std::vector<std::int64_t>{3, 1}, -1)[0];
  return {world, ivy::reshape(xyz, {s[0] * s[1], 3}), ivy::reshape(view.rgb, {s[0] * s[1], 3})};
}

/**
 * `from`'s image forward-warped into `to` with depth ordering: every pixel of `from` goes to
 * where `to` sees its world point, the nearest one winning each pixel (quantize_to_image with
 * a depth buffer); pixels that receive no point are grey.
 */
Array splat_into(const Cloud& from, const ivy_demo::View& to) {
  const Array ds = vision::world_to_ds_pixel_coords(from.xyz, to.camera.full_mats_homo);
  const std::vector<Array> parts = ivy::split(ds, std::vector<std::int64_t>{2, 1}, -1);
  const ivy::Shape s = ivy::shape(to.rgb);
  vision::QuantizeOptions options;
  options.with_db = true;
  const vision::QuantizedImage q =
      vision::quantize_to_image(ivy::divide(parts[0], parts[1]), {s[0], s[1]},
                                ivy::concat({parts[1], from.colour}, -1), options);
  const Array colour = ivy::split(q.mean, std::vector<std::int64_t>{3, 3}, -1)[1];
  return ivy::where(ivy::greater(q.counter, 0.0), colour, 0.5);
}

constexpr std::int64_t kVoxels = 48;  // along x and y; 16 along z

/**
 * The points of both views in a voxel grid over x in [-4, 4], y in [-1, 8.5], z in [-0.1, 3]
 * (coords_to_voxel_grid), seen from above: each column shows its highest occupied voxel's mean
 * colour, [kVoxels, kVoxels, 3] with +y (away from the cameras) up. Empty columns are white.
 */
Array voxel_top_view(const Cloud& a, const Cloud& b, const ivy::Options& opts) {
  const vision::VoxelGrid grid = vision::coords_to_voxel_grid(
      ivy::concat({a.xyz, b.xyz}, 0),
      ivy::array(std::vector<double>{kVoxels, kVoxels, 16}, {3}, opts), "DIMS",
      ivy::array(std::vector<double>{-4.0, -1.0, -0.1, 4.0, 8.5, 3.0}, {6}, opts),
      ivy::concat({a.colour, b.colour}, 0));
  const ivy::Shape gs = ivy::shape(grid.grid);  // [X, Y, Z, 3 + 3 + 1]
  const std::vector<double> g = grid.grid.to_vector<double>();
  std::vector<double> top(static_cast<std::size_t>(kVoxels * kVoxels * 3), 1.0);
  for (std::int64_t x = 0; x < gs[0]; ++x)
    for (std::int64_t y = 0; y < gs[1]; ++y)
      for (std::int64_t z = gs[2] - 1; z >= 0; --z) {
        const std::size_t v = static_cast<std::size_t>(((x * gs[1] + y) * gs[2] + z) * gs[3]);
        if (g[v + 6] <= 0) continue;
        const std::size_t pixel = static_cast<std::size_t>(((kVoxels - 1 - y) * kVoxels + x) * 3);
        for (std::size_t c = 0; c < 3; ++c) top[pixel + c] = g[v + 3 + c];
        break;
      }
  return ivy::array(top, {kVoxels, kVoxels, 3}, opts);
}

Results run(const std::string& backend, const std::array<std::int64_t, 2>& dims) {
  const ivy::Options opts = ivy::Options(ivy::float32).on(ivy::backend(backend));
  ivy_demo::CameraSpec spec1 = kCamera1, spec2 = kCamera2;
  spec1.focal = spec2.focal = 0.9 * static_cast<double>(dims[1]);
  const ivy_demo::View view1 =
      ivy_demo::render_scene(ivy_demo::make_camera(spec1, dims, opts), dims, opts);
  const ivy_demo::View view2 =
      ivy_demo::render_scene(ivy_demo::make_camera(spec2, dims, opts), dims, opts);
  const Cloud cloud1 = cloud_of(view1), cloud2 = cloud_of(view2);
  return {backend,
          view1.rgb,
          view1.depth,
          view2.rgb,
          view2.depth,
          warp_into(view2, cloud1.world),
          splat_into(cloud1, view2),
          voxel_top_view(cloud1, cloud2, opts)};
}

std::vector<Array> outputs(const Results& r) {
  return {r.rgb1, r.depth1, r.rgb2, r.depth2, r.warped2to1, r.splatted1to2, r.voxel_top};
}

/** The largest absolute difference between two results of the same computation. */
double max_difference(const Array& a, const Array& b) {
  const std::vector<double> x = a.to_vector<double>(), y = b.to_vector<double>();
  double worst = x.size() == y.size() ? 0.0 : INFINITY;
  for (std::size_t i = 0; i < std::min(x.size(), y.size()); ++i)
    worst = std::max(worst, std::abs(x[i] - y[i]));
  return worst;
}

std::uint8_t byte(double v) {
  return static_cast<std::uint8_t>(std::lround(255.0 * std::clamp(v, 0.0, 1.0)));
}

/** [H, W, 3] colours in [0, 1] as an 8-bit image. */
ivy_demo::Image colour_image(const Array& rgb) {
  const ivy::Shape s = ivy::shape(rgb);
  ivy_demo::Image image{static_cast<int>(s[1]), static_cast<int>(s[0]), {}};
  for (const double v : rgb.to_vector<double>()) image.rgb.push_back(byte(v));
  return image;
}

/** The image with each pixel repeated factor x factor times. */
ivy_demo::Image enlarged(const ivy_demo::Image& in, int factor) {
  ivy_demo::Image out{in.width * factor, in.height * factor, {}};
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x) {
      const std::size_t i = 3 * (static_cast<std::size_t>(y / factor) * in.width + x / factor);
      out.rgb.insert(out.rgb.end(), {in.rgb[i], in.rgb[i + 1], in.rgb[i + 2]});
    }
  return out;
}

/** [H, W, 1] depths as grey levels, white at kNear and black at kFar. */
ivy_demo::Image depth_image(const Array& depth) {
  const ivy::Shape s = ivy::shape(depth);
  ivy_demo::Image image{static_cast<int>(s[1]), static_cast<int>(s[0]), {}};
  for (const double d : depth.to_vector<double>()) {
    const std::uint8_t g = byte((kFar - d) / (kFar - kNear));
    image.rgb.insert(image.rgb.end(), {g, g, g});
  }
  return image;
}

}  // namespace

int main(int argc, char** argv) {
  std::string out = "ivy_vision_demo.png";
  std::array<std::int64_t, 2> dims = {96, 128};
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--out" && i + 1 < argc) {
      out = argv[++i];
    } else if (flag == "--size" && i + 2 < argc) {
      dims = {std::atoll(argv[i + 1]), std::atoll(argv[i + 2])};
      i += 2;
    } else {
      std::cerr << "usage: ivy-vision-demo [--out FILE.png] [--size H W]\n";
      return 2;
    }
  }
  // The default backend first: its results are the ones drawn.
  const std::string first(ivy::backend_name(ivy::current_backend()));
  std::vector<std::string> backends = {first};
  for (const std::string& name : ivy::available_backends())
    if (name != first && name != "stub") backends.push_back(name);

  std::vector<Results> results;
  for (const std::string& name : backends) {
    std::cout << "rendering and warping on " << name << "..." << std::endl;
    results.push_back(run(name, dims));
  }
  bool agree = true;
  for (std::size_t k = 1; k < results.size(); ++k) {
    double worst = 0.0;
    const std::vector<Array> a = outputs(results[0]), b = outputs(results[k]);
    for (std::size_t i = 0; i < a.size(); ++i) worst = std::max(worst, max_difference(a[i], b[i]));
    std::printf("%-8s vs %-8s largest difference %.2e\n", results[k].backend.c_str(), first.c_str(),
                worst);
    agree = agree && worst < 1e-2;
  }

  const Results& r = results[0];
  ivy_demo::write_labelled_figure(
      out,
      "ivy::vision run-through on " + first + " (" + std::to_string(dims[0]) + " x " +
          std::to_string(dims[1]) + " pixels)",
      {{"camera 1: colour", colour_image(r.rgb1)},
       {"camera 1: depth (white near)", depth_image(r.depth1)},
       {"camera 2: colour", colour_image(r.rgb2)},
       {"camera 2: depth", depth_image(r.depth2)},
       {"camera 2 warped into camera 1", colour_image(r.warped2to1)},
       {"camera 1 splatted into camera 2", colour_image(r.splatted1to2)},
       {"voxel grid of both views, from above", enlarged(colour_image(r.voxel_top), 2)}},
      3, 2);
  std::cout << "wrote " << out << "\n";
  if (!agree) {
    std::cerr << "ivy-vision-demo: the backends disagree\n";
    return 1;
  }
  return 0;
}
