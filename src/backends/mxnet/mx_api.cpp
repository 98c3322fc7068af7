#include "backends/mxnet/mx_api.hpp"

#include <dlfcn.h>

#include <cstdlib>
#include <string>

#include "ivy/core/errors.hpp"

namespace ivy::backends::mxnet_impl {
namespace {

// Local binding keeps MXNet's symbols (its protobuf among them) out of everyone else's lookups.
// Not RTLD_DEEPBIND as for TensorFlow: with it, MXNet's logging wrote through libstdc++'s own
// std::cerr, which a program's copy relocation leaves uninitialised (SIGSEGV in the demos).
// MXNet's own lookups may reach the process's libraries first; it does not use its protobuf in
// the calls ivy makes, and it ran beside LibTorch's protobuf in every test binary.
constexpr int kOpenMode = RTLD_NOW | RTLD_LOCAL;

[[noreturn]] void load_error(const std::string& what) {
  detail::raise<BackendError>("load", "mxnet", what);
}

template <class F>
void load_symbol(void* lib, const char* name, F& out) {
  void* s = dlsym(lib, name);
  if (!s) load_error(std::string("symbol ") + name + " missing from MXNet's library");
  out = reinterpret_cast<F>(s);
}

Api load() {
  // The synchronous engine: 2.6 us per small op against 37-46 us for the threaded one
  // (scripts/mxnet_probe/FINDINGS.md), and errors are raised by the call that causes them.
  setenv("MXNET_ENGINE_TYPE", "NaiveEngine", 0);
  const char* env = std::getenv("IVY_MXNET_LIBRARY");
  const std::string path = env && *env ? env : IVY_MXNET_LIBRARY;
  void* lib = dlopen(path.c_str(), kOpenMode);
  if (!lib)
    load_error("cannot load MXNet's C library " + path + ": " + dlerror() +
               " (set IVY_MXNET_LIBRARY to libmxnet.so of the mxnet wheel)");
  Api a;
#define IVY_MX_LOAD(name) load_symbol(lib, #name, a.name);
  IVY_MX_LOAD(MXGetLastError)
  IVY_MX_LOAD(MXNDArrayCreateEx)
  IVY_MX_LOAD(MXNDArrayFree)
  IVY_MX_LOAD(MXNDArraySyncCopyFromCPU)
  IVY_MX_LOAD(MXNDArraySyncCopyToCPU)
  IVY_MX_LOAD(MXNDArrayWaitToRead)
  IVY_MX_LOAD(MXNDArrayGetShapeEx)
  IVY_MX_LOAD(MXNDArrayGetDType)
  IVY_MX_LOAD(MXNDArrayGetData)
  IVY_MX_LOAD(NNGetOpHandle)
  IVY_MX_LOAD(MXImperativeInvoke)
  IVY_MX_LOAD(MXNDArrayToDLPack)
  IVY_MX_LOAD(MXNDArrayFromDLPackEx)
  IVY_MX_LOAD(MXRandomSeed)
  IVY_MX_LOAD(MXSetIsNumpyShape)
  IVY_MX_LOAD(MXNDArrayDetach)
  IVY_MX_LOAD(MXAutogradSetIsRecording)
  IVY_MX_LOAD(MXAutogradMarkVariables)
  IVY_MX_LOAD(MXAutogradBackwardEx)
  IVY_MX_LOAD(MXAutogradGetSymbol)
  IVY_MX_LOAD(MXCustomFunctionRecord)
  IVY_MX_LOAD(MXSymbolCreateAtomicSymbol)
  IVY_MX_LOAD(MXSymbolGetAtomicSymbolInfo)
  IVY_MX_LOAD(MXSymbolCreateVariable)
  IVY_MX_LOAD(MXSymbolCompose)
  IVY_MX_LOAD(MXSymbolGetOutput)
  IVY_MX_LOAD(MXSymbolCreateGroup)
  IVY_MX_LOAD(MXSymbolListArguments)
  IVY_MX_LOAD(MXSymbolFree)
  IVY_MX_LOAD(MXCreateCachedOpEx)
  IVY_MX_LOAD(MXInvokeCachedOp)
  IVY_MX_LOAD(MXFreeCachedOp)
#undef IVY_MX_LOAD
  // NumPy's shape semantics, for every thread: without them a 0-d array means "shape unknown"
  // and zero-size dimensions are not allowed.
  int previous = 0;
  if (a.MXSetIsNumpyShape(2, &previous) != 0)
    load_error(std::string("MXSetIsNumpyShape failed: ") + a.MXGetLastError());
  return a;
}

}  // namespace

const Api& api() {
  static const Api loaded = load();
  return loaded;
}

}  // namespace ivy::backends::mxnet_impl
