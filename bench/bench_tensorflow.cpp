// Overhead of ivy's call paths on TensorFlow eager: TensorFlow's C API called directly (native),
// ivy's overloads on ivy::tensorflow::Tensor (static), and ivy::Array from an explicit backend
// (explicit) or from the scope's backend (erased). The native path is what a C API user writes:
// per call TFE_NewOp, TFE_OpAddInput, attributes where needed, TFE_Execute, TFE_DeleteOp.
// TensorFlow may run an op's kernel on threads of its own, so the times are the CPU time of the
// whole process (with one intra-op thread, set in main, kernels run on the caller's thread). The
// cases are in bench_cases.hpp, the results in docs/benchmarks.md.
//
// Beside the cases, "eager cost" rows time TensorFlow eager's own per-op cost on 1 and 100
// elements: a new TFE_Op per call against one op reused with TFE_OpReset (what ivy does).
//
// This program must not link TensorFlow: its bundled protobuf clashes with the system one that
// LibTorch (linked through libivy) uses (src/backends/tensorflow/tf_api.hpp). ivy loads the
// library with local binding; the C functions are looked up in that already-loaded copy.
#include <dlfcn.h>
#include <tensorflow/c/c_api.h>
#include <tensorflow/c/eager/c_api.h>
#include <tensorflow/c/eager/c_api_experimental.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "bench_cases.hpp"
#include "ivy/tensorflow.hpp"

namespace {

using ivy::tensorflow::Tensor;

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "ivy_bench_tensorflow: %s\n", what.c_str());
  std::exit(1);
}

// clang-format off
// The C functions this program calls, looked up by name.
#define BENCH_TF_FUNCTIONS(X)                                                                 \
  X(TF_NewStatus) X(TF_GetCode) X(TF_Message) X(TF_AllocateTensor) X(TF_TensorData)          \
  X(TF_DeleteTensor) X(TFE_NewOp) X(TFE_DeleteOp) X(TFE_OpReset) X(TFE_OpAddInput)           \
  X(TFE_OpSetAttrType) X(TFE_Execute)
// clang-format on

struct CApi {
#define BENCH_TF_MEMBER(name) decltype(&::name) name = nullptr;
  BENCH_TF_FUNCTIONS(BENCH_TF_MEMBER)
#undef BENCH_TF_MEMBER
  // Overloaded in C++ by TensorFlow's headers, so named by its C signature.
  TFE_TensorHandle* (*TFE_NewTensorHandle)(const TF_Tensor*, TF_Status*) = nullptr;
  TFE_Context* context = nullptr;
  TF_Status* status = nullptr;  // one thread calls TensorFlow here
};

template <class F>
void load_symbol(void* lib, const char* name, F& out) {
  void* s = dlsym(lib, name);
  if (!s) fail(std::string("symbol ") + name + " missing from TensorFlow's library");
  out = reinterpret_cast<F>(s);
}

CApi load() {
  CApi a;
  a.context = ivy::tensorflow::context();  // ivy loads TensorFlow and makes the eager context
  // The copy ivy loaded (the same path choice as src/backends/tensorflow/tf_api.cpp); NOLOAD
  // fails rather than load a second one.
  const char* env = std::getenv("IVY_TENSORFLOW_LIBRARY");
  const std::string path = env && *env ? env : IVY_TENSORFLOW_LIBRARY;
  void* lib = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_NOLOAD | RTLD_DEEPBIND);
  if (!lib) fail("TensorFlow's library " + path + " is not loaded: " + dlerror());
#define BENCH_TF_LOAD(name) load_symbol(lib, #name, a.name);
  BENCH_TF_FUNCTIONS(BENCH_TF_LOAD)
#undef BENCH_TF_LOAD
  load_symbol(lib, "TFE_NewTensorHandle", a.TFE_NewTensorHandle);
  a.status = a.TF_NewStatus();  // never deleted: used until exit
  return a;
}

const CApi& c() {
  static const CApi api = load();
  return api;
}

// A C API user checks the status after the calls that can fail.
void check(const char* what) {
  if (c().TF_GetCode(c().status) != TF_OK)
    fail(std::string(what) + ": " + c().TF_Message(c().status));
}

TFE_Op* new_op(const char* name) {
  TFE_Op* op = c().TFE_NewOp(c().context, name, c().status);
  check(name);
  return op;
}

void add_input(TFE_Op* op, const Tensor& x) { c().TFE_OpAddInput(op, x.handle(), c().status); }

/** Executes a one-output op without deleting it. */
Tensor execute_kept(TFE_Op* op) {
  TFE_TensorHandle* out = nullptr;
  int n = 1;
  c().TFE_Execute(op, &out, &n, c().status);
  check("TFE_Execute");
  return Tensor::adopt(out);
}

/** Executes a one-output op and deletes it. */
Tensor execute(TFE_Op* op) {
  Tensor out = execute_kept(op);
  c().TFE_DeleteOp(op);
  return out;
}

Tensor unary(const char* name, const Tensor& x) {
  TFE_Op* op = new_op(name);
  add_input(op, x);
  return execute(op);
}

Tensor binary(const char* name, const Tensor& x, const Tensor& y) {
  TFE_Op* op = new_op(name);
  add_input(op, x);
  add_input(op, y);
  return execute(op);
}

/** A host tensor of dtype d and shape, filled from bytes. */
Tensor host_tensor(TF_DataType d, const std::vector<std::int64_t>& shape, const void* bytes,
                   std::size_t nbytes) {
  TF_Tensor* t = c().TF_AllocateTensor(d, shape.data(), static_cast<int>(shape.size()), nbytes);
  if (!t) fail("TF_AllocateTensor failed");
  if (nbytes) std::memcpy(c().TF_TensorData(t), bytes, nbytes);
  TFE_TensorHandle* h = c().TFE_NewTensorHandle(t, c().status);
  c().TF_DeleteTensor(t);  // the handle keeps its own reference
  check("TFE_NewTensorHandle");
  return Tensor::adopt(h);
}

/** The reduction_indices operand [0], built once: every reduction here is over axis 0 (which
 *  is all axes of sum's 1-D input). */
const Tensor& axis0() {
  static const std::int32_t zero = 0;
  static const Tensor t = host_tensor(TF_INT32, {1}, &zero, sizeof zero);
  return t;
}

struct TensorFlowEngine {
  using Native = Tensor;
  static constexpr const char* name = "tensorflow";
  // TensorFlow can run kernels on its own thread pools while the caller waits: timed by the
  // CPU time of the whole process.
  static constexpr bool threaded = true;

  static Tensor make(const std::vector<float>& v, const ivy::Shape& shape) {
    return host_tensor(TF_FLOAT, shape, v.data(), v.size() * sizeof(float));
  }
  static Tensor sin(const Tensor& x) { return unary("Sin", x); }
  static Tensor exp(const Tensor& x) { return unary("Exp", x); }
  static Tensor add(const Tensor& x, const Tensor& y) { return binary("AddV2", x, y); }
  static Tensor multiply(const Tensor& x, const Tensor& y) { return binary("Mul", x, y); }
  static Tensor maximum(const Tensor& x, const Tensor& y) { return binary("Maximum", x, y); }
  static Tensor sum(const Tensor& x) { return binary("Sum", x, axis0()); }
  static Tensor mean0(const Tensor& x) { return binary("Mean", x, axis0()); }
  static Tensor matmul(const Tensor& x, const Tensor& y) { return binary("MatMul", x, y); }
  static Tensor same_cast(const Tensor& x) {
    TFE_Op* op = new_op("Cast");
    add_input(op, x);
    c().TFE_OpSetAttrType(op, "DstT", TF_FLOAT);
    return execute(op);
  }
  static Tensor same_reshape(const Tensor& x, const ivy::Shape& s) {
    // The shape operand is built once, as a C API user would for a fixed shape (the cases
    // always pass the same one).
    static const ivy::Shape built = s;
    static const Tensor shape = host_tensor(TF_INT64, {static_cast<std::int64_t>(s.size())},
                                            s.data(), s.size() * sizeof(std::int64_t));
    if (s != built) fail("same_reshape called with another shape");
    return binary("Reshape", x, shape);
  }
  static Tensor framework_cast(const Tensor& x) { return ivy::tensorflow::cast(x, ivy::float32); }
  static void force(const auto&) {}  // eager: the result is computed when the call returns
};

/**
 * TensorFlow eager's own cost of one op: `new_op` is the native path (TFE_NewOp ... TFE_DeleteOp
 * per call), `reused_op` resets one TFE_Op with TFE_OpReset (c_api_experimental.h) as ivy's
 * backend does, `ivy_erased` is ivy::add / ivy::sin on ivy::Array for comparison.
 */
void register_eager_cost() {
  using E = TensorFlowEngine;
  for (const std::int64_t n : {std::int64_t{1}, std::int64_t{100}}) {
    const ivy_bench::Inputs<Tensor>& in = ivy_bench::inputs<E>(n, false);
    // One kept op per benchmark (shared by copies of the lambda), deleted at exit.
    auto kept = [](const char* op) {
      return std::shared_ptr<TFE_Op>(new_op(op), c().TFE_DeleteOp);
    };
    const std::shared_ptr<TFE_Op> add_op = kept("AddV2"), sin_op = kept("Sin");
    ivy_bench::add_forced<E>(ivy_bench::name(E::name, "eager_add", "new_op", n),
                             [&in] { return binary("AddV2", in.a, in.b); });
    ivy_bench::add_forced<E>(ivy_bench::name(E::name, "eager_add", "reused_op", n), [&in, add_op] {
      c().TFE_OpReset(add_op.get(), "AddV2", nullptr, c().status);
      add_input(add_op.get(), in.a);
      add_input(add_op.get(), in.b);
      return execute_kept(add_op.get());
    });
    ivy_bench::add_forced<E>(ivy_bench::name(E::name, "eager_add", "ivy_erased", n),
                             [&in] { return ivy::add(in.erased_a, in.erased_b); });
    ivy_bench::add_forced<E>(ivy_bench::name(E::name, "eager_sin", "new_op", n),
                             [&in] { return unary("Sin", in.a); });
    ivy_bench::add_forced<E>(ivy_bench::name(E::name, "eager_sin", "reused_op", n), [&in, sin_op] {
      c().TFE_OpReset(sin_op.get(), "Sin", nullptr, c().status);
      add_input(sin_op.get(), in.a);
      return execute_kept(sin_op.get());
    });
    ivy_bench::add_forced<E>(ivy_bench::name(E::name, "eager_sin", "ivy_erased", n),
                             [&in] { return ivy::sin(in.erased_a); });
  }
}

/** Largest |native - ivy| of one case; the program stops when the paths disagree. */
void agree(const char* what, const Tensor& native, const ivy::Array& unified) {
  const std::vector<float> a = ivy::from_native(native).to_vector<float>();
  const std::vector<float> b = unified.to_vector<float>();
  if (a.size() != b.size()) fail(std::string(what) + ": sizes differ");
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::abs(a[i] - b[i]) > 1e-4f * (1 + std::abs(a[i])))
      fail(std::string(what) + ": native and ivy differ at element " + std::to_string(i));
}

/** The native calls compute what ivy computes (100 elements, erased path). */
void check_native_path() {
  using E = TensorFlowEngine;
  const ivy_bench::Inputs<Tensor>& v = ivy_bench::inputs<E>(100, false);
  const ivy_bench::Inputs<Tensor>& m = ivy_bench::inputs<E>(100, true);
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
  // One intra-op and one inter-op thread, as LibTorch runs with one (bench_torch.cpp): kernels
  // then run on the calling thread instead of two pool threads of this 2-core machine. Read by
  // TensorFlow when it makes its thread pools; a user's own setting wins.
  setenv("TF_NUM_INTRAOP_THREADS", "1", 0);
  setenv("TF_NUM_INTEROP_THREADS", "1", 0);
  c();  // loads TensorFlow (through ivy) before anything is timed
  check_native_path();
  register_eager_cost();
  return ivy_bench::run_all<TensorFlowEngine>(argc, argv);
}
