// Probe of TensorFlow's eager C API (tensorflow-cpu 2.21.0 wheel).
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "tensorflow/c/c_api.h"
#include "tensorflow/c/eager/c_api.h"
#include "tensorflow/c/eager/c_api_experimental.h"  // TFE_OpReset, TFE_TensorHandleDevicePointer
#include "tensorflow/c/eager/dlpack.h"              // C++ decls in namespace tensorflow

#define CHECK_OK(s)                                                                           \
  do {                                                                                        \
    if (TF_GetCode(s) != TF_OK) {                                                             \
      std::fprintf(stderr, "%s:%d TF error %d: %s\n", __FILE__, __LINE__, (int)TF_GetCode(s), \
                   TF_Message(s));                                                            \
      std::exit(1);                                                                           \
    }                                                                                         \
  } while (0)

static TF_Status* st;
static TFE_Context* ctx;

static TFE_TensorHandle* make_f32(const std::vector<float>& v, std::vector<int64_t> dims) {
  TF_Tensor* t =
      TF_AllocateTensor(TF_FLOAT, dims.data(), (int)dims.size(), v.size() * sizeof(float));
  std::memcpy(TF_TensorData(t), v.data(), v.size() * sizeof(float));
  TFE_TensorHandle* h = TFE_NewTensorHandle(t, st);
  CHECK_OK(st);
  TF_DeleteTensor(t);  // handle keeps its own reference
  return h;
}
static TFE_TensorHandle* make_i32(const std::vector<int32_t>& v, std::vector<int64_t> dims) {
  TF_Tensor* t =
      TF_AllocateTensor(TF_INT32, dims.data(), (int)dims.size(), v.size() * sizeof(int32_t));
  std::memcpy(TF_TensorData(t), v.data(), v.size() * sizeof(int32_t));
  TFE_TensorHandle* h = TFE_NewTensorHandle(t, st);
  CHECK_OK(st);
  TF_DeleteTensor(t);
  return h;
}
static std::vector<float> read_f32(TFE_TensorHandle* h, std::vector<int64_t>* shape = nullptr) {
  TF_Tensor* t = TFE_TensorHandleResolve(h, st);
  CHECK_OK(st);
  size_t n = TF_TensorByteSize(t) / sizeof(float);
  std::vector<float> out((const float*)TF_TensorData(t), (const float*)TF_TensorData(t) + n);
  if (shape) {
    shape->clear();
    for (int i = 0; i < TF_NumDims(t); ++i) shape->push_back(TF_Dim(t, i));
  }
  TF_DeleteTensor(t);
  return out;
}
static TFE_TensorHandle* run1(const char* name, std::vector<TFE_TensorHandle*> in,
                              void (*attrs)(TFE_Op*) = nullptr) {
  TFE_Op* op = TFE_NewOp(ctx, name, st);
  CHECK_OK(st);
  for (auto* h : in) {
    TFE_OpAddInput(op, h, st);
    CHECK_OK(st);
  }
  TFE_OpSetAttrType(op, "T", TF_FLOAT);
  if (attrs) attrs(op);
  TFE_TensorHandle* out[1];
  int n = 1;
  TFE_Execute(op, out, &n, st);
  CHECK_OK(st);
  TFE_DeleteOp(op);
  return out[0];
}
static int fails = 0;
static void expect(const char* what, const std::vector<float>& got,
                   const std::vector<float>& want) {
  bool ok = got.size() == want.size();
  for (size_t i = 0; ok && i < got.size(); ++i) ok = std::fabs(got[i] - want[i]) < 1e-5f;
  std::printf("%-8s %s [", what, ok ? "OK  " : "FAIL");
  for (float g : got) std::printf(" %g", g);
  std::printf(" ]\n");
  if (!ok) ++fails;
}

int main() {
  using clk = std::chrono::steady_clock;
  auto t0 = clk::now();
  st = TF_NewStatus();
  TFE_ContextOptions* opts = TFE_NewContextOptions();
  ctx = TFE_NewContext(opts, st);
  CHECK_OK(st);
  TFE_DeleteContextOptions(opts);
  auto t1 = clk::now();
  std::printf("TF_Version %s, context created in %.1f ms\n", TF_Version(),
              std::chrono::duration<double, std::milli>(t1 - t0).count());

  // devices
  TF_DeviceList* dl = TFE_ContextListDevices(ctx, st);
  CHECK_OK(st);
  for (int i = 0; i < TF_DeviceListCount(dl); ++i)
    std::printf("device: %s\n", TF_DeviceListName(dl, i, st));
  TF_DeleteDeviceList(dl);

  TFE_TensorHandle* a = make_f32({0.f, 0.5f, 1.f}, {3});
  TFE_TensorHandle* b = make_f32({10.f, 20.f, 30.f}, {3});
  std::printf("device of a: %s\n", TFE_TensorHandleDeviceName(a, st));

  TFE_TensorHandle* s = run1("Sin", {a});
  expect("Sin", read_f32(s), {0.f, std::sin(0.5f), std::sin(1.f)});
  TFE_TensorHandle* c = run1("AddV2", {a, b});
  expect("AddV2", read_f32(c), {10.f, 20.5f, 31.f});

  TFE_TensorHandle* m1 = make_f32({1, 2, 3, 4, 5, 6}, {2, 3});
  TFE_TensorHandle* m2 = make_f32({1, 0, 0, 1, 1, 1}, {3, 2});
  TFE_TensorHandle* mm = run1("MatMul", {m1, m2}, [](TFE_Op* op) {
    TFE_OpSetAttrBool(op, "transpose_a", 0);
    TFE_OpSetAttrBool(op, "transpose_b", 0);
  });
  std::vector<int64_t> shp;
  auto mmv = read_f32(mm, &shp);
  expect("MatMul", mmv, {4, 5, 10, 11});
  std::printf("MatMul shape [%lld,%lld]\n", (long long)shp[0], (long long)shp[1]);

  // Sum(input, reduction_indices) with attrs T, Tidx, keep_dims
  TFE_TensorHandle* axis = make_i32({1}, {1});
  TFE_TensorHandle* sm = run1("Sum", {m1, axis}, [](TFE_Op* op) {
    TFE_OpSetAttrType(op, "Tidx", TF_INT32);
    TFE_OpSetAttrBool(op, "keep_dims", 1);
  });
  auto smv = read_f32(sm, &shp);
  expect("Sum", smv, {6, 15});
  std::printf("Sum(axis=1,keep_dims) shape [%lld,%lld]\n", (long long)shp[0], (long long)shp[1]);
  // Sum without Tidx attr set explicitly: inferred from input?
  {
    TFE_Op* op = TFE_NewOp(ctx, "Sum", st);
    CHECK_OK(st);
    TFE_OpAddInput(op, m1, st);
    CHECK_OK(st);
    TFE_OpAddInput(op, axis, st);
    CHECK_OK(st);
    TFE_TensorHandle* out[1];
    int n = 1;
    TFE_Execute(op, out, &n, st);
    std::printf("Sum w/o SetAttrType (attrs inferred from inputs): code=%d %s\n",
                (int)TF_GetCode(st), TF_Message(st));
    if (TF_GetCode(st) == TF_OK) {
      expect("Sum-inf", read_f32(out[0]), {6, 15});
      TFE_DeleteTensorHandle(out[0]);
    }
    TFE_DeleteOp(op);
  }
  // error path: shape mismatch
  {
    TFE_Op* op = TFE_NewOp(ctx, "AddV2", st);
    CHECK_OK(st);
    TFE_OpAddInput(op, a, st);
    TFE_OpAddInput(op, m2, st);
    TFE_TensorHandle* out[1];
    int n = 1;
    TFE_Execute(op, out, &n, st);
    std::printf("AddV2 [3]+[3,2] error: code=%d msg=%.120s\n", (int)TF_GetCode(st), TF_Message(st));
    TFE_DeleteOp(op);
  }

  // ---- latency: 3-element AddV2
  const int N = 10000;
  for (int rep = 0; rep < 2; ++rep) {
    auto s0 = clk::now();
    for (int i = 0; i < N; ++i) {
      TFE_Op* op = TFE_NewOp(ctx, "AddV2", st);
      TFE_OpAddInput(op, a, st);
      TFE_OpAddInput(op, b, st);
      TFE_TensorHandle* out[1];
      int n = 1;
      TFE_Execute(op, out, &n, st);
      TFE_DeleteTensorHandle(out[0]);
      TFE_DeleteOp(op);
    }
    CHECK_OK(st);
    auto s1 = clk::now();
    TFE_Op* op = TFE_NewOp(ctx, "AddV2", st);
    for (int i = 0; i < N; ++i) {
      TFE_OpReset(op, "AddV2", nullptr, st);
      TFE_OpAddInput(op, a, st);
      TFE_OpAddInput(op, b, st);
      TFE_TensorHandle* out[1];
      int n = 1;
      TFE_Execute(op, out, &n, st);
      TFE_DeleteTensorHandle(out[0]);
    }
    CHECK_OK(st);
    TFE_DeleteOp(op);
    auto s2 = clk::now();
    // with resolve (read back to host) each time
    for (int i = 0; i < N; ++i) {
      TFE_Op* op2 = TFE_NewOp(ctx, "AddV2", st);
      TFE_OpAddInput(op2, a, st);
      TFE_OpAddInput(op2, b, st);
      TFE_TensorHandle* out[1];
      int n = 1;
      TFE_Execute(op2, out, &n, st);
      TF_Tensor* t = TFE_TensorHandleResolve(out[0], st);
      TF_DeleteTensor(t);
      TFE_DeleteTensorHandle(out[0]);
      TFE_DeleteOp(op2);
    }
    CHECK_OK(st);
    auto s3 = clk::now();
    auto us = [&](auto x, auto y) {
      return std::chrono::duration<double, std::micro>(y - x).count() / N;
    };
    std::printf(
        "rep %d: AddV2[3] new op each call: %.2f us/op; TFE_OpReset reuse: %.2f us/op; new op + "
        "Resolve: %.2f us/op\n",
        rep, us(s0, s1), us(s1, s2), us(s2, s3));
  }

  // ---- DLPack round trip (C++ symbols in namespace tensorflow)
  {
    void* src_ptr = TFE_TensorHandleDevicePointer(c, st);
    CHECK_OK(st);
    void* dlm = tensorflow::TFE_HandleToDLPack(c, st);
    CHECK_OK(st);
    // DLManagedTensor layout: DLTensor first member; DLTensor.data is first field
    void* dl_data = *(void**)dlm;
    TFE_TensorHandle* back = tensorflow::TFE_HandleFromDLPack(dlm, st, ctx);
    CHECK_OK(st);
    void* back_ptr = TFE_TensorHandleDevicePointer(back, st);
    CHECK_OK(st);
    std::printf("DLPack: handle ptr %p, DLTensor.data %p, re-imported ptr %p -> zero-copy %s\n",
                src_ptr, dl_data, back_ptr,
                (src_ptr == dl_data && dl_data == back_ptr) ? "YES" : "NO");
    expect("DLPack", read_f32(back), {10.f, 20.5f, 31.f});
    TFE_DeleteTensorHandle(back);
  }

  for (auto* h : {a, b, s, c, m1, m2, mm, axis, sm}) TFE_DeleteTensorHandle(h);
  TFE_DeleteContext(ctx);
  TF_DeleteStatus(st);
  std::printf("%s (%d failures)\n", fails ? "FAILED" : "ALL OK", fails);
  return fails ? 1 : 0;
}
