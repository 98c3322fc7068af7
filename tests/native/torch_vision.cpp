// ivy::vision on at::Tensor (vision/native.hpp): native arguments give native results equal to
// the ivy::Array path's, checked against a pinhole projection written with LibTorch's own
// functions, and errors still name the function and torch.
#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include <string>
#include <type_traits>

#include "ivy/torch.hpp"
#include "ivy/vision.hpp"

namespace {

namespace vision = ivy::vision;

// K for fx = 50, fy = 40, principal point (3.5, 2.5); a camera at (0.4, -1.2, 2) turned 0.3
// about y.
at::Tensor calib() {
  return at::tensor({50.0, 0.0, 3.5, 0.0, 40.0, 2.5, 0.0, 0.0, 1.0}, at::kDouble).view({3, 3});
}
at::Tensor rotation() {
  const double c = std::cos(0.3), s = std::sin(0.3);
  return at::tensor({c, 0.0, s, 0.0, 1.0, 0.0, -s, 0.0, c}, at::kDouble).view({3, 3});
}
at::Tensor centre() { return at::tensor({0.4, -1.2, 2.0}, at::kDouble).view({3, 1}); }

TEST(TorchVision, NativeArgumentsGiveTensorsEqualToTheArrayPath) {
  const at::Tensor ext = vision::rot_mat_and_cam_center_to_ext_mat(rotation(), centre());
  static_assert(std::is_same_v<std::remove_const_t<decltype(ext)>, at::Tensor>);
  const at::Tensor full = vision::calib_and_ext_to_full_mat(calib(), ext);
  const at::Tensor world = at::tensor({1.0, 0.5, 6.0, -0.7, 0.2, 4.0}, at::kDouble).view({2, 3});
  const at::Tensor ds = vision::world_to_ds_pixel_coords(world, full);
  // LibTorch by hand: K R (X - c).
  const at::Tensor want = at::matmul(calib(), at::matmul(rotation(), world.t() - centre())).t();
  EXPECT_TRUE(at::allclose(ds, want, 1e-10, 1e-12));
  const ivy::Array via_array = vision::world_to_ds_pixel_coords(
      ivy::from_native(world),
      vision::calib_and_ext_to_full_mat(ivy::from_native(calib()), ivy::from_native(ext)));
  EXPECT_TRUE(at::allclose(ds, ivy::native_traits<at::Tensor>::from_array(via_array)));
  // A braced image size and a container argument pass through.
  const vision::Intrinsics in = vision::calib_mat_to_intrinsics_object(calib(), {5, 8});
  const vision::CameraGeometry cam = vision::ext_mat_and_intrinsics_to_cam_geometry_object(ext, in);
  const at::Tensor depth = at::full({5, 8, 1}, 3.0, at::kDouble);
  const at::Tensor back = vision::world_to_ds_pixel_coords(
      vision::depth_to_world_coords(
          depth, ivy::native_traits<at::Tensor>::from_array(cam.inv_full_mats_homo)),
      full);
  EXPECT_TRUE(at::allclose(back.narrow(-1, 2, 1), depth, 1e-9, 1e-9));
}

TEST(TorchVision, ErrorsNameTheFunctionAndTorch) {
  try {
    vision::cam_to_ds_pixel_coords(at::zeros({4, 3}), at::zeros({3, 4}));
    ADD_FAILURE() << "no ShapeError";
  } catch (const ivy::ShapeError& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("ivy::vision::cam_to_ds_pixel_coords [torch]"), std::string::npos) << msg;
  }
}

}  // namespace
