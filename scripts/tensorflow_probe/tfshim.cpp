// Shim: the only object that links TensorFlow; exposes a C interface for dlopen.
#include <cstring>
#include "tensorflow/c/c_api.h"
#include "tensorflow/c/eager/c_api.h"
#include "tensorflow/c/eager/c_api_experimental.h"
#include "tensorflow/c/eager/dlpack.h"

static TF_Status* st;
static TFE_Context* ctx;

static TFE_TensorHandle* sin_h(TFE_TensorHandle* h) {
  TFE_Op* op = TFE_NewOp(ctx, "Sin", st);
  TFE_OpAddInput(op, h, st);
  TFE_TensorHandle* out[1];
  int n = 1;
  TFE_Execute(op, out, &n, st);
  TFE_DeleteOp(op);
  return TF_GetCode(st) == TF_OK ? out[0] : nullptr;
}
extern "C" {
const char* tfshim_version() { return TF_Version(); }
int tfshim_init() {
  st = TF_NewStatus();
  TFE_ContextOptions* o = TFE_NewContextOptions();
  ctx = TFE_NewContext(o, st);
  TFE_DeleteContextOptions(o);
  return TF_GetCode(st);
}
int tfshim_sin(const float* in, float* out, long n) {
  int64_t d[1] = {n};
  TF_Tensor* t = TF_AllocateTensor(TF_FLOAT, d, 1, n * sizeof(float));
  std::memcpy(TF_TensorData(t), in, n * sizeof(float));
  TFE_TensorHandle* h = TFE_NewTensorHandle(t, st);
  TF_DeleteTensor(t);
  TFE_TensorHandle* r = sin_h(h);
  if (!r) return 1;
  TF_Tensor* rt = TFE_TensorHandleResolve(r, st);
  std::memcpy(out, TF_TensorData(rt), n * sizeof(float));
  TF_DeleteTensor(rt);
  TFE_DeleteTensorHandle(r);
  TFE_DeleteTensorHandle(h);
  return TF_GetCode(st);
}
// Takes ownership of a DLManagedTensor*, returns a new DLManagedTensor* holding sin(x).
void* tfshim_sin_dlpack(void* dlm, void** seen_in, void** seen_out) {
  TFE_TensorHandle* h = tensorflow::TFE_HandleFromDLPack(dlm, st, ctx);
  if (TF_GetCode(st) != TF_OK) return nullptr;
  *seen_in = TFE_TensorHandleDevicePointer(h, st);
  TFE_TensorHandle* r = sin_h(h);
  TFE_DeleteTensorHandle(h);
  if (!r) return nullptr;
  *seen_out = TFE_TensorHandleDevicePointer(r, st);
  void* out = tensorflow::TFE_HandleToDLPack(r, st);
  TFE_DeleteTensorHandle(r);  // DLPack capsule keeps the buffer alive
  return out;
}
const char* tfshim_last_error() { return TF_Message(st); }
}
