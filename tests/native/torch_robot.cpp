// ivy::robot on at::Tensor (robot/native.hpp and RigidMobile's method overload): native
// arguments give native results, checked against LibTorch by hand (R p + t; a spline of affine
// values, which it reproduces), with LibTorch's autograd flowing through to the anchor values.
// The manipulators' methods too: tensor angles give tensors equal to the ivy::Array path's,
// and a two-link planar arm's end lands where LibTorch's own cos and sin put it.
#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include <type_traits>

#include "ivy/robot.hpp"
#include "ivy/torch.hpp"

namespace {

namespace robot = ivy::robot;

TEST(TorchRobot, SplineAndBodyOnTensors) {
  const at::Tensor anchors = at::linspace(0, 1, 5, at::kDouble).view({5, 1});
  const at::Tensor vals = (anchors * 2.0 - 0.5).repeat({1, 3});
  const at::Tensor samples = at::tensor({0.1, 0.37, 0.9}, at::kDouble).view({3, 1});
  const at::Tensor path = robot::sample_spline_path(anchors, vals, samples);
  static_assert(std::is_same_v<std::remove_const_t<decltype(path)>, at::Tensor>);
  EXPECT_TRUE(at::allclose(path, (samples * 2.0 - 0.5).repeat({1, 3}), 1e-9, 1e-9));

  const at::Tensor body = at::tensor({0.0, 0.0, 0.0, 0.15, 0.0, -0.15}, at::kDouble).view({2, 3});
  const robot::RigidMobile drone(ivy::from_native(body));
  const at::Tensor r =
      at::tensor({0.0, -1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0}, at::kDouble).view({3, 3});
  const at::Tensor t = at::tensor({1.0, 2.0, 3.0}, at::kDouble).view({3, 1});
  const at::Tensor placed = drone.sample_body(at::cat({r, t}, 1));
  static_assert(std::is_same_v<std::remove_const_t<decltype(placed)>, at::Tensor>);
  EXPECT_TRUE(at::allclose(placed, at::matmul(body, r.t()) + t.t()));
}

TEST(TorchRobot, AutogradReachesTheAnchorValues) {
  const at::Tensor anchors = at::linspace(0, 1, 4, at::kDouble).view({4, 1});
  at::Tensor vals = at::tensor({0.0, 1.0, -1.0, 2.0}, at::kDouble).view({4, 1}).requires_grad_();
  // Sampled at the anchors the path is the values, so d sum(path) / d vals = 1.
  robot::sample_spline_path(anchors, vals, anchors).sum().backward();
  EXPECT_TRUE(at::allclose(vals.grad(), at::ones({4, 1}, at::kDouble), 1e-7, 1e-7));
}

TEST(TorchRobot, ManipulatorMethodsTakeAndReturnTensors) {
  const robot::Manipulator planar(robot::DHParameters{{0.7, 0.4}, {0, 0}, {0, 0}, {1, 1}, {0, 0}},
                                  std::nullopt,
                                  ivy::Options(ivy::float64).on(ivy::backend("torch")));
  const at::Tensor q = at::tensor({0.3, -0.8, 1.1, 0.2}, at::kDouble).view({2, 2});
  const at::Tensor poses = planar.compute_link_poses(q, 2);
  static_assert(std::is_same_v<std::remove_const_t<decltype(poses)>, at::Tensor>);
  ASSERT_EQ(poses.sizes(), (at::IntArrayRef{2, 3, 6}));
  const at::Tensor t1 = q.select(1, 0), t12 = q.sum(1);
  const at::Tensor x = 0.7 * at::cos(t1) + 0.4 * at::cos(t12);
  const at::Tensor y = 0.7 * at::sin(t1) + 0.4 * at::sin(t12);
  EXPECT_TRUE(at::allclose(poses.select(1, 2).select(1, 0), x, 1e-12, 1e-12));
  EXPECT_TRUE(at::allclose(poses.select(1, 2).select(1, 1), y, 1e-12, 1e-12));

  const robot::MicoManipulator mico;
  const at::Tensor angles = at::linspace(-1.0, 2.0, 6, at::kDouble);
  const at::Tensor samples = mico.sample_links(angles);
  const at::Tensor mats = mico.compute_link_matrices(angles, 3);
  EXPECT_TRUE(at::allclose(samples, ivy::native_traits<at::Tensor>::from_array(
                                        mico.sample_links(ivy::from_native(angles)))));
  EXPECT_TRUE(at::allclose(mats, ivy::native_traits<at::Tensor>::from_array(
                                     mico.compute_link_matrices(ivy::from_native(angles), 3))));
  EXPECT_EQ(samples.size(0), mico.num_link_samples());
}

}  // namespace
