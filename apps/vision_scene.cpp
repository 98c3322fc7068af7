#include "vision_scene.hpp"

#include <cmath>
#include <vector>

namespace ivy_demo {

namespace {

namespace vision = ivy::vision;
using ivy::Array;

constexpr double kMiss = 1e6;      // the ray parameter of a ray that hits nothing
constexpr double kWallY = 9.0;     // the back wall's plane y = kWallY
constexpr double kEpsilon = 1e-6;  // rays closer than this to parallel miss a plane

struct Sphere {
  std::array<double, 3> centre;
  double radius;
  std::array<double, 3> colour;
};
const std::array<Sphere, 3> kSpheres = {{{{-1.4, 4.0, 0.8}, 0.8, {0.85, 0.2, 0.15}},
                                         {{0.6, 5.2, 1.1}, 1.1, {0.2, 0.55, 0.9}},
                                         {{1.9, 3.2, 0.5}, 0.5, {0.95, 0.8, 0.2}}}};
const std::array<double, 3> kLight = {0.37, -0.56, 0.74};  // unit direction towards the light

std::array<double, 3> minus(const std::array<double, 3>& a, const std::array<double, 3>& b) {
  return {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
}
std::array<double, 3> normalised(const std::array<double, 3>& v) {
  const double n = std::sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
  return {v[0] / n, v[1] / n, v[2] / n};
}
std::array<double, 3> cross(const std::array<double, 3>& a, const std::array<double, 3>& b) {
  return {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
}

/** shade [H, W] times a colour -> [H, W, 3]. */
Array tinted(const Array& shade, const std::array<double, 3>& colour) {
  return ivy::stack({ivy::multiply(shade, colour[0]), ivy::multiply(shade, colour[1]),
                     ivy::multiply(shade, colour[2])},
                    -1);
}

/** Lambertian shading of a unit normal given as components [H, W] each. */
Array lambert(const std::vector<Array>& n) {
  Array cosine = ivy::multiply(n[0], kLight[0]);
  cosine = ivy::add(cosine, ivy::multiply(n[1], kLight[1]));
  cosine = ivy::add(cosine, ivy::multiply(n[2], kLight[2]));
  return ivy::add(0.3, ivy::multiply(ivy::maximum(cosine, 0.0), 0.7));
}

/** The nearest positive hit of the rays o + t d with a sphere (kMiss where they miss). */
Array sphere_hit(const std::vector<Array>& d, const std::array<double, 3>& o, const Sphere& s) {
  const std::array<double, 3> oc = minus(o, s.centre);
  const Array b = ivy::add(ivy::add(ivy::multiply(d[0], oc[0]), ivy::multiply(d[1], oc[1])),
                           ivy::multiply(d[2], oc[2]));
  const double c = oc[0] * oc[0] + oc[1] * oc[1] + oc[2] * oc[2] - s.radius * s.radius;
  const Array disc = ivy::subtract(ivy::multiply(b, b), c);
  const Array t = ivy::subtract(ivy::negative(b), ivy::sqrt(ivy::maximum(disc, 0.0)));
  return ivy::where(ivy::logical_and(ivy::greater(disc, 0.0), ivy::greater(t, 0.0)), t, kMiss);
}

/** The hits of the rays o + t d with the plane where coordinate `axis` equals `value`. */
Array plane_hit(const std::vector<Array>& d, const std::array<double, 3>& o, int axis,
                double value) {
  const Array& da = d[static_cast<std::size_t>(axis)];
  const double gap = value - o[static_cast<std::size_t>(axis)];
  // Only rays heading towards the plane hit it; the others divide by a safe stand-in.
  const Array towards = gap > 0 ? ivy::greater(da, kEpsilon) : ivy::less(da, -kEpsilon);
  const Array safe = ivy::where(towards, da, gap > 0 ? 1.0 : -1.0);
  return ivy::where(towards, ivy::divide(gap, safe), kMiss);
}

}  // namespace

vision::CameraGeometry make_camera(const CameraSpec& spec,
                                   const std::array<std::int64_t, 2>& image_dims,
                                   const ivy::Options& opts) {
  // Rows of the world-to-camera rotation: camera x (right), y (down) and z (forward).
  const std::array<double, 3> forward = normalised(minus(spec.target, spec.centre));
  const std::array<double, 3> right = normalised(cross(forward, {0.0, 0.0, 1.0}));
  const std::array<double, 3> down = cross(forward, right);
  const Array rotation =
      ivy::array(std::vector<double>{right[0], right[1], right[2], down[0], down[1], down[2],
                                     forward[0], forward[1], forward[2]},
                 {3, 3}, opts);
  const Array centre =
      ivy::array(std::vector<double>{spec.centre[0], spec.centre[1], spec.centre[2]}, {3, 1}, opts);
  const double h = static_cast<double>(image_dims[0]), w = static_cast<double>(image_dims[1]);
  const vision::Intrinsics intrinsics = vision::focal_lengths_and_pp_offsets_to_intrinsics_object(
      ivy::array(std::vector<double>{spec.focal, spec.focal}, {2}, opts),
      ivy::array(std::vector<double>{(w - 1) / 2, (h - 1) / 2}, {2}, opts), image_dims);
  return vision::ext_mat_and_intrinsics_to_cam_geometry_object(
      vision::rot_mat_and_cam_center_to_ext_mat(rotation, centre), intrinsics);
}

View render_scene(const vision::CameraGeometry& camera,
                  const std::array<std::int64_t, 2>& image_dims, const ivy::Options& opts) {
  const Array pixels = vision::create_uniform_pixel_coords_image(image_dims, {}, false, true, opts);
  const Array rays = vision::pixel_coords_to_world_ray_vectors(camera.inv_full_mats_homo, pixels);
  const std::vector<Array> d = ivy::unstack(rays, -1);  // [H, W] each
  const std::vector<double> c = camera.extrinsics.cam_centers.to_vector<double>();
  const std::array<double, 3> o = {c[0], c[1], c[2]};

  const Array t_ground = plane_hit(d, o, 2, 0.0);
  const Array t_wall = plane_hit(d, o, 1, kWallY);
  std::vector<Array> t_spheres;
  Array t = ivy::minimum(t_ground, t_wall);
  for (const Sphere& s : kSpheres) {
    t_spheres.push_back(sphere_hit(d, o, s));
    t = ivy::minimum(t, t_spheres.back());
  }
  std::vector<Array> p;  // the hit points' world coordinates, [H, W] each
  for (std::size_t i = 0; i < 3; ++i) p.push_back(ivy::add(ivy::multiply(d[i], t), o[i]));

  // The wall: a sky gradient with height; the ground: a chequerboard of 1 m squares.
  const Array height = ivy::clip(ivy::divide(p[2], 6.0), 0.0, 1.0);
  Array rgb =
      ivy::stack({ivy::add(0.55, ivy::multiply(height, 0.35)),
                  ivy::add(0.72, ivy::multiply(height, 0.22)), ivy::full_like(height, 0.95)},
                 -1);
  const Array parity = ivy::floormod(ivy::add(ivy::floor(p[0]), ivy::floor(p[1])), 2.0);
  const Array ground = tinted(ivy::add(0.35, ivy::multiply(parity, 0.5)), {0.9, 0.9, 0.82});
  rgb = ivy::where(ivy::expand_dims(ivy::equal(t, t_ground), -1), ground, rgb);
  for (std::size_t k = 0; k < kSpheres.size(); ++k) {
    const Sphere& s = kSpheres[k];
    std::vector<Array> normal;
    for (std::size_t i = 0; i < 3; ++i)
      normal.push_back(ivy::divide(ivy::subtract(p[i], s.centre[i]), s.radius));
    rgb = ivy::where(ivy::expand_dims(ivy::equal(t, t_spheres[k]), -1),
                     tinted(lambert(normal), s.colour), rgb);
  }
  const Array depth = vision::world_coords_to_depth(ivy::stack(p, -1), camera.full_mats_homo);
  return {camera, rgb, depth};
}

}  // namespace ivy_demo
