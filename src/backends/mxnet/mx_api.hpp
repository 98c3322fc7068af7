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
/** An operator (nnvm::Op*): also what MXSymbolCreateAtomicSymbol calls a symbol creator. */
using OpHandle = void*;
using SymbolHandle = void*;
using CachedOpHandle = void*;

/** MXNet's MXCallbackList: callbacks and their contexts, indexed by MXNet's enums. */
struct CallbackList {
  int count;
  int (**callbacks)();
  void** contexts;
};

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
  int (*MXNDArrayDetach)(NDArrayHandle, NDArrayHandle*) = nullptr;
  // Autograd (autodiff.cpp); recording is a per-thread state in MXNet.
  int (*MXAutogradSetIsRecording)(int, int*) = nullptr;
  int (*MXAutogradMarkVariables)(std::uint32_t, NDArrayHandle*, std::uint32_t*,
                                 NDArrayHandle*) = nullptr;
  int (*MXAutogradBackwardEx)(std::uint32_t, NDArrayHandle*, NDArrayHandle*, std::uint32_t,
                              NDArrayHandle*, int, int, int, NDArrayHandle**, int**) = nullptr;
  int (*MXAutogradGetSymbol)(NDArrayHandle, SymbolHandle*) = nullptr;
  int (*MXCustomFunctionRecord)(int, NDArrayHandle*, int, NDArrayHandle*, CallbackList*) = nullptr;
  // Symbols and cached ops (compile.cpp).
  int (*MXSymbolCreateAtomicSymbol)(OpHandle, std::uint32_t, const char**, const char**,
                                    SymbolHandle*) = nullptr;
  int (*MXSymbolGetAtomicSymbolInfo)(OpHandle, const char**, const char**, std::uint32_t*,
                                     const char***, const char***, const char***, const char**,
                                     const char**) = nullptr;
  int (*MXSymbolCreateVariable)(const char*, SymbolHandle*) = nullptr;
  int (*MXSymbolCompose)(SymbolHandle, const char*, std::uint32_t, const char**,
                         SymbolHandle*) = nullptr;
  int (*MXSymbolGetOutput)(SymbolHandle, std::uint32_t, SymbolHandle*) = nullptr;
  int (*MXSymbolCreateGroup)(std::uint32_t, SymbolHandle*, SymbolHandle*) = nullptr;
  int (*MXSymbolListArguments)(SymbolHandle, std::uint32_t*, const char***) = nullptr;
  int (*MXSymbolFree)(SymbolHandle) = nullptr;
  int (*MXCreateCachedOpEx)(SymbolHandle, int, const char**, const char**,
                            CachedOpHandle*) = nullptr;
  int (*MXInvokeCachedOp)(CachedOpHandle, int, NDArrayHandle*, int*, NDArrayHandle**) = nullptr;
  int (*MXFreeCachedOp)(CachedOpHandle) = nullptr;
};

/**
 * The loaded API; the first call loads MXNet (IVY_MXNET_LIBRARY, else the one found at build)
 * with MXNET_ENGINE_TYPE=NaiveEngine unless the environment says otherwise. BackendError naming
 * what failed when the library or a symbol is missing.
 */
const Api& api();

}  // namespace ivy::backends::mxnet_impl
