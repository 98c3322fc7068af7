#include "backends/tensorflow/tf_api.hpp"

#include <dlfcn.h>

#include <cstdlib>
#include <string>

#include "ivy/core/errors.hpp"

namespace ivy::backends::tensorflow_impl {
namespace {

// AddressSanitizer refuses RTLD_DEEPBIND (google/sanitizers#611); a sanitized build has no
// LibTorch, so no second protobuf, and plain local binding is enough there.
#if defined(__SANITIZE_ADDRESS__)
constexpr int kOpenMode = RTLD_NOW | RTLD_LOCAL;
#else
constexpr int kOpenMode = RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND;
#endif

[[noreturn]] void load_error(const std::string& what) {
  detail::raise<BackendError>("load", "tensorflow", what);
}

std::string library_path() {
  if (const char* env = std::getenv("IVY_TENSORFLOW_LIBRARY"); env && *env) return env;
  return IVY_TENSORFLOW_LIBRARY;
}

template <class F>
void load_symbol(void* lib, const char* name, F& out) {
  void* s = dlsym(lib, name);
  if (!s) load_error(std::string("symbol ") + name + " missing from TensorFlow's library");
  out = reinterpret_cast<F>(s);
}

Api load() {
  // TensorFlow logs its start-up (CPU feature notices) to stderr unless told not to. Its oneDNN
  // kernels are off by default here: they change results with the thread count (TensorFlow's
  // own notice says so), and ivy's backends are checked to agree. A user's own settings win.
  setenv("TF_CPP_MIN_LOG_LEVEL", "3", 0);
  setenv("TF_ENABLE_ONEDNN_OPTS", "0", 0);
  const std::string path = library_path();
  void* lib = dlopen(path.c_str(), kOpenMode);
  if (!lib)
    load_error(
        "cannot load TensorFlow's C library " + path + ": " + dlerror() +
        " (set IVY_TENSORFLOW_LIBRARY to libtensorflow_cc.so.2 of the tensorflow-cpu wheel)");
  Api a;
#define IVY_TF_LOAD(name) load_symbol(lib, #name, a.name);
  IVY_TF_C_FUNCTIONS(IVY_TF_LOAD)
#undef IVY_TF_LOAD
  load_symbol(lib, "TFE_NewTensorHandle", a.TFE_NewTensorHandle);
  load_symbol(lib, "_ZN10tensorflow18TFE_HandleToDLPackEP16TFE_TensorHandleP10TSL_Status",
              a.HandleToDLPack);
  load_symbol(lib, "_ZN10tensorflow20TFE_HandleFromDLPackEPvP10TSL_StatusP11TFE_Context",
              a.HandleFromDLPack);
  TF_Status* status = a.TF_NewStatus();
  TFE_ContextOptions* options = a.TFE_NewContextOptions();
  a.context = a.TFE_NewContext(options, status);
  a.TFE_DeleteContextOptions(options);
  const bool ok = a.TF_GetCode(status) == TF_OK;
  const std::string message = ok ? "" : a.TF_Message(status);
  a.TF_DeleteStatus(status);
  if (!ok) load_error("TFE_NewContext failed: " + message);
  return a;
}

}  // namespace

const Api& api() {
  static const Api loaded = load();
  return loaded;
}

}  // namespace ivy::backends::tensorflow_impl
