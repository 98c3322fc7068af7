#pragma once
// XLA through the PJRT C API of the CPU plugin (the PyPI wheel xla-cpu-pjrt): loading it, one
// client with one device, errors, events, compilation (cached by module text) and execution.
// The plugin exports three symbols and imports only glibc and libstdc++, so it is loaded with
// local binding and nothing clashes (scripts/xla_probe/FINDINGS.md).
#include <pjrt_c_api.h>

#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ivy/core/dtype.hpp"
#include "ivy/core/shape.hpp"

namespace ivy::backends::xla_impl {

/**
 * The plugin's API; the first call loads it (IVY_XLA_PLUGIN, else the one found at build) with
 * TF_CPP_MIN_LOG_LEVEL=1 unless the environment says otherwise. BackendError naming what failed
 * when the plugin or its entry point is missing or too old.
 */
const PJRT_Api& api();
/** The process's client (cpu_device_count=1) and its device. */
PJRT_Client* client();
PJRT_Device* device();

/** A zeroed argument struct of the C API with its struct_size set. */
template <class T>
T args() {
  T a;
  std::memset(&a, 0, sizeof a);
  a.struct_size = sizeof a;
  return a;
}

/** Nothing when e is null; else frees e and raises ivy's error for its code, naming fn:
 *  MemoryError for RESOURCE_EXHAUSTED, UnsupportedError otherwise. */
void check(PJRT_Error* e, std::string_view fn);
/** Waits for e (if any) and destroys it; its error is raised as check does. */
void await(PJRT_Event* e, std::string_view fn);

/** PJRT's element type of d. */
PJRT_Buffer_Type buffer_type(DType d);

/** A compiled module: one loaded executable. */
class Executable {
 public:
  Executable(PJRT_LoadedExecutable* e, std::size_t outputs) : exe_(e), outputs_(outputs) {}
  Executable(const Executable&) = delete;
  Executable& operator=(const Executable&) = delete;
  ~Executable();
  /** Its serialized form (PJRT_Executable_Serialize), for the disk cache. */
  std::string serialize() const;
  /** An executable loaded from serialize()'s bytes. */
  static std::shared_ptr<const Executable> deserialize(const std::string& bytes,
                                                       std::string_view fn);
  /** Runs it on argument buffers and waits until its outputs are complete. */
  std::vector<PJRT_Buffer*> run(const std::vector<PJRT_Buffer*>& arguments,
                                std::string_view fn) const;

 private:
  PJRT_LoadedExecutable* exe_;
  std::size_t outputs_;
};

/** How much XLA optimises: little for kernels on small arrays (compile time dominates), fully
 *  for kernels on large arrays (hlo.cpp) and whole functions (compile_fn). */
enum class Optimisation { fast_compile, full };

/** A StableHLO module (MLIR text) compiled. */
std::shared_ptr<const Executable> compile_module(const std::string& module, std::string_view fn,
                                                 Optimisation level);
/**
 * The executable of a kernel's module at level (always the same level for one text), compiled
 * once per text and process. With
 * IVY_XLA_CACHE_DIR set, compiled kernels are also kept there (serialized, about 1 ms to load
 * against 15 ms to compile) and shared between processes.
 */
std::shared_ptr<const Executable> compiled(const std::string& module, std::string_view fn,
                                           Optimisation level);

/** A buffer holding a copy of n bytes of host data (row-major) of this dtype and shape. */
PJRT_Buffer* upload(const void* data, DType d, const Shape& shape, std::string_view fn);
/** Where b's elements are in host memory (the CPU device keeps buffers there). */
void* host_pointer(PJRT_Buffer* b);
void destroy(PJRT_Buffer* b) noexcept;

}  // namespace ivy::backends::xla_impl
