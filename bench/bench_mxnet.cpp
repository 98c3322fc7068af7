// Overhead of ivy's call paths on MXNet: MXNet's C API called directly (native), ivy's overloads
// on ivy::mxnet::NDArray (static), and ivy::Array from an explicit backend (explicit) or from the
// scope's backend (erased). The native path is what a C API user writes: the operator's handle
// looked up once (NNGetOpHandle), then per call MXImperativeInvoke with string parameters,
// MXNDArrayWaitToRead on the output (ivy waits on every output too) and MXNDArrayFree when the
// result goes. It calls the operators ivy's backend calls where ivy needs one (sin, _npi_exp,
// _npi_add, _npi_multiply, _npi_maximum, _np_sum, _npi_mean, _npi_matmul, Cast, _np_reshape).
// MXNet may run kernels on OpenMP or engine threads, so the times are the CPU time of the whole
// process. The cases are in bench_cases.hpp, the results in docs/benchmarks.md.
//
// Beside the cases, "engine cost" rows time MXNet's own cost of one operator on 1 and 100
// elements, against ivy's call of the same function. ivy selects the NaiveEngine (synchronous)
// unless MXNET_ENGINE_TYPE is set; run_benchmarks.py runs those rows a second time under
// MXNET_ENGINE_TYPE=ThreadedEnginePerDevice (MXNet's default) for comparison.
//
// This program must not link MXNet, nor include its headers: its library exports protobuf
// symbols that clash with LibTorch's, and its headers bundle a dlpack.h that shadows Debian's
// (src/backends/mxnet/mx_api.hpp). ivy loads the library with local binding; the few C functions
// used here are declared below and looked up in that already-loaded copy.
#include <dlfcn.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "bench_cases.hpp"
#include "ivy/mxnet.hpp"

namespace {

using ivy::mxnet::NDArray;
using NDArrayHandle = void*;
using OpHandle = void*;

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "ivy_bench_mxnet: %s\n", what.c_str());
  std::exit(1);
}

// The C functions this program calls, with the signatures of MXNet 1.9.1's c_api.h.
struct CApi {
  const char* (*MXGetLastError)() = nullptr;
  int (*MXNDArrayCreateEx)(const std::uint32_t*, std::uint32_t, int, int, int, int,
                           NDArrayHandle*) = nullptr;
  int (*MXNDArraySyncCopyFromCPU)(NDArrayHandle, const void*, std::size_t) = nullptr;
  int (*MXNDArrayWaitToRead)(NDArrayHandle) = nullptr;
  int (*MXNDArrayFree)(NDArrayHandle) = nullptr;
  int (*NNGetOpHandle)(const char*, OpHandle*) = nullptr;
  int (*MXImperativeInvoke)(OpHandle, int, NDArrayHandle*, int*, NDArrayHandle**, int, const char**,
                            const char**) = nullptr;
};

template <class F>
void load_symbol(void* lib, const char* name, F& out) {
  void* s = dlsym(lib, name);
  if (!s) fail(std::string("symbol ") + name + " missing from MXNet's library");
  out = reinterpret_cast<F>(s);
}

CApi load() {
  // ivy loads MXNet on the backend's first use (and selects the NaiveEngine unless the
  // environment names another): one array is enough.
  (void)ivy::zeros({1}, ivy::backend("mxnet"));
  // The copy ivy loaded (the same path choice as src/backends/mxnet/mx_api.cpp); NOLOAD fails
  // rather than load a second one.
  const char* env = std::getenv("IVY_MXNET_LIBRARY");
  const std::string path = env && *env ? env : IVY_MXNET_LIBRARY;
  void* lib = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_NOLOAD);
  if (!lib) fail("MXNet's library " + path + " is not loaded: " + dlerror());
  CApi a;
  load_symbol(lib, "MXGetLastError", a.MXGetLastError);
  load_symbol(lib, "MXNDArrayCreateEx", a.MXNDArrayCreateEx);
  load_symbol(lib, "MXNDArraySyncCopyFromCPU", a.MXNDArraySyncCopyFromCPU);
  load_symbol(lib, "MXNDArrayWaitToRead", a.MXNDArrayWaitToRead);
  load_symbol(lib, "MXNDArrayFree", a.MXNDArrayFree);
  load_symbol(lib, "NNGetOpHandle", a.NNGetOpHandle);
  load_symbol(lib, "MXImperativeInvoke", a.MXImperativeInvoke);
  return a;
}

const CApi& c() {
  static const CApi api = load();
  return api;
}

// A C API user checks the return code of every call.
void check(int rc, const char* what) {
  if (rc != 0) fail(std::string(what) + ": " + c().MXGetLastError());
}

/** The native result: a C API user's handle, freed with MXNDArrayFree when it goes (no shared
 *  ownership, unlike ivy::mxnet::NDArray). */
class Owned {
 public:
  explicit Owned(NDArrayHandle h) : h_(h) {}
  Owned(Owned&& o) noexcept : h_(std::exchange(o.h_, nullptr)) {}
  Owned& operator=(Owned&&) = delete;
  ~Owned() {
    if (h_) c().MXNDArrayFree(h_);
  }
  /** Hands the handle to ivy (for the agreement check). */
  NDArray to_ivy() && { return NDArray::adopt(std::exchange(h_, nullptr)); }

 private:
  NDArrayHandle h_;
};

OpHandle op_handle(const char* name) {
  OpHandle h = nullptr;
  check(c().NNGetOpHandle(name, &h), name);
  return h;
}

/** The operators of the native path, looked up once. */
struct Ops {
  OpHandle sin = op_handle("sin"), exp = op_handle("_npi_exp"), add = op_handle("_npi_add"),
           multiply = op_handle("_npi_multiply"), maximum = op_handle("_npi_maximum"),
           sum = op_handle("_np_sum"), mean = op_handle("_npi_mean"),
           matmul = op_handle("_npi_matmul"), cast = op_handle("Cast"),
           reshape = op_handle("_np_reshape");
};

const Ops& ops() {
  static const Ops o;
  return o;
}

/** One operator call with one output: invoke, wait until computed, own the result. */
Owned invoke(OpHandle op, std::initializer_list<NDArrayHandle> inputs,
             std::initializer_list<const char*> keys = {},
             std::initializer_list<const char*> values = {}) {
  NDArrayHandle in[2];
  if (inputs.size() > 2) fail("invoke takes at most two inputs");
  int n_in = 0;
  for (NDArrayHandle h : inputs) in[n_in++] = h;
  int n_out = 0;
  NDArrayHandle* out = nullptr;  // MXNet allocates the output
  check(c().MXImperativeInvoke(op, n_in, in, &n_out, &out, static_cast<int>(keys.size()),
                               const_cast<const char**>(keys.begin()),
                               const_cast<const char**>(values.begin())),
        "MXImperativeInvoke");
  Owned r(out[0]);
  check(c().MXNDArrayWaitToRead(out[0]), "MXNDArrayWaitToRead");
  return r;
}

struct MXNetEngine {
  using Native = NDArray;
  static constexpr const char* name = "mxnet";
  // MXNet may run kernels on OpenMP threads and, under a threaded engine, on engine threads while
  // the caller waits: timed by the CPU time of the whole process.
  static constexpr bool threaded = true;

  static NDArray make(const std::vector<float>& v, const ivy::Shape& shape) {
    std::vector<std::uint32_t> dims(shape.begin(), shape.end());
    NDArrayHandle h = nullptr;
    // cpu (device type 1), device 0, allocated now, float32 (dtype code 0)
    check(
        c().MXNDArrayCreateEx(dims.data(), static_cast<std::uint32_t>(dims.size()), 1, 0, 0, 0, &h),
        "MXNDArrayCreateEx");
    NDArray a = NDArray::adopt(h);
    check(c().MXNDArraySyncCopyFromCPU(h, v.data(), v.size()), "MXNDArraySyncCopyFromCPU");
    return a;
  }
  static Owned sin(const NDArray& x) { return invoke(ops().sin, {x.handle()}); }
  static Owned exp(const NDArray& x) { return invoke(ops().exp, {x.handle()}); }
  static Owned add(const NDArray& x, const NDArray& y) {
    return invoke(ops().add, {x.handle(), y.handle()});
  }
  static Owned multiply(const NDArray& x, const NDArray& y) {
    return invoke(ops().multiply, {x.handle(), y.handle()});
  }
  static Owned maximum(const NDArray& x, const NDArray& y) {
    return invoke(ops().maximum, {x.handle(), y.handle()});
  }
  static Owned sum(const NDArray& x) { return invoke(ops().sum, {x.handle()}); }  // all axes
  static Owned mean0(const NDArray& x) { return invoke(ops().mean, {x.handle()}, {"axis"}, {"0"}); }
  static Owned matmul(const NDArray& x, const NDArray& y) {
    return invoke(ops().matmul, {x.handle(), y.handle()});
  }
  static Owned same_cast(const NDArray& x) {
    return invoke(ops().cast, {x.handle()}, {"dtype"}, {"float32"});
  }
  static Owned same_reshape(const NDArray& x, const ivy::Shape& s) {
    // The parameter string is built once, as a C API user would for a fixed shape (the cases
    // always pass the same one).
    static const ivy::Shape built = s;
    static const std::string newshape = [&] {
      std::string t = "(";
      for (const std::int64_t d : s) t += std::to_string(d) + ",";
      return t + ")";
    }();
    if (s != built) fail("same_reshape called with another shape");
    return invoke(ops().reshape, {x.handle()}, {"newshape"}, {newshape.c_str()});
  }
  static NDArray framework_cast(const NDArray& x) { return ivy::mxnet::cast(x, ivy::float32); }
  static void force(const auto&) {}  // every path waits for its result before returning
};

/**
 * MXNet's own cost of one operator: `invoke` is the native path (MXImperativeInvoke,
 * MXNDArrayWaitToRead, MXNDArrayFree), `ivy_erased` is ivy::add / ivy::sin on ivy::Array. The
 * engine is the one MXNet was loaded with (NaiveEngine unless MXNET_ENGINE_TYPE says otherwise).
 */
void register_engine_cost() {
  using E = MXNetEngine;
  for (const std::int64_t n : {std::int64_t{1}, std::int64_t{100}}) {
    const ivy_bench::Inputs<NDArray>& in = ivy_bench::inputs<E>(n, false);
    ivy_bench::add_forced<E>(ivy_bench::name(E::name, "engine_add", "invoke", n),
                             [&in] { return E::add(in.a, in.b); });
    ivy_bench::add_forced<E>(ivy_bench::name(E::name, "engine_add", "ivy_erased", n),
                             [&in] { return ivy::add(in.erased_a, in.erased_b); });
    ivy_bench::add_forced<E>(ivy_bench::name(E::name, "engine_sin", "invoke", n),
                             [&in] { return E::sin(in.a); });
    ivy_bench::add_forced<E>(ivy_bench::name(E::name, "engine_sin", "ivy_erased", n),
                             [&in] { return ivy::sin(in.erased_a); });
  }
}

/** Largest |native - ivy| of one case; the program stops when the paths disagree. */
void agree(const char* what, Owned native, const ivy::Array& unified) {
  const std::vector<float> a = ivy::from_native(std::move(native).to_ivy()).to_vector<float>();
  const std::vector<float> b = unified.to_vector<float>();
  if (a.size() != b.size()) fail(std::string(what) + ": sizes differ");
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::abs(a[i] - b[i]) > 1e-4f * (1 + std::abs(a[i])))
      fail(std::string(what) + ": native and ivy differ at element " + std::to_string(i));
}

/** The native calls compute what ivy computes (100 elements, erased path). */
void check_native_path() {
  using E = MXNetEngine;
  const ivy_bench::Inputs<NDArray>& v = ivy_bench::inputs<E>(100, false);
  const ivy_bench::Inputs<NDArray>& m = ivy_bench::inputs<E>(100, true);
  agree("sin", E::sin(v.a), ivy::sin(v.erased_a));
  agree("exp", E::exp(v.a), ivy::exp(v.erased_a));
  agree("add", E::add(v.a, v.b), ivy::add(v.erased_a, v.erased_b));
  agree("multiply", E::multiply(v.a, v.b), ivy::multiply(v.erased_a, v.erased_b));
  agree("maximum", E::maximum(v.a, v.b), ivy::maximum(v.erased_a, v.erased_b));
  agree("sum", E::sum(v.a), ivy::sum(v.erased_a));
  agree("mean", E::mean0(m.a), ivy::mean(m.erased_a, ivy::Axes(0)));
  agree("matmul", E::matmul(m.a, m.b), ivy::matmul(m.erased_a, m.erased_b));
  agree("cast", E::same_cast(m.a), ivy::cast(m.erased_a, ivy::float32));
  agree("reshape", E::same_reshape(m.a, {10, 10}), ivy::reshape(m.erased_a, {10, 10}));
}

}  // namespace

int main(int argc, char** argv) {
  c();  // loads MXNet (through ivy) before anything is timed
  // Which engine ran, for run_benchmarks.py (ivy's choice unless the environment made one).
  const char* engine = std::getenv("MXNET_ENGINE_TYPE");
  benchmark::AddCustomContext("mxnet_engine", engine ? engine : "unknown");
  check_native_path();
  register_engine_cost();
  return ivy_bench::run_all<MXNetEngine>(argc, argv);
}
