#pragma once
// The vision demo's synthetic scene: a chequered ground plane (z = 0), a back wall (y = 9) and
// three coloured spheres, ray-cast analytically with unified functions so that it renders the
// same on every backend. Pixels follow ivy::vision's conventions (x right, y down, depth along
// the camera's z axis).
#include <array>
#include <cstdint>

#include "ivy/ivy.hpp"
#include "ivy/vision.hpp"

namespace ivy_demo {

/** A camera at `centre` looking at `target` with world +z up, focal length f pixels. */
struct CameraSpec {
  std::array<double, 3> centre, target;
  double focal;
};

/** One rendered view: colours [H, W, 3] in [0, 1] and depths [H, W, 1]. */
struct View {
  ivy::vision::CameraGeometry camera;
  ivy::Array rgb, depth;
};

/** The camera's geometry (intrinsics with the principal point at the image centre). */
ivy::vision::CameraGeometry make_camera(const CameraSpec& spec,
                                        const std::array<std::int64_t, 2>& image_dims,
                                        const ivy::Options& opts);

/** The scene seen by `camera` at image_dims {H, W}. */
View render_scene(const ivy::vision::CameraGeometry& camera,
                  const std::array<std::int64_t, 2>& image_dims, const ivy::Options& opts);

}  // namespace ivy_demo
