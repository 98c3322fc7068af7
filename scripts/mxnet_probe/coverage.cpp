// MXNet C API probe (issue 18): which operators a backend would call have CPU kernels for which
// of ivy's ten dtypes. Each operator runs on small arrays of each dtype (values 1, 2, ...);
// the table (markdown, on stdout) says ok or the first line of MXNet's error.
#include <dlfcn.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

using Handle = void*;
using Create = int (*)(const uint32_t*, uint32_t, int, int, int, int, Handle*);
using CopyFrom = int (*)(Handle, const void*, size_t);
using OpHandle = int (*)(const char*, Handle*);
using Invoke = int (*)(Handle, int, Handle*, int*, Handle**, int, const char**, const char**);
using Wait = int (*)(Handle);
using LastError = const char* (*)();
using Cast = Invoke;

Create create;
CopyFrom copy_from;
OpHandle op_handle;
Invoke invoke;
Wait wait_to_read;
LastError last_error;

struct DType {
  const char* name;
  int code, bytes;
};
const DType kDTypes[] = {
    {"bool", 7, 1},  {"int8", 5, 1},    {"int16", 8, 2},     {"int32", 4, 4},   {"int64", 6, 8},
    {"uint8", 3, 1}, {"float16", 2, 2}, {"bfloat16", 12, 2}, {"float32", 0, 4}, {"float64", 1, 8}};

// A [2, 3] array of dtype d holding 1..6 (made in float32, then cast by MXNet's Cast).
Handle make(const DType& d, std::vector<uint32_t> shape = {2, 3}) {
  size_t n = 1;
  for (uint32_t s : shape) n *= s;
  std::vector<float> v(n);
  for (size_t i = 0; i < n; ++i) v[i] = float(i % 3 + 1);
  Handle f;
  create(shape.data(), shape.size(), 1, 0, 0, 0, &f);
  copy_from(f, v.data(), n);
  if (d.code == 0) return f;
  Handle cast_op;
  op_handle("Cast", &cast_op);
  const char* k[] = {"dtype"};
  const char* val[] = {d.name};
  int n_out = 0;
  Handle* outs = nullptr;
  if (invoke(cast_op, 1, &f, &n_out, &outs, 1, k, val)) return nullptr;
  return outs[0];
}

struct Case {
  const char* op;
  int inputs;
  std::vector<std::pair<const char*, const char*>> params;
  bool square = false;  // square float matrices [3, 3]
};

std::string run(const Case& c, const DType& d) {
  Handle op;
  if (op_handle(c.op, &op) || !op) return "no such op";
  std::vector<Handle> ins;
  for (int i = 0; i < c.inputs; ++i) {
    Handle h = c.square ? make(d, {3, 3}) : make(d);
    if (!h) return "cast failed";
    ins.push_back(h);
  }
  std::vector<const char*> keys, vals;
  for (auto& [k, v] : c.params) {
    keys.push_back(k);
    vals.push_back(v);
  }
  int n_out = 0;
  Handle* outs = nullptr;
  if (invoke(op, ins.size(), ins.data(), &n_out, &outs, keys.size(), keys.data(), vals.data()) ||
      wait_to_read(outs[0])) {
    std::string e = last_error();
    e = e.substr(0, e.find('\n'));
    if (e.size() > 60) e = e.substr(0, 60) + "...";
    for (char& ch : e)
      if (ch == '|') ch = '/';
    return e;
  }
  return "ok";
}

int main(int argc, char** argv) {
  setenv("MXNET_ENGINE_TYPE", "NaiveEngine", 0);
  void* lib = dlopen(argc > 1 ? argv[1] : ".deps/mxnet/mxnet/libmxnet.so",
                     RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
  if (!lib) return std::printf("%s\n", dlerror()), 1;
  create = (Create)dlsym(lib, "MXNDArrayCreateEx");
  copy_from = (CopyFrom)dlsym(lib, "MXNDArraySyncCopyFromCPU");
  op_handle = (OpHandle)dlsym(lib, "NNGetOpHandle");
  invoke = (Invoke)dlsym(lib, "MXImperativeInvoke");
  wait_to_read = (Wait)dlsym(lib, "MXNDArrayWaitToRead");
  last_error = (LastError)dlsym(lib, "MXGetLastError");
  const std::vector<Case> cases = {
      {"abs", 1, {}},
      {"negative", 1, {}},
      {"sign", 1, {}},
      {"square", 1, {}},
      {"sqrt", 1, {}},
      {"exp", 1, {}},
      {"expm1", 1, {}},
      {"log", 1, {}},
      {"log1p", 1, {}},
      {"log2", 1, {}},
      {"sin", 1, {}},
      {"arcsin", 1, {}},
      {"tanh", 1, {}},
      {"arctanh", 1, {}},
      {"floor", 1, {}},
      {"rint", 1, {}},
      {"trunc", 1, {}},
      {"erf", 1, {}},
      {"sigmoid", 1, {}},
      {"logical_not", 1, {}},
      {"_npi_isnan", 1, {}},
      {"_npi_isfinite", 1, {}},
      {"_npi_bitwise_not", 1, {}},
      {"broadcast_add", 2, {}},
      {"broadcast_sub", 2, {}},
      {"broadcast_mul", 2, {}},
      {"broadcast_div", 2, {}},
      {"_npi_true_divide", 2, {}},
      {"broadcast_power", 2, {}},
      {"_npi_floor_divide", 2, {}},
      {"broadcast_mod", 2, {}},
      {"_npi_mod", 2, {}},
      {"broadcast_maximum", 2, {}},
      {"_npi_arctan2", 2, {}},
      {"broadcast_equal", 2, {}},
      {"broadcast_lesser", 2, {}},
      {"broadcast_logical_and", 2, {}},
      {"_npi_bitwise_and", 2, {}},
      {"_npi_bitwise_xor", 2, {}},
      {"_npi_where", 3, {}},
      {"sum", 1, {{"axis", "(0,)"}}},
      {"prod", 1, {{"axis", "(0,)"}}},
      {"mean", 1, {{"axis", "(0,)"}}},
      {"max", 1, {{"axis", "(0,)"}}},
      {"_npi_argmax", 1, {{"axis", "1"}}},
      {"_np_cumsum", 1, {{"axis", "1"}}},
      {"_np_all", 1, {}},
      {"_np_any", 1, {}},
      {"Reshape", 1, {{"shape", "(3,2)"}}},
      {"broadcast_to", 1, {{"shape", "(2,2,3)"}}},
      {"transpose", 1, {{"axes", "(1,0)"}}},
      {"Concat", 2, {{"num_args", "2"}, {"dim", "0"}}},
      {"reverse", 1, {{"axis", "0"}}},
      {"slice", 1, {{"begin", "(0,0)"}, {"end", "(2,2)"}}},
      {"_npi_pad", 1, {{"pad_width", "((1,1),(0,0))"}, {"mode", "constant"}}},
      {"sort", 1, {{"axis", "1"}}},
      {"argsort", 1, {{"axis", "1"}, {"dtype", "int64"}}},
      {"_npi_nonzero", 1, {}},
      {"dot", 2, {{"transpose_b", "True"}}},
      {"_npi_matmul", 2, {}, true},
      {"_linalg_inverse", 1, {}, true},
      {"_linalg_potrf", 1, {}, true},
      {"_linalg_syevd", 1, {}, true},
      {"_npi_svd", 1, {}, true},
      {"_linalg_det", 1, {}, true},
      {"_npi_solve", 2, {}, true},
      {"_npi_qr", 1, {}, true}};
  std::printf("| op |");
  for (const DType& d : kDTypes) std::printf(" %s |", d.name);
  std::printf("\n|---|");
  for (size_t i = 0; i < sizeof kDTypes / sizeof *kDTypes; ++i) std::printf("---|");
  std::printf("\n");
  for (const Case& c : cases) {
    std::printf("| `%s` |", c.op);
    for (const DType& d : kDTypes) std::printf(" %s |", run(c, d).c_str());
    std::printf("\n");
    std::fflush(stdout);
  }
}
