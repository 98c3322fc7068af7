#include "backends/xla/pjrt.hpp"

#include <dlfcn.h>

#include <cstdlib>
#include <list>
#include <mutex>
#include <unordered_map>

#include "backends/xla/disk_cache.hpp"
#include "ivy/core/errors.hpp"

namespace ivy::backends::xla_impl {
namespace {

[[noreturn]] void load_error(const std::string& what) {
  detail::raise<BackendError>("load", "xla", what);
}

// The message of e, which is freed; its code through *code.
std::string take_message(const PJRT_Api& a, PJRT_Error* e, PJRT_Error_Code* code) {
  auto m = args<PJRT_Error_Message_Args>();
  m.error = e;
  a.PJRT_Error_Message(&m);
  std::string message(m.message, m.message_size);
  auto c = args<PJRT_Error_GetCode_Args>();
  c.error = e;
  a.PJRT_Error_GetCode(&c);
  *code = c.code;
  auto d = args<PJRT_Error_Destroy_Args>();
  d.error = e;
  a.PJRT_Error_Destroy(&d);
  return message;
}

const PJRT_Api* load() {
  // The plugin logs its client options on stderr unless told not to.
  setenv("TF_CPP_MIN_LOG_LEVEL", "1", 0);
  const char* env = std::getenv("IVY_XLA_PLUGIN");
  const std::string path = env && *env ? env : IVY_XLA_PLUGIN;
  void* lib = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!lib)
    load_error("cannot load XLA's PJRT plugin " + path + ": " + dlerror() +
               " (set IVY_XLA_PLUGIN to xla_cpu_pjrt.so of the xla-cpu-pjrt wheel)");
  auto get = reinterpret_cast<const PJRT_Api* (*)()>(dlsym(lib, "GetPjrtApi"));
  if (!get) load_error(path + " has no GetPjrtApi: not a PJRT plugin");
  const PJRT_Api* a = get();
  if (!a || a->pjrt_api_version.major_version != PJRT_API_MAJOR ||
      a->pjrt_api_version.minor_version < PJRT_API_MINOR)
    load_error(path + " implements another PJRT C API version than " +
               std::to_string(PJRT_API_MAJOR) + "." + std::to_string(PJRT_API_MINOR));
  auto init = args<PJRT_Plugin_Initialize_Args>();
  if (PJRT_Error* e = a->PJRT_Plugin_Initialize(&init)) {
    PJRT_Error_Code code;
    load_error("PJRT_Plugin_Initialize failed: " + take_message(*a, e, &code));
  }
  return a;
}

struct Client {
  PJRT_Client* client = nullptr;
  PJRT_Device* device = nullptr;
};

// One device: ivy runs one kernel at a time per call, and the one-device client has fewer
// threads and slightly faster calls than the default four (FINDINGS.md section 2).
Client make_client() {
  const PJRT_Api& a = api();
  PJRT_NamedValue one = args<PJRT_NamedValue>();
  one.name = "cpu_device_count";
  one.name_size = std::strlen(one.name);
  one.type = PJRT_NamedValue_kInt64;
  one.int64_value = 1;
  one.value_size = 1;
  auto c = args<PJRT_Client_Create_Args>();
  c.create_options = &one;
  c.num_options = 1;
  check(a.PJRT_Client_Create(&c), "load");
  auto d = args<PJRT_Client_AddressableDevices_Args>();
  d.client = c.client;
  check(a.PJRT_Client_AddressableDevices(&d), "load");
  if (d.num_addressable_devices < 1) load_error("the XLA CPU client has no device");
  return Client{c.client, d.addressable_devices[0]};
}

const Client& the_client() {
  static const Client c = make_client();
  return c;
}

std::string varint(std::uint64_t v) {
  std::string s;
  for (; v >= 0x80; v >>= 7) s.push_back(static_cast<char>(0x80 | (v & 0x7f)));
  s.push_back(static_cast<char>(v));
  return s;
}
std::string field(int number, std::uint64_t v) {
  return varint(static_cast<std::uint64_t>(number) << 3) + varint(v);
}
std::string field(int number, const std::string& bytes) {
  return varint((static_cast<std::uint64_t>(number) << 3) | 2) + varint(bytes.size()) + bytes;
}
// One entry of CompileOptionsProto.env_option_overrides (map<string, OptionOverrideProto>):
// OptionOverrideProto holds a bool in field 2 and an int64 in field 3.
std::string override_bool(const std::string& name, bool v) {
  return field(7, field(1, name) + field(2, field(2, v ? 1 : 0)));
}
std::string override_int(const std::string& name, std::int64_t v) {
  return field(7, field(1, name) + field(2, field(3, static_cast<std::uint64_t>(v))));
}

// A serialized CompileOptionsProto, written by hand (no protobuf library): one replica and one
// partition (empty options abort the process in a CHECK); NaN-propagating min/max (XLA's fast
// min/max drops a NaN second operand). fast_compile is optimisation level 0 (a quarter less
// compile time for one-operation modules, FINDINGS.md section 4; IVY_XLA_OPT_LEVEL overrides),
// full is XLA's default.
std::string compile_options(Optimisation level) {
  static const std::string common =
      field(3, field(4, 1) + field(5, 1)) + override_bool("xla_cpu_enable_fast_min_max", false);
  static const std::string fast = [] {
    const char* env = std::getenv("IVY_XLA_OPT_LEVEL");
    return common + override_int("xla_backend_optimization_level", env ? std::atoi(env) : 0);
  }();
  return level == Optimisation::fast_compile ? fast : common;
}

// The executable behind a loaded one (PJRT hands out a new reference each time), released once
// use(executable) has run.
template <class Use>
auto with_executable(PJRT_LoadedExecutable* loaded, Use use) {
  const PJRT_Api& a = api();
  auto g = args<PJRT_LoadedExecutable_GetExecutable_Args>();
  g.loaded_executable = loaded;
  check(a.PJRT_LoadedExecutable_GetExecutable(&g), "compile");
  struct Release {
    PJRT_Executable* executable;
    ~Release() {
      auto d = args<PJRT_Executable_Destroy_Args>();
      d.executable = executable;
      api().PJRT_Executable_Destroy(&d);
    }
  } release{g.executable};
  return use(g.executable);
}

std::size_t output_count(PJRT_LoadedExecutable* loaded) {
  return with_executable(loaded, [](PJRT_Executable* e) {
    auto n = args<PJRT_Executable_NumOutputs_Args>();
    n.executable = e;
    check(api().PJRT_Executable_NumOutputs(&n), "compile");
    return n.num_outputs;
  });
}

}  // namespace

const PJRT_Api& api() {
  static const PJRT_Api* loaded = load();
  return *loaded;
}

PJRT_Client* client() { return the_client().client; }
PJRT_Device* device() { return the_client().device; }

void check(PJRT_Error* e, std::string_view fn) {
  if (!e) return;
  PJRT_Error_Code code;
  const std::string message = take_message(api(), e, &code);
  if (code == PJRT_Error_Code_RESOURCE_EXHAUSTED) detail::raise<MemoryError>(fn, "xla", message);
  detail::raise<UnsupportedError>(fn, "xla", message);
}

void await(PJRT_Event* e, std::string_view fn) {
  if (!e) return;
  const PJRT_Api& a = api();
  auto w = args<PJRT_Event_Await_Args>();
  w.event = e;
  PJRT_Error* error = a.PJRT_Event_Await(&w);
  auto d = args<PJRT_Event_Destroy_Args>();
  d.event = e;
  a.PJRT_Event_Destroy(&d);
  check(error, fn);
}

PJRT_Buffer_Type buffer_type(DType d) {
  switch (d) {
    case DType::bool_:
      return PJRT_Buffer_Type_PRED;
    case DType::int8:
      return PJRT_Buffer_Type_S8;
    case DType::int16:
      return PJRT_Buffer_Type_S16;
    case DType::int32:
      return PJRT_Buffer_Type_S32;
    case DType::int64:
      return PJRT_Buffer_Type_S64;
    case DType::uint8:
      return PJRT_Buffer_Type_U8;
    case DType::float16:
      return PJRT_Buffer_Type_F16;
    case DType::bfloat16:
      return PJRT_Buffer_Type_BF16;
    case DType::float32:
      return PJRT_Buffer_Type_F32;
    case DType::float64:
      return PJRT_Buffer_Type_F64;
  }
  return PJRT_Buffer_Type_INVALID;
}

Executable::~Executable() {
  auto d = args<PJRT_LoadedExecutable_Destroy_Args>();
  d.executable = exe_;
  api().PJRT_LoadedExecutable_Destroy(&d);
}

std::vector<PJRT_Buffer*> Executable::run(const std::vector<PJRT_Buffer*>& arguments,
                                          std::string_view fn) const {
  PJRT_Buffer* const* argument_list = arguments.data();
  std::vector<PJRT_Buffer*> outputs(outputs_, nullptr);
  PJRT_Buffer** output_list = outputs.data();
  PJRT_Event* done = nullptr;
  PJRT_ExecuteOptions options = args<PJRT_ExecuteOptions>();
  auto e = args<PJRT_LoadedExecutable_Execute_Args>();
  e.executable = exe_;
  e.options = &options;
  e.argument_lists = &argument_list;
  e.num_devices = 1;
  e.num_args = arguments.size();
  e.output_lists = &output_list;
  e.device_complete_events = &done;
  check(api().PJRT_LoadedExecutable_Execute(&e), fn);
  try {
    await(done, fn);
  } catch (...) {
    for (PJRT_Buffer* b : outputs) destroy(b);
    throw;
  }
  return outputs;
}

std::shared_ptr<const Executable> compile_module(const std::string& module, std::string_view fn,
                                                 Optimisation level) {
  PJRT_Program program = args<PJRT_Program>();
  program.code = const_cast<char*>(module.data());
  program.code_size = module.size();
  program.format = "mlir";
  program.format_size = 4;
  const std::string options = compile_options(level);
  auto c = args<PJRT_Client_Compile_Args>();
  c.client = client();
  c.program = &program;
  c.compile_options = options.data();
  c.compile_options_size = options.size();
  check(api().PJRT_Client_Compile(&c), fn);
  return std::make_shared<const Executable>(c.executable, output_count(c.executable));
}

std::string Executable::serialize() const {
  return with_executable(exe_, [](PJRT_Executable* e) {
    auto z = args<PJRT_Executable_Serialize_Args>();
    z.executable = e;
    check(api().PJRT_Executable_Serialize(&z), "compile");
    std::string bytes(z.serialized_bytes, z.serialized_bytes_size);
    z.serialized_executable_deleter(z.serialized_executable);
    return bytes;
  });
}

std::shared_ptr<const Executable> Executable::deserialize(const std::string& bytes,
                                                          std::string_view fn) {
  auto l = args<PJRT_Executable_DeserializeAndLoad_Args>();
  l.client = client();
  l.serialized_executable = bytes.data();
  l.serialized_executable_size = bytes.size();
  check(api().PJRT_Executable_DeserializeAndLoad(&l), fn);
  return std::make_shared<const Executable>(l.loaded_executable, output_count(l.loaded_executable));
}

namespace {

// The kernels compiled in this process, the least recently used dropped beyond a bound: each
// loaded executable holds about 60 KB (the conformance suite's 12,000 kernels: 860 MB), and a
// program whose shapes keep changing would otherwise grow without end. IVY_XLA_KERNEL_CACHE sets
// the bound (default 4096); dropped kernels come back from the disk cache or a compile.
class KernelCache {
 public:
  std::shared_ptr<const Executable> find(const std::string& key) {
    const std::lock_guard lock(mutex_);
    const auto it = entries_.find(key);
    if (it == entries_.end()) return nullptr;
    order_.splice(order_.begin(), order_, it->second.second);
    return it->second.first;
  }
  std::shared_ptr<const Executable> insert(const std::string& key,
                                           std::shared_ptr<const Executable> exe) {
    const std::lock_guard lock(mutex_);
    const auto [it, added] = entries_.try_emplace(key, std::move(exe), order_.end());
    if (!added) return it->second.first;  // another thread compiled it first
    order_.push_front(&it->first);
    it->second.second = order_.begin();
    if (entries_.size() > capacity_) {
      entries_.erase(*order_.back());
      order_.pop_back();
    }
    return it->second.first;
  }

 private:
  static std::size_t capacity() {
    const char* env = std::getenv("IVY_XLA_KERNEL_CACHE");
    const long n = env ? std::atol(env) : 0;
    return n > 0 ? static_cast<std::size_t>(n) : 4096;
  }
  std::mutex mutex_;
  std::size_t capacity_ = capacity();
  std::list<const std::string*> order_;  // keys, most recently used first
  std::unordered_map<std::string, std::pair<std::shared_ptr<const Executable>,
                                            std::list<const std::string*>::iterator>>
      entries_;
};

}  // namespace

std::shared_ptr<const Executable> compiled(const std::string& module, std::string_view fn,
                                           Optimisation level) {
  // Keyed by the module text alone, so a hit (every call but the first) copies no text: a
  // kernel's level follows from the sizes its text names (hlo.cpp), so one text has one level.
  static KernelCache cache;
  if (std::shared_ptr<const Executable> exe = cache.find(module)) return exe;
  // Compiled outside the lock (tens of milliseconds); two threads may both compile a new text,
  // and the first to finish is kept.
  const std::string key = compile_options(level) + module;  // the disk cache's key
  std::shared_ptr<const Executable> exe = disk_cache_load(key, fn);
  if (!exe) {
    exe = compile_module(module, fn, level);
    disk_cache_store(key, *exe);
  }
  return cache.insert(module, std::move(exe));
}

PJRT_Buffer* upload(const void* data, DType d, const Shape& shape, std::string_view fn) {
  auto u = args<PJRT_Client_BufferFromHostBuffer_Args>();
  u.client = client();
  u.data = data;
  u.type = buffer_type(d);
  u.dims = shape.data();
  u.num_dims = shape.size();
  u.host_buffer_semantics = PJRT_HostBufferSemantics_kImmutableOnlyDuringCall;
  u.device = device();
  check(api().PJRT_Client_BufferFromHostBuffer(&u), fn);
  await(u.done_with_host_buffer, fn);
  return u.buffer;
}

void* host_pointer(PJRT_Buffer* b) {
  auto p = args<PJRT_Buffer_UnsafePointer_Args>();
  p.buffer = b;
  check(api().PJRT_Buffer_UnsafePointer(&p), "to_host");
  return reinterpret_cast<void*>(p.buffer_pointer);
}

void destroy(PJRT_Buffer* b) noexcept {
  if (!b) return;
  auto d = args<PJRT_Buffer_Destroy_Args>();
  d.buffer = b;
  api().PJRT_Buffer_Destroy(&d);
}

}  // namespace ivy::backends::xla_impl
