#pragma once
/// MXNet interop: ivy's unified functions on ivy::mxnet::NDArray (a shared reference to an MXNet
/// NDArrayHandle), in two spellings.
///
///   ivy::mxnet::NDArray a = ivy::mxnet::clip(t, 0.2, 0.8);   // framework-specific
///   ivy::mxnet::NDArray b = ivy::clip(t, 0.2, 0.8);          // backend inferred from the type
///   ivy::mxnet::NDArray z = ivy::zeros<ivy::MXNet>({3});     // static backend tag
///
/// Needs a library built with the mxnet backend (ivy loads MXNet's C library itself).
#include <new>

#include "ivy/mxnet_ndarray.hpp"
#include "ivy/native.hpp"

namespace ivy {

namespace detail {
const Backend& mxnet_backend_table();
[[noreturn]] void empty_mxnet_array_error();
[[noreturn]] void not_an_mxnet_array_error(const Array& a);
}  // namespace detail

template <>
struct native_traits<mxnet::NDArray> {
  static constexpr std::string_view backend = "mxnet";
  static Array to_array(const mxnet::NDArray& t) {
    if (!t) detail::empty_mxnet_array_error();
    Array a = Array::make_uninitialized(detail::mxnet_backend_table());
    new (a.handle()) mxnet::NDArray(t);
    return a;
  }
  static mxnet::NDArray from_array(const Array& a) { return *array_of(a); }
  static mxnet::NDArray from_array(Array&& a) { return std::move(*array_of(a)); }

 private:
  static mxnet::NDArray* array_of(const Array& a) {
    if (a.backend_ptr() != &detail::mxnet_backend_table()) detail::not_an_mxnet_array_error(a);
    return std::launder(reinterpret_cast<mxnet::NDArray*>(const_cast<void*>(a.handle())));
  }
};

/** Static backend tag of MXNet. */
struct MXNet {
  using native = mxnet::NDArray;
  static constexpr std::string_view name = "mxnet";
};

inline Array from_native(const mxnet::NDArray& t) {
  return native_traits<mxnet::NDArray>::to_array(t);
}

namespace mxnet {
#define IVY_STAMP(name, differentiable) IVY_NATIVE_OVERLOAD_FOR(::ivy::mxnet::NDArray, name)
IVY_FUNCTIONS(IVY_STAMP)
#undef IVY_STAMP
IVY_TAGGED_CREATION(inline, ::ivy::MXNet, ::ivy::mxnet::NDArray)
}  // namespace mxnet

}  // namespace ivy
