#pragma once
/// LibTorch interop: ivy's unified functions on at::Tensor (torch::Tensor), in two spellings.
///
///   at::Tensor a = ivy::torch::clip(t, 0.2, 0.8);   // framework-specific
///   at::Tensor b = ivy::clip(t, 0.2, 0.8);          // backend inferred from the type at compile
///   time at::Tensor z = ivy::zeros<ivy::Torch>({3});     // creation with a static backend tag
///   ivy::Array x = ivy::from_native(t);             // into the type-erased API, no copy
///
/// Needs a library built with the torch backend; link LibTorch yourself.
#include <ATen/core/Tensor.h>

#include <new>

#include "ivy/native.hpp"

namespace ivy {

namespace detail {
/** The torch backend's table (exported by the library). */
const Backend& torch_backend_table();
[[noreturn]] void undefined_tensor_error();
[[noreturn]] void not_a_tensor_error(const Array& a);
}  // namespace detail

// Inline so that the static path costs a refcount increment, not a library call.
template <>
struct native_traits<at::Tensor> {
  static constexpr std::string_view backend = "torch";
  /** Shares the tensor (no copy). */
  static Array to_array(const at::Tensor& t) {
    if (!t.defined()) detail::undefined_tensor_error();
    Array a = Array::make_uninitialized(detail::torch_backend_table());
    new (a.handle()) at::Tensor(t);
    return a;
  }
  /** The tensor of a torch Array (shared); BackendError for an Array of another backend. */
  static at::Tensor from_array(const Array& a) { return *tensor_of(a); }
  static at::Tensor from_array(Array&& a) { return std::move(*tensor_of(a)); }

 private:
  static at::Tensor* tensor_of(const Array& a) {
    if (a.backend_ptr() != &detail::torch_backend_table()) detail::not_a_tensor_error(a);
    return std::launder(reinterpret_cast<at::Tensor*>(const_cast<void*>(a.handle())));
  }
};

/** Static backend tag of LibTorch. */
struct Torch {
  using native = at::Tensor;
  static constexpr std::string_view name = "torch";
};

inline Array from_native(const at::Tensor& t) { return native_traits<at::Tensor>::to_array(t); }

namespace torch {
#define IVY_STAMP(name, differentiable) IVY_NATIVE_OVERLOAD_FOR(at::Tensor, name)
IVY_FUNCTIONS(IVY_STAMP)
#undef IVY_STAMP
IVY_TAGGED_CREATION(inline, ::ivy::Torch, at::Tensor)
}  // namespace torch

}  // namespace ivy
