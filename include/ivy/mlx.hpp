#pragma once
/// MLX interop: ivy's unified functions on mlx::core::array, in two spellings.
///
///   mx::array a = ivy::mlx::clip(t, 0.2, 0.8);   // framework-specific
///   mx::array b = ivy::clip(t, 0.2, 0.8);        // backend inferred from the type
///   mx::array z = ivy::zeros<ivy::Mlx>({3});     // creation with a static backend tag
///   ivy::Array x = ivy::from_native(t);          // into the type-erased API, no copy
///
/// MLX is lazy: results are graphs until something reads them (mx::eval, ivy::eval, item,
/// printing). Needs a library built with the mlx backend; link MLX yourself.
#include <mlx/array.h>

#include <new>

#include "ivy/native.hpp"

namespace ivy {

namespace detail {
/** The mlx backend's table (exported by the library). */
const Backend& mlx_backend_table();
[[noreturn]] void not_an_mlx_array_error(const Array& a);
}  // namespace detail

// Inline so that the static path costs a refcount increment, not a library call.
template <>
struct native_traits<::mlx::core::array> {
  static constexpr std::string_view backend = "mlx";
  /** Shares the array (no copy, no evaluation). */
  static Array to_array(const ::mlx::core::array& t) {
    Array a = Array::make_uninitialized(detail::mlx_backend_table());
    new (a.handle())::mlx::core::array(t);
    return a;
  }
  /** The mlx array of an mlx Array (shared); BackendError for an Array of another backend. */
  static ::mlx::core::array from_array(const Array& a) { return *array_of(a); }
  static ::mlx::core::array from_array(Array&& a) { return std::move(*array_of(a)); }

 private:
  static ::mlx::core::array* array_of(const Array& a) {
    if (a.backend_ptr() != &detail::mlx_backend_table()) detail::not_an_mlx_array_error(a);
    return std::launder(reinterpret_cast<::mlx::core::array*>(const_cast<void*>(a.handle())));
  }
};

/** Static backend tag of MLX. */
struct Mlx {
  using native = ::mlx::core::array;
  static constexpr std::string_view name = "mlx";
};

inline Array from_native(const ::mlx::core::array& t) {
  return native_traits<::mlx::core::array>::to_array(t);
}

namespace mlx {
#define IVY_STAMP(name, differentiable) IVY_NATIVE_OVERLOAD_FOR(::mlx::core::array, name)
IVY_FUNCTIONS(IVY_STAMP)
#undef IVY_STAMP
IVY_TAGGED_CREATION(inline, ::ivy::Mlx, ::mlx::core::array)
}  // namespace mlx

}  // namespace ivy
