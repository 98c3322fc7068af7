#pragma once
// Every backend names its table entries alike (copy_handle, dtype, ..., creation_kernels()),
// so one macro fills a Backend from the backend's own namespace.
#include "ivy/backend/contract.hpp"

// Declares, in a backend's namespace, the accessor of each kernel family it defines.
#define IVY_DECLARE_KERNEL_FAMILIES()                \
  const CreationKernels& creation_kernels();         \
  const ElementwiseKernels& elementwise_kernels();   \
  const ReductionKernels& reduction_kernels();       \
  const ManipulationKernels& manipulation_kernels(); \
  const IndexingKernels& indexing_kernels();         \
  const LinalgKernels& linalg_kernels();             \
  const RandomKernels& random_kernels();             \
  const NNKernels& nn_kernels()

#define IVY_FILL_BACKEND_TABLE(b, backend_name) \
  do {                                          \
    (b).name = backend_name;                    \
    (b).copy_handle = copy_handle;              \
    (b).move_handle = move_handle;              \
    (b).destroy_handle = destroy_handle;        \
    (b).dtype = dtype;                          \
    (b).shape = shape;                          \
    (b).ndim = ndim;                            \
    (b).same_shape = same_shape;                \
    (b).device = device;                        \
    (b).dtype_unsupported = dtype_unsupported;  \
    (b).from_host = from_host;                  \
    (b).to_host = to_host;                      \
    (b).to_dlpack = to_dlpack;                  \
    (b).from_dlpack = from_dlpack;              \
    (b).to_device = to_device;                  \
    (b).creation = &creation_kernels();         \
    (b).elementwise = &elementwise_kernels();   \
    (b).reduction = &reduction_kernels();       \
    (b).manipulation = &manipulation_kernels(); \
    (b).indexing = &indexing_kernels();         \
    (b).linalg = &linalg_kernels();             \
    (b).random = &random_kernels();             \
    (b).nn = &nn_kernels();                     \
  } while (false)
