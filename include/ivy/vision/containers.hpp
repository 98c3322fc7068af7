#pragma once
/// ivy::vision containers: intrinsics, extrinsics and the whole camera geometry, and the scene
/// of primitive shapes, as plain structs of ivy::Array, each with the same leading batch shape.
/// See docs/vision.md.
#include <optional>

#include "ivy/core/array.hpp"
#include "ivy/core/options.hpp"
#include "ivy/core/shape.hpp"

namespace ivy::vision {

/** Camera intrinsics: everything derived from the calibration matrix K. */
struct Intrinsics {
  Array focal_lengths;   ///< [...,2] (fx, fy), negative in the library's convention
  Array persp_angles;    ///< [...,2] horizontal and vertical fields of view, radians
  Array pp_offsets;      ///< [...,2] principal point (px, py), pixels
  Array calib_mats;      ///< [...,3,3] K
  Array inv_calib_mats;  ///< [...,3,3] K^-1

  /** Focal lengths and angles 1, offsets 0, identity matrices, all of shape batch_shape + [...]. */
  static Intrinsics as_identity(const Shape& batch_shape, const Options& opts = {});
};

/** Camera extrinsics: the world-to-camera transform E = R [I | -c] and its inverse. */
struct Extrinsics {
  Array cam_centers;        ///< [...,3,1] c, the camera centre in world coordinates
  Array Rs;                 ///< [...,3,3] R, world-to-camera rotation
  Array inv_Rs;             ///< [...,3,3] R^-1
  Array ext_mats_homo;      ///< [...,4,4] E with the row [0,0,0,1]
  Array inv_ext_mats_homo;  ///< [...,4,4] its inverse

  /** Zero centres and identity matrices of shape batch_shape + [...]. */
  static Extrinsics as_identity(const Shape& batch_shape, const Options& opts = {});
};

/** A full camera: intrinsics, extrinsics and the full projection P = K E (homogeneous). */
struct CameraGeometry {
  Intrinsics intrinsics;
  Extrinsics extrinsics;
  Array full_mats_homo;      ///< [...,4,4] P with the row [0,0,0,1]
  Array inv_full_mats_homo;  ///< [...,4,4] its inverse

  static CameraGeometry as_identity(const Shape& batch_shape, const Options& opts = {});
};

/**
 * A scene made of spheres and cuboids (either kind may be absent: both fields of a kind given or
 * neither), each field with the same leading batch shape BS.
 */
struct PrimitiveScene {
  std::optional<Array> sphere_positions;  ///< [BS..., NS, 3] sphere centres
  std::optional<Array> sphere_radii;      ///< [BS..., NS, 1]
  std::optional<Array> cuboid_ext_mats;   ///< [BS..., NC, 3|4, 4] world-to-cuboid transforms
  std::optional<Array> cuboid_dims;       ///< [BS..., NC, 3] side lengths along the cuboid x, y, z

  /**
   * One sphere of radius 1 at the origin and one unit cube with identity transform, of shapes
   * batch_shape + [1, 3], [1, 1], [1, 3, 4], [1, 3].
   */
  static PrimitiveScene as_identity(const Shape& batch_shape, const Options& opts = {});

  /**
   * The scene's signed distance at query_positions [BS..., NP, 3]: the minimum over every sphere
   * and cuboid (sdf.hpp) -> [BS..., NP, 1]. ValueError when the scene holds no primitive kind or
   * only one field of a kind.
   */
  Array sdf(const Array& query_positions) const;
};

}  // namespace ivy::vision
