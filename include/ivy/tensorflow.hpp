#pragma once
/// TensorFlow interop: ivy's unified functions on ivy::tensorflow::Tensor (a shared reference to
/// a TensorFlow eager tensor, TFE_TensorHandle), in two spellings.
///
///   ivy::tensorflow::Tensor a = ivy::tensorflow::clip(t, 0.2, 0.8);  // framework-specific
///   ivy::tensorflow::Tensor b = ivy::clip(t, 0.2, 0.8);     // backend inferred from the type
///   ivy::tensorflow::Tensor z = ivy::zeros<ivy::TensorFlow>({3});  // static backend tag
///   ivy::Array x = ivy::from_native(t);                     // into the type-erased API, no copy
///
/// Needs a library built with the tensorflow backend. ivy loads TensorFlow's C library itself
/// (docs/tensorflow.md): a handle made with the C API must come from the context
/// ivy::tensorflow::context() returns.
#include <new>

#include "ivy/native.hpp"
#include "ivy/tensorflow_tensor.hpp"

namespace ivy {

namespace detail {
/** The tensorflow backend's table (exported by the library). */
const Backend& tensorflow_backend_table();
[[noreturn]] void empty_tensorflow_tensor_error();
[[noreturn]] void not_a_tensorflow_tensor_error(const Array& a);
}  // namespace detail

template <>
struct native_traits<tensorflow::Tensor> {
  static constexpr std::string_view backend = "tensorflow";
  /** Shares the tensor (no copy). */
  static Array to_array(const tensorflow::Tensor& t) {
    if (!t) detail::empty_tensorflow_tensor_error();
    Array a = Array::make_uninitialized(detail::tensorflow_backend_table());
    new (a.handle()) tensorflow::Tensor(t);
    return a;
  }
  /** The tensor of a tensorflow Array (shared); BackendError for an Array of another backend. */
  static tensorflow::Tensor from_array(const Array& a) { return *tensor_of(a); }
  static tensorflow::Tensor from_array(Array&& a) { return std::move(*tensor_of(a)); }

 private:
  static tensorflow::Tensor* tensor_of(const Array& a) {
    if (a.backend_ptr() != &detail::tensorflow_backend_table())
      detail::not_a_tensorflow_tensor_error(a);
    return std::launder(reinterpret_cast<tensorflow::Tensor*>(const_cast<void*>(a.handle())));
  }
};

/** Static backend tag of TensorFlow. */
struct TensorFlow {
  using native = tensorflow::Tensor;
  static constexpr std::string_view name = "tensorflow";
};

inline Array from_native(const tensorflow::Tensor& t) {
  return native_traits<tensorflow::Tensor>::to_array(t);
}

namespace tensorflow {
#define IVY_STAMP(name, differentiable) IVY_NATIVE_OVERLOAD_FOR(::ivy::tensorflow::Tensor, name)
IVY_FUNCTIONS(IVY_STAMP)
#undef IVY_STAMP
IVY_TAGGED_CREATION(inline, ::ivy::TensorFlow, ::ivy::tensorflow::Tensor)
}  // namespace tensorflow

}  // namespace ivy
