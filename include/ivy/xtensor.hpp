#pragma once
/// xtensor interop: ivy's unified functions on xt::xarray<T>, in two spellings.
///
///   xt::xarray<float> a = ivy::xtensor::clip(x, 0.2, 0.8);  // framework-specific
///   xt::xarray<float> b = ivy::clip(x, 0.2, 0.8);           // backend inferred from the type
///
/// xt::xarray owns its buffer, so each call copies its inputs in and its result out; keep
/// ivy::Array (backend "xtensor") for chains of calls. Results come back in the element type of
/// the first native argument.
#include <xtensor/xarray.hpp>

#include "ivy/backend/contract.hpp"
#include "ivy/native.hpp"

namespace ivy {

template <Element T>
struct native_traits<xt::xarray<T>> {
  static constexpr std::string_view backend = "xtensor";
  static Array to_array(const xt::xarray<T>& x) {
    // xt::xarray is row-major and contiguous, so its buffer is copied as it is.
    const Shape shape(x.shape().begin(), x.shape().end());
    return from_buffer(x.data(), shape, dtype_of_v<T>, ivy::backend("xtensor"));
  }
  static xt::xarray<T> from_array(const Array& a) {
    const Array c = cast(a, dtype_of_v<T>);
    const Shape s = c.shape();
    auto out = xt::xarray<T>::from_shape(std::vector<std::size_t>(s.begin(), s.end()));
    if (out.size() > 0) c.backend().to_host(c, out.data());
    return out;
  }
};

/** Static backend tag of xtensor (creation returns float32 data as xt::xarray<float>). */
struct Xtensor {
  using native = xt::xarray<float>;
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
IVY_TAGGED_CREATION(inline, ::ivy::Xtensor, xt::xarray<float>)
}  // namespace xtensor

}  // namespace ivy
