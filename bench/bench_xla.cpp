// Overhead of ivy's call paths on XLA: the PJRT C API called directly (native), ivy's overloads
// on ivy::xla::Buffer (static), and ivy::Array from an explicit backend (explicit) or from the
// scope's backend (erased). The native path is what a PJRT C API user writes: the operation's
// StableHLO module (MLIR text, written below for each case and shape) compiled once with
// PJRT_Client_Compile on the client ivy uses (ivy::xla::client()), with the compile options
// ivy's kernels get, then per call PJRT_LoadedExecutable_Execute, an await of its
// device_complete event and the output buffer wrapped with ivy::xla::Buffer::adopt (destroyed
// when the result goes). XLA's CPU client may run an executable on threads of its own, so the
// times are the CPU time of the whole process. The cases are in bench_cases.hpp, the results in
// docs/benchmarks.md.
//
// Beside the cases, "engine cost" rows time XLA's own cost of one execution on 1 and 100
// elements (execute + await of a compiled add or sine) against ivy's erased call.
//
// Only the plugin's C header is compiled (its include folder, as for the backend's sources); ivy
// loads the plugin, and the program calls it through the PJRT_Api ivy::xla::api() returns.
#include <pjrt_c_api.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "bench_cases.hpp"
#include "ivy/xla.hpp"

namespace {

using ivy::xla::Buffer;

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "ivy_bench_xla: %s\n", what.c_str());
  std::exit(1);
}

const PJRT_Api& api() { return *ivy::xla::api(); }

/** A zeroed argument struct of the C API with its struct_size set. */
template <class T>
T args() {
  T a;
  std::memset(&a, 0, sizeof a);
  a.struct_size = sizeof a;
  return a;
}

// A C API user checks the error of every call.
void check(PJRT_Error* e, const char* what) {
  if (!e) return;
  auto m = args<PJRT_Error_Message_Args>();
  m.error = e;
  api().PJRT_Error_Message(&m);
  const std::string message(m.message, m.message_size);
  auto d = args<PJRT_Error_Destroy_Args>();
  d.error = e;
  api().PJRT_Error_Destroy(&d);
  fail(std::string(what) + ": " + message);
}

void await(PJRT_Event* e) {
  auto w = args<PJRT_Event_Await_Args>();
  w.event = e;
  PJRT_Error* error = api().PJRT_Event_Await(&w);
  auto d = args<PJRT_Event_Destroy_Args>();
  d.event = e;
  api().PJRT_Event_Destroy(&d);
  check(error, "PJRT_Event_Await");
}

PJRT_Device* device() {
  static PJRT_Device* const d = [] {
    auto a = args<PJRT_Client_AddressableDevices_Args>();
    a.client = ivy::xla::client();
    check(api().PJRT_Client_AddressableDevices(&a), "PJRT_Client_AddressableDevices");
    if (a.num_addressable_devices < 1) fail("the XLA client has no device");
    return a.addressable_devices[0];
  }();
  return d;
}

// The compile options, a serialized xla.CompileOptionsProto written by hand as ivy's backend does
// for its kernels (src/backends/xla/pjrt.cpp): executable_build_options (field 3) with one replica
// (4) and one partition (5); env_option_overrides (7) xla_cpu_enable_fast_min_max=false and
// xla_backend_optimization_level=0 (IVY_XLA_OPT_LEVEL overrides, as for ivy).
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
const std::string& compile_options() {
  static const std::string options = [] {
    const char* env = std::getenv("IVY_XLA_OPT_LEVEL");
    const std::int64_t level = env ? std::atoi(env) : 0;
    return field(3, field(4, 1) + field(5, 1)) +
           field(7, field(1, std::string("xla_cpu_enable_fast_min_max")) + field(2, field(2, 0))) +
           field(7, field(1, std::string("xla_backend_optimization_level")) +
                        field(2, field(3, static_cast<std::uint64_t>(level))));
  }();
  return options;
}

/** A compiled module with one output, run by call(). */
class Executable {
 public:
  explicit Executable(const std::string& module, ivy::Shape out) : out_(std::move(out)) {
    auto program = args<PJRT_Program>();
    program.code = const_cast<char*>(module.data());
    program.code_size = module.size();
    program.format = "mlir";
    program.format_size = 4;
    auto c = args<PJRT_Client_Compile_Args>();
    c.client = ivy::xla::client();
    c.program = &program;
    c.compile_options = compile_options().data();
    c.compile_options_size = compile_options().size();
    check(api().PJRT_Client_Compile(&c), "PJRT_Client_Compile");
    exe_ = c.executable;
  }
  Executable(const Executable&) = delete;
  Executable& operator=(const Executable&) = delete;
  // Kept until exit (static), as a program keeps its compiled executables.

  /** One execution: execute, wait for the device to finish, own the output. */
  template <std::size_t N>
  Buffer call(PJRT_Buffer* const (&arguments)[N]) const {
    PJRT_Buffer* const* argument_list = arguments;
    PJRT_Buffer* output = nullptr;
    PJRT_Buffer** output_list = &output;
    PJRT_Event* done = nullptr;
    auto options = args<PJRT_ExecuteOptions>();
    auto e = args<PJRT_LoadedExecutable_Execute_Args>();
    e.executable = exe_;
    e.options = &options;
    e.argument_lists = &argument_list;
    e.num_devices = 1;
    e.num_args = N;
    e.output_lists = &output_list;
    e.device_complete_events = &done;
    check(api().PJRT_LoadedExecutable_Execute(&e), "PJRT_LoadedExecutable_Execute");
    await(done);
    return Buffer::adopt(output, ivy::float32, out_);
  }

 private:
  PJRT_LoadedExecutable* exe_ = nullptr;
  ivy::Shape out_;
};

std::string tensor(const ivy::Shape& s) {
  std::string t = "tensor<";
  for (const std::int64_t d : s) t += std::to_string(d) + "x";
  return t + "f32>";
}

/** The module text of `main(params) -> result` with body lines computing %r. */
std::string module(const std::vector<ivy::Shape>& params, const ivy::Shape& result,
                   const std::string& body) {
  std::string p;
  for (std::size_t i = 0; i < params.size(); ++i)
    p += (i ? ", " : "") + std::string("%arg") + std::to_string(i) + ": " + tensor(params[i]);
  return "module @bench {\n  func.func public @main(" + p + ") -> " + tensor(result) + " {\n" +
         body + "    return %r : " + tensor(result) + "\n  }\n}\n";
}

/** The executable of one case and input shape, compiled on first use (before timing: the cases
 *  run once in check_native_path and the benchmark harness's warm-up). */
const Executable& compiled(const std::string& op, const ivy::Shape& s) {
  static std::map<std::pair<std::string, ivy::Shape>, std::unique_ptr<Executable>> cache;
  auto& slot = cache[{op, s}];
  if (slot) return *slot;
  const std::string t = tensor(s);
  std::string body;
  ivy::Shape out = s;
  if (op == "sine" || op == "exponential") {
    body = "    %r = stablehlo." + op + " %arg0 : " + t + "\n";
    slot = std::make_unique<Executable>(module({s}, out, body), out);
  } else if (op == "add" || op == "multiply" || op == "maximum") {
    body = "    %r = stablehlo." + op + " %arg0, %arg1 : " + t + "\n";
    slot = std::make_unique<Executable>(module({s, s}, out, body), out);
  } else if (op == "sum") {  // all axes of a vector
    out = {};
    body =
        "    %zero = stablehlo.constant dense<0.0> : tensor<f32>\n"
        "    %r = stablehlo.reduce(%arg0 init: %zero) applies stablehlo.add across "
        "dimensions = [0] : (" +
        t + ", tensor<f32>) -> tensor<f32>\n";
    slot = std::make_unique<Executable>(module({s}, out, body), out);
  } else if (op == "mean0") {  // over axis 0 of a matrix
    out = {s[1]};
    const std::string o = tensor(out);
    body =
        "    %zero = stablehlo.constant dense<0.0> : tensor<f32>\n"
        "    %s = stablehlo.reduce(%arg0 init: %zero) applies stablehlo.add across "
        "dimensions = [0] : (" +
        t + ", tensor<f32>) -> " + o + "\n    %n = stablehlo.constant dense<" +
        std::to_string(s[0]) + ".0> : " + o + "\n    %r = stablehlo.divide %s, %n : " + o + "\n";
    slot = std::make_unique<Executable>(module({s}, out, body), out);
  } else if (op == "matmul") {  // square matrices
    body = "    %r = stablehlo.dot_general %arg0, %arg1, contracting_dims = [1] x [0] : (" + t +
           ", " + t + ") -> " + t + "\n";
    slot = std::make_unique<Executable>(module({s, s}, out, body), out);
  } else if (op == "convert" || op == "reshape") {  // to its own dtype / shape
    body = "    %r = stablehlo." + op + " %arg0 : (" + t + ") -> " + t + "\n";
    slot = std::make_unique<Executable>(module({s}, out, body), out);
  } else {
    fail("no module for " + op);
  }
  return *slot;
}

/** The shape of a buffer (this program's inputs are all float32). */
ivy::Shape shape_of(const Buffer& x) {
  auto d = args<PJRT_Buffer_Dimensions_Args>();
  d.buffer = x.handle();
  check(api().PJRT_Buffer_Dimensions(&d), "PJRT_Buffer_Dimensions");
  return ivy::Shape(d.dims, d.dims + d.num_dims);
}

/**
 * One native call site: the executable of its operation for the input's shape. A C API user
 * holds the executable compiled for a shape in a variable; here each site remembers the one of
 * the last input buffer it saw, so a timed loop (always the same input) pays one pointer
 * comparison, and a new input one look-up.
 */
class Site {
 public:
  explicit Site(const char* op) : op_(op) {}
  const Executable& operator()(const Buffer& x) {
    if (x.handle() != last_) {
      exe_ = &compiled(op_, shape_of(x));
      last_ = x.handle();
    }
    return *exe_;
  }

 private:
  const char* op_;
  PJRT_Buffer* last_ = nullptr;
  const Executable* exe_ = nullptr;
};

template <const char* Op>
Buffer unary(const Buffer& x) {
  static Site site(Op);
  return site(x).call({x.handle()});
}
template <const char* Op>
Buffer binary(const Buffer& x, const Buffer& y) {
  static Site site(Op);
  return site(x).call({x.handle(), y.handle()});
}

constexpr char kSine[] = "sine", kExp[] = "exponential", kAdd[] = "add", kMultiply[] = "multiply",
               kMaximum[] = "maximum", kSum[] = "sum", kMean0[] = "mean0", kMatmul[] = "matmul",
               kConvert[] = "convert", kReshape[] = "reshape";

struct XlaEngine {
  using Native = Buffer;
  static constexpr const char* name = "xla";
  // XLA's CPU client may run an execution on its own threads while the caller waits: timed by
  // the CPU time of the whole process.
  static constexpr bool threaded = true;

  static Buffer make(const std::vector<float>& v, const ivy::Shape& shape) {
    auto u = args<PJRT_Client_BufferFromHostBuffer_Args>();
    u.client = ivy::xla::client();
    u.data = v.data();
    u.type = PJRT_Buffer_Type_F32;
    u.dims = shape.data();
    u.num_dims = shape.size();
    u.host_buffer_semantics = PJRT_HostBufferSemantics_kImmutableOnlyDuringCall;
    u.device = device();
    check(api().PJRT_Client_BufferFromHostBuffer(&u), "PJRT_Client_BufferFromHostBuffer");
    await(u.done_with_host_buffer);
    return Buffer::adopt(u.buffer, ivy::float32, shape);
  }
  static Buffer sin(const Buffer& x) { return unary<kSine>(x); }
  static Buffer exp(const Buffer& x) { return unary<kExp>(x); }
  static Buffer add(const Buffer& x, const Buffer& y) { return binary<kAdd>(x, y); }
  static Buffer multiply(const Buffer& x, const Buffer& y) { return binary<kMultiply>(x, y); }
  static Buffer maximum(const Buffer& x, const Buffer& y) { return binary<kMaximum>(x, y); }
  static Buffer sum(const Buffer& x) { return unary<kSum>(x); }
  static Buffer mean0(const Buffer& x) { return unary<kMean0>(x); }
  static Buffer matmul(const Buffer& x, const Buffer& y) { return binary<kMatmul>(x, y); }
  static Buffer same_cast(const Buffer& x) { return unary<kConvert>(x); }
  static Buffer same_reshape(const Buffer& x, const ivy::Shape& s) {
    if (s.size() != 2 || s[0] * s[1] != ivy_bench::kWrapperSize)  // the cases' only one
      fail("same_reshape called with another shape");
    return unary<kReshape>(x);
  }
  static Buffer framework_cast(const Buffer& x) { return ivy::xla::cast(x, ivy::float32); }
  static void force(const auto&) {}  // every path waits for its result before returning
};

/**
 * XLA's own cost of one execution: `execute` is the native path (PJRT_LoadedExecutable_Execute,
 * the await of its event, PJRT_Buffer_Destroy of the output), `ivy_erased` is ivy::add / ivy::sin
 * on ivy::Array.
 */
void register_engine_cost() {
  using E = XlaEngine;
  for (const std::int64_t n : {std::int64_t{1}, std::int64_t{100}}) {
    const ivy_bench::Inputs<Buffer>& in = ivy_bench::inputs<E>(n, false);
    ivy_bench::add_forced<E>(ivy_bench::name(E::name, "engine_add", "execute", n),
                             [&in] { return E::add(in.a, in.b); });
    ivy_bench::add_forced<E>(ivy_bench::name(E::name, "engine_add", "ivy_erased", n),
                             [&in] { return ivy::add(in.erased_a, in.erased_b); });
    ivy_bench::add_forced<E>(ivy_bench::name(E::name, "engine_sin", "execute", n),
                             [&in] { return E::sin(in.a); });
    ivy_bench::add_forced<E>(ivy_bench::name(E::name, "engine_sin", "ivy_erased", n),
                             [&in] { return ivy::sin(in.erased_a); });
  }
}

/** The program stops when the native result and ivy's differ. */
void agree(const char* what, const Buffer& native, const ivy::Array& unified) {
  const std::vector<float> a = ivy::from_native(native).to_vector<float>();
  const std::vector<float> b = unified.to_vector<float>();
  if (a.size() != b.size()) fail(std::string(what) + ": sizes differ");
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::abs(a[i] - b[i]) > 1e-4f * (1 + std::abs(a[i])))
      fail(std::string(what) + ": native and ivy differ at element " + std::to_string(i));
}

/** The native calls compute what ivy computes (every case and size, erased path). */
void check_native_path() {
  using E = XlaEngine;
  for (const std::int64_t n : ivy_bench::kSizes) {
    const ivy_bench::Inputs<Buffer>& v = ivy_bench::inputs<E>(n, false);
    const ivy_bench::Inputs<Buffer>& m = ivy_bench::inputs<E>(n, true);
    agree("sin", E::sin(v.a), ivy::sin(v.erased_a));
    agree("exp", E::exp(v.a), ivy::exp(v.erased_a));
    agree("add", E::add(v.a, v.b), ivy::add(v.erased_a, v.erased_b));
    agree("multiply", E::multiply(v.a, v.b), ivy::multiply(v.erased_a, v.erased_b));
    agree("maximum", E::maximum(v.a, v.b), ivy::maximum(v.erased_a, v.erased_b));
    agree("sum", E::sum(v.a), ivy::sum(v.erased_a));
    agree("mean", E::mean0(m.a), ivy::mean(m.erased_a, ivy::Axes(0)));
    agree("matmul", E::matmul(m.a, m.b), ivy::matmul(m.erased_a, m.erased_b));
  }
  const ivy_bench::Inputs<Buffer>& w = ivy_bench::inputs<E>(ivy_bench::kWrapperSize, true);
  const ivy::Shape s = {ivy_bench::side(ivy_bench::kWrapperSize),
                        ivy_bench::side(ivy_bench::kWrapperSize)};
  agree("cast", E::same_cast(w.a), ivy::cast(w.erased_a, ivy::float32));
  agree("reshape", E::same_reshape(w.a, s), ivy::reshape(w.erased_a, s));
  for (const std::int64_t n : {std::int64_t{1}, std::int64_t{100}}) {
    const ivy_bench::Inputs<Buffer>& e = ivy_bench::inputs<E>(n, false);
    agree("engine add", E::add(e.a, e.b), ivy::add(e.erased_a, e.erased_b));
    agree("engine sin", E::sin(e.a), ivy::sin(e.erased_a));
  }
}

}  // namespace

int main(int argc, char** argv) {
  // Loads the plugin and makes the client (through ivy), compiles every native module and
  // every ivy kernel the cases use, and checks the results, before anything is timed. The
  // callgrind mode (--ivy_count, one case under valgrind) skips the check, which would compile
  // every module under valgrind (minutes); its warm-up call compiles the one it counts.
  bool counting = false;
  for (int i = 1; i < argc; ++i) counting |= std::strncmp(argv[i], "--ivy_count=", 12) == 0;
  if (!counting) check_native_path();
  register_engine_cost();
  return ivy_bench::run_all<XlaEngine>(argc, argv);
}
