#pragma once
// How the torch backend holds an at::Tensor inside ivy::Array, maps dtypes, and turns LibTorch
// errors into ivy errors.
#include <ATen/ATen.h>

#include <new>
#include <string_view>

#include "backends/backend_table.hpp"
#include "ivy/backend/contract.hpp"
#include "ivy/core/errors.hpp"

namespace ivy::backends::torch_impl {

static_assert(sizeof(at::Tensor) <= Array::kHandleSize, "at::Tensor must fit inline in Array");

const Backend& backend();

inline const at::Tensor& tensor(const Array& x) {
  return *std::launder(reinterpret_cast<const at::Tensor*>(x.handle()));
}

inline Array wrap(at::Tensor t) {
  Array a = Array::make_uninitialized(backend());
  new (a.handle()) at::Tensor(std::move(t));
  return a;
}

at::ScalarType to_torch(DType d);
DType from_torch(at::ScalarType t);
c10::Scalar to_torch_scalar(const Scalar& s, DType d);
at::TensorOptions options(DType d, const Device& device);

/** The ivy error of a LibTorch error (docs/semantics.md, "Errors"), naming fn. */
[[noreturn]] void raise_from_torch(std::string_view fn, const c10::Error& e);

/**
 * Runs f, turning a LibTorch error into the ivy::Error subclass that says what happened
 * (IndexError, ValueError, DTypeError, MemoryError; UnsupportedError only for what LibTorch
 * does not implement), naming fn.
 */
template <class F>
auto guarded(std::string_view fn, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const c10::Error& e) {
    raise_from_torch(fn, e);
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    // LibTorch reports some bad values (a scalar that overflows a dtype) as plain exceptions.
    detail::raise<ValueError>(fn, "torch", e.what());
  }
}

/**
 * LibTorch 1.13's CPU kernels lack float16 and bfloat16 for matmul, einsum, cumsum and prod:
 * those compute in float32 and round back, as NumPy does for float16 (semantics.md).
 */
inline bool is_half_on_cpu(const at::Tensor& t) {
  return (t.scalar_type() == at::kHalf || t.scalar_type() == at::kBFloat16) && t.device().is_cpu();
}
inline at::Tensor widened(const at::Tensor& t) { return is_half_on_cpu(t) ? t.to(at::kFloat) : t; }
/** r, computed from widened inputs, back in the inputs' half type (integer results stay). */
inline at::Tensor narrowed(const at::Tensor& r, const at::Tensor& like) {
  return is_half_on_cpu(like) && r.scalar_type() == at::kFloat ? r.to(like.scalar_type()) : r;
}

IVY_DECLARE_KERNEL_FAMILIES();
const AutodiffKernels& autodiff_kernels();
const CompileKernels& compile_kernels();

}  // namespace ivy::backends::torch_impl
