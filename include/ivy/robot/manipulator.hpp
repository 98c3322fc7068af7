#pragma once
/// ivy::robot manipulators: serial arms described by standard Denavit-Hartenberg parameters
/// (Siciliano et al., "Robotics: Modelling, Planning and Control", 2.8), their link frames, poses
/// and points sampled along their links, differentiable in the joint angles. The Kinova Mico and
/// Franka Panda arms come with their published parameters. See docs/robot.md.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "ivy/core/array.hpp"
#include "ivy/core/options.hpp"
#include "ivy/native.hpp"

namespace ivy::robot {

/**
 * A serial arm of NJ revolute joints. Joint i (1-based) moves frame i-1 to frame i by
 * A_i = Rot_z(q_i) Trans_z(d_i) Trans_x(a_i) Rot_x(alpha_i), with the effective angle
 * q_i = theta_i * dh_joint_scales_i - dh_joint_offsets_i of the joint angle theta_i. Frame 0 is
 * the base, placed in the world by base_inv_ext_mat (base-to-world [R | t]); every result is in
 * the world frame.
 *
 * The parameters are read to the host once: the robot is a constant of the computation and
 * serves joint angles of any backend and float dtype, computing in theirs.
 */
/** Denavit-Hartenberg parameters on the host, [NJ] each (angles in radians, lengths in metres). */
struct DHParameters {
  std::vector<double> a, d, alpha, joint_scales, joint_offsets;
};

class Manipulator {
 public:
  /**
   * a_s, d_s, alpha_s, dh_joint_scales, dh_joint_offsets [NJ] (float, finite, NJ >= 1);
   * base_inv_ext_mat [3,4] or [4,4] (last row 0 0 0 1), the identity when absent.
   * DTypeError for non-float arrays, ShapeError for other shapes or lengths that differ,
   * ValueError for non-finite values or a [4,4] base whose last row is not 0 0 0 1.
   */
  Manipulator(const Array& a_s, const Array& d_s, const Array& alpha_s,
              const Array& dh_joint_scales, const Array& dh_joint_offsets,
              const std::optional<Array>& base_inv_ext_mat = std::nullopt);
  /**
   * The same from host parameters (exact in double whatever the angles' dtype); opts gives the
   * backend, device and dtype (default float32) of the parameter arrays the accessors return.
   * ShapeError for lengths that differ or NJ = 0, ValueError for non-finite values.
   */
  explicit Manipulator(const DHParameters& dh,
                       const std::optional<Array>& base_inv_ext_mat = std::nullopt,
                       const Options& opts = {});

  std::int64_t num_joints() const { return static_cast<std::int64_t>(a_.size()); }

  /**
   * The world transforms of frames 0..link_num for joint_angles [BS..., NJ]:
   * [BS..., link_num + 1, 4, 4], entry 0 the base pose and entry i = base A_1 ... A_i.
   * DTypeError for non-float angles, ShapeError unless the last dimension is NJ, ValueError
   * unless 1 <= link_num <= NJ.
   */
  Array compute_link_matrices(const Array& joint_angles, std::int64_t link_num) const;

  /** The same frames as rotation-vector poses [x, y, z, rx, ry, rz]: [BS..., link_num + 1, 6]
   * (ivy::mech::mat_pose_to_rot_vec_pose). Errors as compute_link_matrices. */
  Array compute_link_poses(const Array& joint_angles, std::int64_t link_num) const;

  /**
   * World points along the segments between consecutive frame origins 0..link_num (all links
   * when absent): link i holds ceil(length_i * samples_per_metre) evenly spaced points from
   * its start to its end, length_i = sqrt(a_i^2 + d_i^2); an end shared with the next sampled
   * link is kept once. [BS..., num_link_samples(link_num), 3]. Errors as compute_link_matrices,
   * and ValueError unless samples_per_metre is finite and > 0.
   */
  Array sample_links(const Array& joint_angles, std::optional<std::int64_t> link_num = std::nullopt,
                     double samples_per_metre = 25) const;

  /** How many points sample_links returns per configuration (same arguments, same errors). */
  std::int64_t num_link_samples(std::optional<std::int64_t> link_num = std::nullopt,
                                double samples_per_metre = 25) const;

  /** The native-array forms (at::Tensor, xt::xarray, mlx::core::array), returning that type. */
  template <NativeArray N>
  auto compute_link_matrices(const N& joint_angles, std::int64_t link_num) const {
    return ::ivy::detail::lower<N>(
        compute_link_matrices(::ivy::detail::lift(joint_angles), link_num));
  }
  template <NativeArray N>
  auto compute_link_poses(const N& joint_angles, std::int64_t link_num) const {
    return ::ivy::detail::lower<N>(compute_link_poses(::ivy::detail::lift(joint_angles), link_num));
  }
  template <NativeArray N>
  auto sample_links(const N& joint_angles, std::optional<std::int64_t> link_num = std::nullopt,
                    double samples_per_metre = 25) const {
    return ::ivy::detail::lower<N>(
        sample_links(::ivy::detail::lift(joint_angles), link_num, samples_per_metre));
  }

  /** The parameters as given ([NJ] each) and the base pose as [4,4]. */
  const Array& a_s() const { return a_s_; }
  const Array& d_s() const { return d_s_; }
  const Array& alpha_s() const { return alpha_s_; }
  const Array& dh_joint_scales() const { return scales_s_; }
  const Array& dh_joint_offsets() const { return offsets_s_; }
  const Array& base_inv_ext_mat() const { return base_s_; }
  /** sqrt(a_i^2 + d_i^2), the distance between frame origins i-1 and i. */
  std::vector<double> link_lengths() const;

 private:
  Array a_s_, d_s_, alpha_s_, scales_s_, offsets_s_, base_s_;
  // Host copies in double, from which each call builds its constants in the angles' dtype.
  std::vector<double> a_, d_, alpha_, scales_, offsets_, base_;

  void init(std::string_view fn, std::string_view backend, DHParameters dh,
            const std::optional<Array>& base_inv_ext_mat);
  std::int64_t checked_link_num(std::string_view fn, std::string_view backend,
                                std::int64_t link_num) const;
  void check_angles(std::string_view fn, const Array& joint_angles) const;
  Array link_matrices(const Array& joint_angles, std::int64_t link_num) const;
};

/**
 * The Kinova Mico 6-DOF arm, with the DH parameters of Kinova's Mico user guide and the joint
 * convention of its JACO2 specification (as the original ivy_robot). base_inv_ext_mat as in
 * Manipulator; opts gives the backend, device and dtype (default float32) of the parameter arrays
 * the accessors return.
 */
class MicoManipulator : public Manipulator {
 public:
  explicit MicoManipulator(const std::optional<Array>& base_inv_ext_mat = std::nullopt,
                           const Options& opts = {});
};

/** The Franka Emika Panda 7-DOF arm, with the DH parameters of Franka's documentation (unit
 * scales, zero offsets). Arguments as MicoManipulator. */
class PandaManipulator : public Manipulator {
 public:
  explicit PandaManipulator(const std::optional<Array>& base_inv_ext_mat = std::nullopt,
                            const Options& opts = {});
};

}  // namespace ivy::robot
