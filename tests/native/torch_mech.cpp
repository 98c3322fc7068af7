// ivy::mech on at::Tensor: the same templates with the backend fixed at compile time, checked
// against the ivy::Array path and against rotations written with LibTorch's own functions.
#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include <cmath>
#include <type_traits>

#include "ivy/torch.hpp"
// After the engine header, so the templates see the at::Tensor overloads.
#include "ivy/mech.hpp"

namespace {

at::Tensor euler_batch() {
  return at::linspace(-2.5, 2.5, 2 * 3 * 3, at::kDouble).reshape({2, 3, 3});
}

TEST(TorchMech, TemplatesReturnTensorsEqualToTheArrayPath) {
  const at::Tensor e = euler_batch();
  const auto m = ivy::mech::euler_to_rot_mat(e, "xzy");
  static_assert(std::is_same_v<std::remove_const_t<decltype(m)>, at::Tensor>);
  const ivy::Array via_array = ivy::mech::euler_to_rot_mat(ivy::from_native(e), "xzy");
  EXPECT_TRUE(at::allclose(m, ivy::native_traits<at::Tensor>::from_array(via_array)));
  EXPECT_EQ(m.sizes(), (std::vector<int64_t>{2, 3, 3, 3}));
  const at::Tensor q = ivy::mech::rot_mat_to_quaternion(m);
  const at::Tensor back = ivy::mech::quaternion_to_rot_mat(q);
  EXPECT_TRUE(at::allclose(back, m, 1e-10, 1e-12));
  const at::Tensor aa = ivy::mech::quaternion_to_axis_angle(q);
  EXPECT_TRUE(at::allclose(ivy::mech::axis_angle_to_rot_mat(aa), m, 1e-10, 1e-12));
  const at::Tensor eye = at::eye(3, at::kDouble).expand({2, 3, 3, 3});
  EXPECT_TRUE(at::allclose(at::matmul(m, m.transpose(-1, -2)), eye, 1e-10, 1e-12));
}

TEST(TorchMech, EulerMatchesLibTorchElementaryRotations) {
  const double a = 0.3, b = -1.1, c = 2.0;
  const auto rx = [](double t) {
    return at::tensor(
               {1.0, 0.0, 0.0, 0.0, std::cos(t), -std::sin(t), 0.0, std::sin(t), std::cos(t)},
               at::kDouble)
        .reshape({3, 3});
  };
  const auto rz = [](double t) {
    return at::tensor(
               {std::cos(t), -std::sin(t), 0.0, std::sin(t), std::cos(t), 0.0, 0.0, 0.0, 1.0},
               at::kDouble)
        .reshape({3, 3});
  };
  // zxz: R = Rz(c) Rx(b) Rz(a).
  const at::Tensor want = at::matmul(rz(c), at::matmul(rx(b), rz(a)));
  const at::Tensor got = ivy::mech::euler_to_rot_mat(at::tensor({a, b, c}, at::kDouble), "zxz");
  EXPECT_TRUE(at::allclose(got, want, 1e-12, 1e-12));
  const at::Tensor angles = ivy::mech::rot_mat_to_euler(got, "zxz");
  EXPECT_TRUE(at::allclose(angles, at::tensor({a, std::abs(b), c}, at::kDouble), 1e-10, 1e-10) ||
              at::allclose(ivy::mech::euler_to_rot_mat(angles, "zxz"), want, 1e-10, 1e-12));
}

TEST(TorchMech, ErrorsNameTheFunctionAndTorch) {
  try {
    ivy::mech::quaternion_to_rot_mat(at::zeros({2, 3}));
    ADD_FAILURE() << "no ShapeError";
  } catch (const ivy::ShapeError& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("ivy::mech::quaternion_to_rot_mat [torch]"), std::string::npos) << msg;
  }
  EXPECT_THROW(ivy::mech::euler_to_quaternion(at::zeros({3}), "xy"), ivy::ValueError);
}

}  // namespace
