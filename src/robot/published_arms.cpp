// ivy::robot's published arms: the Kinova Mico and the Franka Emika Panda with the DH parameters
// of their manufacturers' documents (the values the original ivy_robot used).
#include <cmath>
#include <numbers>

#include "ivy/robot/manipulator.hpp"

namespace ivy::robot {

namespace {

DHParameters mico_parameters() {
  // Lengths (m): KINOVA MICO Robotic arm user guide, p. 50.
  const double d1 = 0.2755, d2 = 0.29, d3 = 0.1233, d4 = 0.0741, d5 = 0.0741, d6 = 0.16;
  const double e2 = 0.007;
  // The wrist's 60 degree bends: the guide's alternate lengths (p. 53).
  const double pi = std::numbers::pi;
  const double aa = 30 * pi / 180, sa = std::sin(aa), s2a = std::sin(2 * aa);
  const double d4b = d3 + sa / s2a * d4;
  const double d5b = sa / s2a * d4 + sa / s2a * d5;
  const double d6b = sa / s2a * d5 + d6;
  // The classic DH table (p. 55) and the JACO2 joint convention (its advanced specification
  // guide, p. 10): q = theta * scale - offset takes Kinova's angles to DH angles.
  return {{0, d2, 0, 0, 0, 0},
          {d1, 0, -e2, -d4b, -d5b, -d6b},
          {pi / 2, pi, pi / 2, 2 * aa, 2 * aa, pi},
          {-1, 1, 1, 1, 1, 1},
          {0, pi / 2, -pi / 2, 0, pi, -pi / 2}};
}

DHParameters panda_parameters() {
  // Franka's modified-DH table (frankaemika.github.io/docs/control_parameters.html) regrouped
  // into standard DH: each joint takes the next row's a and alpha, and the flange's d = 0.107
  // becomes joint 7's d.
  const double pi = std::numbers::pi;
  return {{0, 0, 0.0825, -0.0825, 0, 0.088, 0},
          {0.333, 0, 0.316, 0, 0.384, 0, 0.107},
          {-pi / 2, pi / 2, pi / 2, -pi / 2, pi / 2, pi / 2, 0},
          {1, 1, 1, 1, 1, 1, 1},
          {0, 0, 0, 0, 0, 0, 0}};
}

}  // namespace

MicoManipulator::MicoManipulator(const std::optional<Array>& base_inv_ext_mat, const Options& opts)
    : Manipulator(mico_parameters(), base_inv_ext_mat, opts) {}

PandaManipulator::PandaManipulator(const std::optional<Array>& base_inv_ext_mat,
                                   const Options& opts)
    : Manipulator(panda_parameters(), base_inv_ext_mat, opts) {}

}  // namespace ivy::robot
