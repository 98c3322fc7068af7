#pragma once
/// The public constants of ivy::mech.
#include <array>
#include <string_view>

namespace ivy::mech {

/** pi, to double precision. */
inline constexpr double PI = 3.141592653589793238462643383279502884;

/**
 * The 12 Euler conventions. "abc" means R = R_c(angle 2) @ R_b(angle 1) @ R_a(angle 0): the
 * axes in the order the rotations are applied to a column vector (extrinsic rotations; scipy's
 * lowercase sequences).
 */
inline constexpr std::array<std::string_view, 12> VALID_EULER_CONVENTIONS = {
    "xyx", "yzy", "zxz", "xzx", "yxy", "zyz", "xyz", "yzx", "zxy", "xzy", "yxz", "zyx"};

/** The default Euler convention, as in the original. */
inline constexpr std::string_view DEFAULT_EULER_CONVENTION = "zyx";

/**
 * Gimbal lock: when the middle Euler angle is within GIMBAL_TOL (radians) of its singular value
 * (0 or pi for proper Euler conventions, +-pi/2 for Tait-Bryan ones) the third angle is set to
 * 0 and the first carries the whole rotation about the collapsed axis. GIMBAL_TOL applies to
 * float32 (and narrower) inputs, GIMBAL_TOL_FLOAT64 to float64: the represented rotation
 * differs from the input by at most about pi times the tolerance in that band. For float32 the
 * middle angle recovered from a rotation matrix at the lock is itself only accurate to a few
 * 1e-7 (MLX's float32 sin and cos differ from LibTorch's by about that much), so the band is
 * 1e-6: narrower would miss exact locks on some engines.
 */
inline constexpr double GIMBAL_TOL = 1e-6;
inline constexpr double GIMBAL_TOL_FLOAT64 = 1e-12;

/**
 * Below this norm a rotation vector or a quaternion's vector part counts as the identity
 * rotation (its axis is then reported as +z), and divisions by norms are guarded by it.
 */
inline constexpr double MIN_DENOMINATOR = 1e-12;

}  // namespace ivy::mech
