#pragma once
// MXNet's C API, reached through dlopen. MXNet's library carries its own protobuf (636 exported
// symbols), the clash that makes TensorFlow crash beside LibTorch (docs/tensorflow.md), so it is
// loaded the same way: on first use, with local, deep binding, never linked. Its C API is plain C
// over void* handles; the function types are declared here rather than taken from its headers
// (whose bundled dlpack.h would shadow Debian's).
#include <cstddef>
#include <cstdint>

namespace ivy::backends::mxnet_impl {

using NDArrayHandle = void*;
using OpHandle = void*;

struct Api {
  const char* (*MXGetLastError)() = nullptr;
  int (*MXNDArrayCreateEx)(const std::uint32_t*, std::uint32_t, int, int, int, int,
                           NDArrayHandle*) = nullptr;
  int (*MXNDArrayFree)(NDArrayHandle) = nullptr;
  int (*MXNDArraySyncCopyFromCPU)(NDArrayHandle, const void*, std::size_t) = nullptr;
  int (*MXNDArraySyncCopyToCPU)(NDArrayHandle, void*, std::size_t) = nullptr;
  int (*MXNDArrayWaitToRead)(NDArrayHandle) = nullptr;
  int (*MXNDArrayGetShapeEx)(NDArrayHandle, int*, const int**) = nullptr;
  int (*MXNDArrayGetDType)(NDArrayHandle, int*) = nullptr;
  int (*MXNDArrayGetData)(NDArrayHandle, void**) = nullptr;
  int (*NNGetOpHandle)(const char*, OpHandle*) = nullptr;
  int (*MXImperativeInvoke)(OpHandle, int, NDArrayHandle*, int*, NDArrayHandle**, int, const char**,
                            const char**) = nullptr;
  int (*MXNDArrayToDLPack)(NDArrayHandle, void**) = nullptr;
  int (*MXNDArrayFromDLPackEx)(void*, bool, NDArrayHandle*) = nullptr;
  int (*MXRandomSeed)(int) = nullptr;
  int (*MXSetIsNumpyShape)(int, int*) = nullptr;
};

/**
 * The loaded API; the first call loads MXNet (IVY_MXNET_LIBRARY, else the one found at build)
 * with MXNET_ENGINE_TYPE=NaiveEngine unless the environment says otherwise. BackendError naming
 * what failed when the library or a symbol is missing.
 */
const Api& api();

}  // namespace ivy::backends::mxnet_impl
