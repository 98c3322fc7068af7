#pragma once
// How the xtensor backend holds its data: an immutable, shared, row-major xt::xarray<T> of the
// array's dtype, behind a shared_ptr stored inline in ivy::Array. Copies of an Array share it;
// every kernel makes a new one.
#include <cstdint>
#include <memory>
#include <new>
#include <string_view>
#include <variant>
#include <xtensor/xarray.hpp>

#include "backends/backend_table.hpp"
#include "ivy/backend/contract.hpp"
#include "ivy/core/errors.hpp"
#include "ivy/core/scalar.hpp"

namespace ivy::backends::xtensor_impl {

using Storage = std::variant<xt::xarray<bool>, xt::xarray<std::int8_t>, xt::xarray<std::int16_t>,
                             xt::xarray<std::int32_t>, xt::xarray<std::int64_t>,
                             xt::xarray<std::uint8_t>, xt::xarray<float>, xt::xarray<double>>;
using Handle = std::shared_ptr<const Storage>;
static_assert(sizeof(Handle) <= Array::kHandleSize, "the handle must fit inline in Array");

const Backend& backend();

inline const Storage& storage(const Array& x) {
  return **std::launder(reinterpret_cast<const Handle*>(x.handle()));
}

template <class T>
const xt::xarray<T>& get(const Array& x) {
  return std::get<xt::xarray<T>>(storage(x));
}

template <class T>
Array wrap(xt::xarray<T>&& a) {
  Array out = Array::make_uninitialized(backend());
  new (out.handle())
      Handle(std::make_shared<const Storage>(std::in_place_type<xt::xarray<T>>, std::move(a)));
  return out;
}

template <class T>
struct Tag {
  using type = T;
};

/** Calls f(Tag<T>{}) with T the element type of dtype d; d must be supported. */
template <class F>
decltype(auto) visit_dtype(DType d, F&& f) {
  switch (d) {
    case DType::bool_:
      return f(Tag<bool>{});
    case DType::int8:
      return f(Tag<std::int8_t>{});
    case DType::int16:
      return f(Tag<std::int16_t>{});
    case DType::int32:
      return f(Tag<std::int32_t>{});
    case DType::int64:
      return f(Tag<std::int64_t>{});
    case DType::uint8:
      return f(Tag<std::uint8_t>{});
    case DType::float32:
      return f(Tag<float>{});
    case DType::float64:
      return f(Tag<double>{});
    case DType::float16:  // xtensor has no half types: the backend declares them unsupported
    case DType::bfloat16:
      break;
  }
  detail::raise<UnsupportedError>("dtype", "xtensor",
                                  "dtype " + std::string(dtype_name(d)) + " is not supported");
}

/** Calls f(arr) with the xt::xarray<T> that x holds. */
template <class F>
decltype(auto) visit(const Array& x, F&& f) {
  return std::visit([&](const auto& arr) -> decltype(auto) { return f(arr); }, storage(x));
}

/** A host scalar converted to element type T (core has checked that it fits). */
template <class T>
T scalar_as(const Scalar& s) {
  if constexpr (std::is_same_v<T, bool>)
    return s.as_bool();
  else if constexpr (std::is_floating_point_v<T>)
    return static_cast<T>(s.as_double());
  else
    return static_cast<T>(s.as_int());
}

template <class T>
inline constexpr bool is_float_v = std::is_floating_point_v<T>;

DType dtype_of_storage(const Storage& s);

IVY_DECLARE_KERNEL_FAMILIES();

}  // namespace ivy::backends::xtensor_impl
