#pragma once
/// xtensor interop: ivy's unified functions on xt::xarray<T>, in two spellings.
///
///   xt::xarray<float> a = ivy::xtensor::clip(x, 0.2, 0.8);  // framework-specific
///   xt::xarray<float> b = ivy::clip(x, 0.2, 0.8);           // backend inferred from the type
///
/// xt::xarray owns its buffer, so each call copies its inputs in; results are XtensorResult,
/// which converts to xt::xarray<U> of the element type you ask for (one copy) and can be passed
/// on to further calls without any copy.
#include <xtensor/xarray.hpp>

#include "ivy/backend/contract.hpp"
#include "ivy/native.hpp"

namespace ivy {

/**
 * The result of an ivy function called on xt::xarray arguments: an ivy::Array of the xtensor
 * backend that converts to xt::xarray<U> of whatever element type the caller asks for (so
 * `xt::xarray<bool> m = ivy::less(x, y)` keeps bools and `xt::xarray<std::int64_t> i =
 * ivy::argmax(x)` keeps indices), and can be passed on to further ivy calls.
 */
class XtensorResult {
 public:
  explicit XtensorResult(Array a) : array_(std::move(a)) {}
  template <Element U>
  operator xt::xarray<U>() const {  // NOLINT(google-explicit-constructor)
    const Array c = cast(array_, dtype_of_v<U>);
    const Shape s = c.shape();
    auto out = xt::xarray<U>::from_shape(std::vector<std::size_t>(s.begin(), s.end()));
    if (out.size() > 0) c.backend().to_host(c, out.data());
    return out;
  }
  const Array& array() const { return array_; }
  DType dtype() const { return array_.dtype(); }

 private:
  Array array_;
};

template <Element T>
struct native_traits<xt::xarray<T>> {
  static constexpr std::string_view backend = "xtensor";
  static Array to_array(const xt::xarray<T>& x) {
    // xt::xarray is row-major and contiguous, so its buffer is copied as it is.
    const Shape shape(x.shape().begin(), x.shape().end());
    return from_buffer(x.data(), shape, dtype_of_v<T>, ivy::backend("xtensor"));
  }
  static XtensorResult from_array(const Array& a) {
    return XtensorResult(to_backend(a, "xtensor"));
  }
};

template <>
struct native_traits<XtensorResult> {
  static constexpr std::string_view backend = "xtensor";
  static Array to_array(const XtensorResult& r) { return r.array(); }
  static XtensorResult from_array(const Array& a) {
    return XtensorResult(to_backend(a, "xtensor"));
  }
};

/** Static backend tag of xtensor. */
struct Xtensor {
  using native = XtensorResult;
  static constexpr std::string_view name = "xtensor";
};

namespace detail {
template <class... Args>
concept XtensorNative =
    AnyNative<Args...> && native_traits<first_native_t<Args...>>::backend == "xtensor";
}  // namespace detail

namespace xtensor {
#define IVY_STAMP(name, differentiable) IVY_NATIVE_OVERLOAD_IF(::ivy::detail::XtensorNative, name)
IVY_FUNCTIONS(IVY_STAMP)
#undef IVY_STAMP
IVY_TAGGED_CREATION(inline, ::ivy::Xtensor, ::ivy::XtensorResult)
}  // namespace xtensor

}  // namespace ivy
