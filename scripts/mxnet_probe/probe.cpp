// MXNet C API probe (issue 18): loads libmxnet.so with dlopen (local, deep binding) in a process
// that already runs ivy on every backend (LibTorch, protobuf and Debian's OpenBLAS loaded), runs
// sin and dot through MXImperativeInvoke, reads the results back, and reports which OpenBLAS is
// mapped and the per-op latency.
#include <dlfcn.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "ivy/ivy.hpp"

using Handle = void*;
#define FN(name, ...)                    \
  using name##_t = int (*)(__VA_ARGS__); \
  name##_t name;
FN(MXNDArrayCreateEx, const uint32_t*, uint32_t, int, int, int, int, Handle*)
FN(MXNDArraySyncCopyFromCPU, Handle, const void*, size_t)
FN(MXNDArraySyncCopyToCPU, Handle, void*, size_t)
FN(MXNDArrayFree, Handle)
FN(NNGetOpHandle, const char*, Handle*)
FN(MXImperativeInvoke, Handle, int, Handle*, int*, Handle**, int, const char**, const char**)
FN(MXNDArrayWaitToRead, Handle)
using MXGetLastError_t = const char* (*)();
MXGetLastError_t MXGetLastError;

template <class F>
void load(void* lib, const char* name, F& f) {
  f = reinterpret_cast<F>(dlsym(lib, name));
  if (!f) {
    std::printf("missing %s\n", name);
    std::exit(1);
  }
}

Handle make(const std::vector<float>& v, std::vector<uint32_t> shape) {
  Handle h;
  if (MXNDArrayCreateEx(shape.data(), shape.size(), 1, 0, 0, 0, &h))
    std::printf("create: %s\n", MXGetLastError());
  MXNDArraySyncCopyFromCPU(h, v.data(), v.size());
  return h;
}

int main(int argc, char** argv) {
  // ivy first, on every backend: LibTorch (and its protobuf) and Debian's OpenBLAS are loaded.
  for (const std::string& b : ivy::available_backends()) {
    if (b == "stub") continue;
    ivy::Array x =
        ivy::linspace(0.0, 1.0, 4, -1, true, ivy::Options(ivy::float32).on(ivy::backend(b)));
    std::printf("ivy %s: sum(sin) = %.6f\n", b.c_str(), ivy::sum(ivy::sin(x)).item<double>());
  }
  const char* path = argc > 1 ? argv[1] : ".deps/mxnet/mxnet/libmxnet.so";
  int mode = RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND;
  auto t0 = std::chrono::steady_clock::now();
  void* lib = dlopen(path, mode);
  auto t1 = std::chrono::steady_clock::now();
  if (!lib) {
    std::printf("dlopen: %s\n", dlerror());
    return 1;
  }
  std::printf("dlopen %.1f ms\n", std::chrono::duration<double, std::milli>(t1 - t0).count());
  load(lib, "MXNDArrayCreateEx", MXNDArrayCreateEx);
  load(lib, "MXNDArraySyncCopyFromCPU", MXNDArraySyncCopyFromCPU);
  load(lib, "MXNDArraySyncCopyToCPU", MXNDArraySyncCopyToCPU);
  load(lib, "MXNDArrayFree", MXNDArrayFree);
  load(lib, "NNGetOpHandle", NNGetOpHandle);
  load(lib, "MXImperativeInvoke", MXImperativeInvoke);
  load(lib, "MXNDArrayWaitToRead", MXNDArrayWaitToRead);
  load(lib, "MXGetLastError", MXGetLastError);
  Handle x = make({0.0f, 0.5f, 1.0f}, {3});
  Handle sin_op, dot_op;
  NNGetOpHandle("sin", &sin_op);
  NNGetOpHandle("dot", &dot_op);
  int n_out = 0;
  Handle* outs = nullptr;
  if (MXImperativeInvoke(sin_op, 1, &x, &n_out, &outs, 0, nullptr, nullptr))
    std::printf("sin: %s\n", MXGetLastError());
  float r[3];
  MXNDArraySyncCopyToCPU(outs[0], r, 3);
  std::printf("mxnet sin: %g %g %g (want %g %g %g)\n", r[0], r[1], r[2], std::sin(0.0),
              std::sin(0.5), std::sin(1.0));
  // dot of 64x64 matrices goes to a BLAS.
  std::vector<float> a(64 * 64), b(64 * 64);
  for (int i = 0; i < 64 * 64; ++i) {
    a[i] = float(i % 7) / 7;
    b[i] = float(i % 5) / 5;
  }
  Handle ins[2] = {make(a, {64, 64}), make(b, {64, 64})};
  n_out = 0;
  outs = nullptr;
  if (MXImperativeInvoke(dot_op, 2, ins, &n_out, &outs, 0, nullptr, nullptr))
    std::printf("dot: %s\n", MXGetLastError());
  std::vector<float> c(64 * 64);
  MXNDArraySyncCopyToCPU(outs[0], c.data(), c.size());
  double want = 0;
  for (int k = 0; k < 64; ++k) want += a[k] * b[k * 64];
  std::printf("mxnet dot [0,0]: %g (want %g)\n", c[0], want);
  std::ifstream maps("/proc/self/maps");
  std::string line;
  while (std::getline(maps, line))
    if (line.find("openblas") != std::string::npos && line.find("r-xp") != std::string::npos)
      std::printf("mapped: %s\n", line.substr(line.find('/')).c_str());
  // Latency of sin on 3 floats, with the wait each read needs (the engine is asynchronous).
  const int N = 20000;
  auto s0 = std::chrono::steady_clock::now();
  for (int i = 0; i < N; ++i) {
    n_out = 0;
    outs = nullptr;
    MXImperativeInvoke(sin_op, 1, &x, &n_out, &outs, 0, nullptr, nullptr);
    MXNDArrayWaitToRead(outs[0]);
    MXNDArrayFree(outs[0]);
  }
  auto s1 = std::chrono::steady_clock::now();
  std::printf("mxnet sin (3 floats) + wait: %.2f us/op\n",
              std::chrono::duration<double, std::micro>(s1 - s0).count() / N);
  for (const std::string& b : ivy::available_backends()) {
    if (b == "stub") continue;
    ivy::Array m = ivy::ones({64, 64}, ivy::backend(b));
    std::printf("ivy %s after mxnet: matmul sum = %.1f (want %d)\n", b.c_str(),
                ivy::sum(ivy::matmul(m, m)).item<double>(), 64 * 64 * 64);
  }
  return 0;
}
