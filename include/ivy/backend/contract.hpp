#pragma once
/// The backend contract: what an engine provides so that every unified function runs on it.
/// A backend fills one Backend table; families it lacks stay null and the unified functions
/// then throw UnsupportedError. Arguments reaching a backend are already checked and
/// normalised by core (axes in range and sorted, dtypes promoted, shapes broadcastable,
/// indices in range), so backends contain no argument validation.
#include <span>
#include <string_view>

#include "ivy/backend/autodiff_kernels.hpp"
#include "ivy/backend/compile_kernels.hpp"
#include "ivy/backend/creation_kernels.hpp"
#include "ivy/backend/elementwise_kernels.hpp"
#include "ivy/backend/indexing_kernels.hpp"
#include "ivy/backend/linalg_kernels.hpp"
#include "ivy/backend/manipulation_kernels.hpp"
#include "ivy/backend/nn_kernels.hpp"
#include "ivy/backend/random_kernels.hpp"
#include "ivy/backend/reduction_kernels.hpp"
#include "ivy/core/array.hpp"

struct DLManagedTensor;

namespace ivy {

/** A (function, dtype) combination a backend declares it does not support, and why. */
struct UnsupportedCell {
  std::string_view function;
  DType dtype;
  std::string_view reason;
};

struct Backend {
  std::string_view name;

  // The native handle lives inside Array (Array::kHandleSize bytes).
  void (*copy_handle)(void* dst, const void* src) = nullptr;
  /** Move-constructs dst from src, then destroys src. */
  void (*move_handle)(void* dst, void* src) = nullptr;
  void (*destroy_handle)(void* handle) = nullptr;

  DType (*dtype)(const Array& x) = nullptr;
  Shape (*shape)(const Array& x) = nullptr;
  // Optional fast queries that do not allocate; core falls back to shape() when null.
  int (*ndim)(const Array& x) = nullptr;
  bool (*same_shape)(const Array& a, const Array& b) = nullptr;
  Device (*device)(const Array& x) = nullptr;
  /** nullptr when the dtype is supported, else why not. */
  const char* (*dtype_unsupported)(DType d) = nullptr;
  /**
   * The one table of the (function, dtype) cells this backend does not support beyond whole
   * dtypes: ivy::supports() answers from it and the conformance suite holds the backend to it
   * (an UnsupportedError from a cell not listed fails, as does a listed cell that works).
   */
  std::span<const UnsupportedCell> unsupported_cells{};

  /** Copies row-major host data of dtype d into a new array. */
  Array (*from_host)(const void* data, const Shape& shape, DType d, const Device& device) = nullptr;
  /** Writes the elements, row-major, in the array's own dtype, to dst. */
  void (*to_host)(const Array& x, void* dst) = nullptr;
  /** A DLPack capsule sharing x's memory (the consumer calls its deleter). */
  DLManagedTensor* (*to_dlpack)(const Array& x) = nullptr;
  /** Takes ownership of t, sharing its memory where possible. */
  Array (*from_dlpack)(DLManagedTensor* t) = nullptr;
  Array (*to_device)(const Array& x, const Device& d) = nullptr;
  /** Lazy backends only: computes x now (eager backends leave it null). */
  void (*eval)(const Array& x) = nullptr;

  const CreationKernels* creation = nullptr;
  const ElementwiseKernels* elementwise = nullptr;
  const ReductionKernels* reduction = nullptr;
  const ManipulationKernels* manipulation = nullptr;
  const IndexingKernels* indexing = nullptr;
  const LinalgKernels* linalg = nullptr;
  const RandomKernels* random = nullptr;
  const NNKernels* nn = nullptr;
  /** Optional: the engine's own autodiff (else gradients come from ivy's tape). */
  const AutodiffKernels* autodiff = nullptr;
  /** Optional: the engine's function compiler (else ivy::compile_fn runs f uncompiled). */
  const CompileKernels* compile = nullptr;
};

}  // namespace ivy
