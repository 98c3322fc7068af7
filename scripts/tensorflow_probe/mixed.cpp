// One process: Ivy (torch, xtensor, mlx via libivy.so) + TensorFlow eager C API.
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iostream>
#include "ivy/ivy.hpp"
#include "ivy_check.hpp"
#include "tensorflow/c/eager/c_api.h"

static int tf_part() {
  TF_Status* st = TF_NewStatus();
  TFE_ContextOptions* o = TFE_NewContextOptions();
  TFE_Context* ctx = TFE_NewContext(o, st);
  if (TF_GetCode(st) != TF_OK) {
    std::printf("TFE_NewContext: %s\n", TF_Message(st));
    return 1;
  }
  int64_t d[1] = {3};
  TF_Tensor* t = TF_AllocateTensor(TF_FLOAT, d, 1, 12);
  float v[3] = {0.f, 0.5f, 1.f};
  std::memcpy(TF_TensorData(t), v, 12);
  TFE_TensorHandle* h = TFE_NewTensorHandle(t, st);
  TFE_Op* op = TFE_NewOp(ctx, "Sin", st);
  TFE_OpAddInput(op, h, st);
  TFE_TensorHandle* out[1];
  int n = 1;
  TFE_Execute(op, out, &n, st);
  if (TF_GetCode(st) != TF_OK) {
    std::printf("TFE_Execute: %s\n", TF_Message(st));
    return 1;
  }
  TF_Tensor* r = TFE_TensorHandleResolve(out[0], st);
  const float* p = (const float*)TF_TensorData(r);
  std::printf("  tf %s: sin = %g %g %g\n", TF_Version(), p[0], p[1], p[2]);
  int bad = std::fabs(p[2] - std::sin(1.f)) > 1e-6f;
  TF_DeleteTensor(r);
  TF_DeleteTensor(t);
  TFE_DeleteTensorHandle(out[0]);
  TFE_DeleteTensorHandle(h);
  TFE_DeleteOp(op);
  TFE_DeleteContext(ctx);
  TFE_DeleteContextOptions(o);
  TF_DeleteStatus(st);
  return bad;
}
int main() {
  std::printf("ivy first:\n");
  int k = ivy_part();
  int bad = tf_part();
  std::printf("ivy again after TF:\n");
  int k2 = ivy_part();
  std::printf("backends checked %d/%d, tf bad=%d -> %s\n", k, k2, bad,
              (k > 0 && k2 == k && !bad) ? "MIXED OK" : "MIXED FAIL");
  return (k > 0 && k2 == k && !bad) ? 0 : 1;
}
