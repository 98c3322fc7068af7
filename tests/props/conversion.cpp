// Conversion and properties that NumPy cannot check: host copies, properties, devices, moves
// between backends and DLPack capsules.
#include <dlpack/dlpack.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "ivy/ivy.hpp"
#include "support/cases.hpp"
#include "support/data_pointer.hpp"
#include "support/support_record.hpp"

IVY_PROPERTY_COVERS(to_vector, ConversionProps, ToVectorConvertsEveryElementType);
IVY_PROPERTY_COVERS(shape, ConversionProps, ShapeNdimDtypeDevice);
IVY_PROPERTY_COVERS(ndim, ConversionProps, ShapeNdimDtypeDevice);
IVY_PROPERTY_COVERS(dtype, ConversionProps, ShapeNdimDtypeDevice);
IVY_PROPERTY_COVERS(device, ConversionProps, ShapeNdimDtypeDevice);
IVY_PROPERTY_COVERS(to_device, ConversionProps, ToDeviceCpuAndBadDevices);
IVY_PROPERTY_COVERS(to_backend, ConversionProps, ToBackendBothWaysBetweenEveryPair);

namespace {

using ivy::testing::backend_under_test;
using ivy::testing::data_pointer;
using ivy::testing::record_support;
using ivy::testing::Support;

const ivy::Backend& holding_backend() { return ivy::backend(backend_under_test()); }

#define IVY_SKIP_ON_STUB()                                                                 \
  if (backend_under_test() == "stub") {                                                    \
    EXPECT_THROW(ivy::zeros({2}, ivy::backend("stub")), ivy::UnsupportedError);            \
    GTEST_SKIP() << "the stub backend holds no arrays (creation throws UnsupportedError)"; \
  }

void record(const char* fn, bool failed) {
  record_support(fn, "-", failed ? Support::failed : Support::ok);
}

// Both backends must be built for the cross-backend tests.
#define IVY_REQUIRE_TORCH_AND_XTENSOR()                           \
  if (!ivy::has_backend("torch") || !ivy::has_backend("xtensor")) \
  GTEST_SKIP() << "to_backend needs both the torch and the xtensor backend in this build"

}  // namespace

TEST(ConversionProps, ToVectorConvertsEveryElementType) {
  IVY_SKIP_ON_STUB();
  const ivy::Backend& b = holding_backend();
  const ivy::Array x = ivy::array({{1.5f, -2.5f, 0.0f}, {3.75f, 100.0f, -0.25f}}, b);
  EXPECT_EQ(ivy::to_vector<float>(x),
            (std::vector<float>{1.5f, -2.5f, 0.0f, 3.75f, 100.0f, -0.25f}));
  EXPECT_EQ(x.to_vector<double>(), (std::vector<double>{1.5, -2.5, 0.0, 3.75, 100.0, -0.25}));
  EXPECT_EQ(x.to_vector<std::int32_t>(), (std::vector<std::int32_t>{1, -2, 0, 3, 100, 0}));
  EXPECT_EQ(x.to_vector<bool>(), (std::vector<bool>{true, true, false, true, true, true}));
  const ivy::Array bits = ivy::array({true, false, true}, b);
  EXPECT_EQ(bits.to_vector<bool>(), (std::vector<bool>{true, false, true}));
  EXPECT_EQ(bits.to_vector<std::uint8_t>(), (std::vector<std::uint8_t>{1, 0, 1}));
  EXPECT_TRUE(ivy::zeros({0, 3}, b).to_vector<float>().empty());
  EXPECT_EQ(ivy::full({}, 7, b).to_vector<std::int64_t>(), std::vector<std::int64_t>{7});
  // Row-major order of a transposed (non-contiguous on torch) array.
  const ivy::Array t = ivy::transpose(x);
  EXPECT_EQ(t.to_vector<float>(), (std::vector<float>{1.5f, 3.75f, -2.5f, 100.0f, 0.0f, -0.25f}));
  record("to_vector", HasFailure());
}

TEST(ConversionProps, ItemReadsTheOneElement) {
  IVY_SKIP_ON_STUB();
  const ivy::Backend& b = holding_backend();
  EXPECT_EQ(ivy::array(2.5, b).item<double>(), 2.5);
  EXPECT_EQ(ivy::array({42}, b).item<std::int64_t>(), 42);
  EXPECT_EQ(ivy::ones({1, 1, 1}, b).item<float>(), 1.0f);
  EXPECT_TRUE(ivy::array(true, b).item<bool>());
  EXPECT_THROW(ivy::zeros({2}, b).item<float>(), ivy::ShapeError);
  EXPECT_THROW(ivy::zeros({0}, b).item<float>(), ivy::ShapeError);
  record("to_vector", HasFailure());
}

TEST(ConversionProps, ShapeNdimDtypeDevice) {
  IVY_SKIP_ON_STUB();
  const ivy::Backend& b = holding_backend();
  // int16 where the backend has it (MXNet has none).
  const ivy::DType small = ivy::supports_dtype(b, ivy::int16) ? ivy::int16 : ivy::int8;
  const ivy::Array x = ivy::zeros({2, 0, 3}, ivy::Options(small).on(b));
  EXPECT_EQ(ivy::shape(x), (ivy::Shape{2, 0, 3}));
  EXPECT_EQ(ivy::ndim(x), 3);
  EXPECT_EQ(ivy::dtype(x), small);
  EXPECT_EQ(ivy::device(x), ivy::Device("cpu"));
  EXPECT_EQ(x.size(), 0);
  const ivy::Array s = ivy::array(1.0f, b);
  EXPECT_EQ(ivy::shape(s), ivy::Shape{});
  EXPECT_EQ(ivy::ndim(s), 0);
  EXPECT_EQ(ivy::dtype(s), ivy::float32);
  EXPECT_EQ(s.size(), 1);
  for (ivy::DType d : ivy::kAllDTypes) {
    try {
      EXPECT_EQ(ivy::dtype(ivy::ones({2}, ivy::Options(d).on(b))), d) << ivy::dtype_name(d);
    } catch (const ivy::UnsupportedError&) {  // only a dtype the backend declares it lacks
      EXPECT_FALSE(ivy::supports_dtype(b, d)) << ivy::dtype_name(d);
    }
  }
  const bool failed = HasFailure();
  for (const char* fn : {"shape", "ndim", "dtype", "device"}) record(fn, failed);
}

TEST(ConversionProps, UndefinedArrayIsAValueError) {
  const ivy::Array none{};
  EXPECT_FALSE(none.defined());
  EXPECT_THROW(ivy::shape(none), ivy::ValueError);
  EXPECT_THROW(ivy::to_device(none, "cpu"), ivy::ValueError);
  EXPECT_THROW(ivy::to_backend(none, "stub"), ivy::ValueError);
  EXPECT_THROW(ivy::cast(none, ivy::float32), ivy::ValueError);
}

TEST(ConversionProps, ToDeviceCpuAndBadDevices) {
  IVY_SKIP_ON_STUB();
  const ivy::Backend& b = holding_backend();
  const ivy::Array x = ivy::arange(6, ivy::Options(ivy::float32).on(b));
  const ivy::Array same = ivy::to_device(x, "cpu");
  EXPECT_EQ(ivy::device(same), ivy::Device("cpu"));
  EXPECT_EQ(data_pointer(same), data_pointer(x)) << "already on cpu: no copy";
  EXPECT_EQ(ivy::to_device(x, ivy::Device("cpu")).to_vector<float>(), x.to_vector<float>());
  for (const char* bad : {"gpu", "cuda", "cuda:-1", "cuda:x", "", "CPU"}) {
    try {
      ivy::to_device(x, bad);
      ADD_FAILURE() << "no error for device '" << bad << "'";
    } catch (const ivy::ValueError& e) {
      const std::string msg = e.what();
      EXPECT_NE(msg.find("ivy::to_device"), std::string::npos) << msg;
      EXPECT_NE(msg.find("[" + std::string(ivy::backend_name(b)) + "]"), std::string::npos) << msg;
      EXPECT_NE(msg.find("'" + std::string(bad) + "'"), std::string::npos) << msg;
    }
  }
  // A device this machine or backend lacks is UnsupportedError; one it has works.
  try {
    const ivy::Array g = ivy::to_device(x, "cuda:0");
    EXPECT_EQ(ivy::device(g), ivy::Device("cuda:0"));
    EXPECT_EQ(ivy::to_device(g, "cpu").to_vector<float>(), x.to_vector<float>());
  } catch (const ivy::UnsupportedError& e) {
    EXPECT_NE(std::string(e.what()).find("ivy::to_device"), std::string::npos) << e.what();
  }
  record("to_device", HasFailure());
}

TEST(ConversionProps, CreationOnAMissingDeviceIsUnsupported) {
  IVY_SKIP_ON_STUB();
  const ivy::Backend& b = holding_backend();
  const ivy::Options on_gpu = ivy::Options(b).to(ivy::Device("cuda:0"));
  try {
    EXPECT_EQ(ivy::device(ivy::zeros({2}, on_gpu)), ivy::Device("cuda:0"));
    EXPECT_EQ(ivy::device(ivy::arange(3, on_gpu)), ivy::Device("cuda:0"));
    EXPECT_EQ(ivy::device(ivy::array({1.0f}, on_gpu)), ivy::Device("cuda:0"));
  } catch (const ivy::UnsupportedError& e) {
    SUCCEED() << e.what();
  }
}

TEST(ConversionProps, DlpackRoundTripSharesMemory) {
  IVY_SKIP_ON_STUB();
  const ivy::Backend& b = holding_backend();
  const ivy::Array x = ivy::reshape(ivy::arange(12, ivy::Options(ivy::float64).on(b)), {3, 4});
  DLManagedTensor* t = ivy::to_dlpack(x);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->dl_tensor.ndim, 2);
  EXPECT_EQ(t->dl_tensor.shape[0], 3);
  EXPECT_EQ(t->dl_tensor.shape[1], 4);
  EXPECT_EQ(t->dl_tensor.dtype.code, kDLFloat);
  EXPECT_EQ(t->dl_tensor.dtype.bits, 64);
  const ivy::Array y = ivy::from_dlpack(t, b);  // takes ownership of t
  EXPECT_EQ(ivy::shape(y), ivy::shape(x));
  EXPECT_EQ(ivy::dtype(y), ivy::float64);
  EXPECT_EQ(y.to_vector<double>(), x.to_vector<double>());
  if (backend_under_test() == "torch") EXPECT_EQ(data_pointer(y), data_pointer(x));
  EXPECT_THROW(ivy::from_dlpack(nullptr, b), ivy::ValueError);
  // Every dtype that DLPack 0.6 names survives the round trip.
  for (ivy::DType d : {ivy::int8, ivy::int16, ivy::int32, ivy::int64, ivy::uint8, ivy::float32}) {
    if (!ivy::supports_dtype(b, d)) continue;  // a dtype the backend declares it lacks
    const ivy::Array z = ivy::arange(0, 5, 1, ivy::Options(d).on(b));
    const ivy::Array back = ivy::from_dlpack(ivy::to_dlpack(z), b);
    EXPECT_EQ(ivy::dtype(back), d) << ivy::dtype_name(d);
    EXPECT_EQ(back.to_vector<double>(), z.to_vector<double>()) << ivy::dtype_name(d);
  }
  // 0-d and zero-size arrays.
  const ivy::Array s = ivy::array(2.5f, b);
  EXPECT_EQ(ivy::from_dlpack(ivy::to_dlpack(s), b).item<float>(), 2.5f);
  const ivy::Array e = ivy::zeros({0, 2}, b);
  EXPECT_EQ(ivy::shape(ivy::from_dlpack(ivy::to_dlpack(e), b)), (ivy::Shape{0, 2}));
}

// The backends of this build that hold arrays (all but the stub).
std::vector<const ivy::Backend*> array_backends() {
  std::vector<const ivy::Backend*> out;
  for (const std::string& name : ivy::available_backends())
    if (name != "stub") out.push_back(&ivy::backend(name));
  return out;
}

TEST(ConversionProps, ToBackendBothWaysBetweenEveryPair) {
  const auto backends = array_backends();
  if (backends.size() < 2) GTEST_SKIP() << "to_backend needs two array backends in this build";
  for (ivy::DType d : {ivy::float32, ivy::float64, ivy::int8, ivy::int16, ivy::int32, ivy::int64,
                       ivy::uint8, ivy::bool_}) {
    for (const ivy::Backend* from : backends) {
      for (const ivy::Backend* to : backends) {
        if (from == to || !ivy::supports_dtype(*from, d) || !ivy::supports_dtype(*to, d)) continue;
        const ivy::Array x = ivy::cast(
            ivy::reshape(ivy::arange(0, 6, 1, ivy::Options(ivy::int64).on(*from)), {2, 3}), d);
        const ivy::Array y = ivy::to_backend(x, ivy::backend_name(*to));
        const std::string route = std::string(ivy::dtype_name(d)) + " from " +
                                  std::string(ivy::backend_name(*from)) + " to " +
                                  std::string(ivy::backend_name(*to));
        EXPECT_EQ(y.backend_name(), ivy::backend_name(*to)) << route;
        EXPECT_EQ(ivy::dtype(y), d) << route;
        EXPECT_EQ(ivy::shape(y), (ivy::Shape{2, 3})) << route;
        EXPECT_EQ(y.to_vector<double>(), x.to_vector<double>()) << route;
      }
    }
  }
  // Same backend: the array itself.
  const ivy::Array x = ivy::ones({3}, *backends[0]);
  EXPECT_EQ(data_pointer(ivy::to_backend(x, *backends[0])), data_pointer(x));
  record("to_backend", HasFailure());
}

TEST(ConversionProps, ToBackendXtensorToTorchIsZeroCopy) {
  IVY_REQUIRE_TORCH_AND_XTENSOR();
  const ivy::Array x = ivy::array({{1.0f, 2.0f}, {3.0f, 4.0f}}, ivy::backend("xtensor"));
  const ivy::Array y = ivy::to_backend(x, "torch");
  EXPECT_EQ(data_pointer(y), data_pointer(x)) << "xtensor -> torch shares memory through DLPack";
  // The torch array keeps the xtensor buffer alive after the xtensor array is gone.
  ivy::Array z;
  {
    const ivy::Array tmp = ivy::array({5, 6, 7}, ivy::backend("xtensor"));
    z = ivy::to_backend(tmp, "torch");
  }
  EXPECT_EQ(z.to_vector<int>(), (std::vector<int>{5, 6, 7}));
  record("to_backend", HasFailure());
}

TEST(ConversionProps, ToBackendLayoutsBetweenEveryPair) {
  const auto backends = array_backends();
  if (backends.size() < 2) GTEST_SKIP() << "to_backend needs two array backends in this build";
  // Non-contiguous, broadcast (zero strides), 0-d and zero-size arrays and views at an offset
  // reach the other backend with their row-major values, and come back unchanged.
  for (const ivy::Backend* from : backends) {
    const ivy::Backend& b = *from;
    const ivy::Array base = ivy::reshape(ivy::arange(6, ivy::Options(ivy::float32).on(b)), {2, 3});
    for (const ivy::Array& x :
         {ivy::transpose(base), ivy::broadcast_to(ivy::array({1.0f, 2.0f, 3.0f}, b), {4, 3}),
          ivy::array(9.0f, b), ivy::zeros({0, 3}, b), ivy::identity(2, {3}, b),
          ivy::slice_ranges(base, {{1, 2, 1}, {1, 3, 1}})}) {
      for (const ivy::Backend* to : backends) {
        if (to == from) continue;
        const ivy::Array y = ivy::to_backend(x, *to);
        EXPECT_EQ(ivy::shape(y), ivy::shape(x));
        EXPECT_EQ(y.to_vector<float>(), x.to_vector<float>())
            << x.to_string() << " to " << y.backend_name();
        EXPECT_EQ(ivy::to_backend(y, b).to_vector<float>(), x.to_vector<float>());
      }
    }
  }
  record("to_backend", HasFailure());
}

TEST(ConversionProps, ToBackendErrors) {
  IVY_REQUIRE_TORCH_AND_XTENSOR();
  const ivy::Array x = ivy::ones({2}, ivy::backend("torch"));
  try {
    ivy::to_backend(x, "nope");
    ADD_FAILURE() << "no error for an unknown backend";
  } catch (const ivy::BackendError& e) {
    EXPECT_NE(std::string(e.what()).find("nope"), std::string::npos) << e.what();
  }
  // xtensor holds no half-precision arrays.
  EXPECT_THROW(ivy::to_backend(ivy::cast(x, ivy::float16), "xtensor"), ivy::UnsupportedError);
  EXPECT_THROW(ivy::to_backend(x, "stub"), ivy::UnsupportedError);
}
