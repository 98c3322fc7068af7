#include <cstdio>
#include <cstring>
#include <filesystem>
#include "tensorflow/c/eager/c_api.h"
static int nthreads() {
  int n = 0;
  for (auto& e : std::filesystem::directory_iterator("/proc/self/task")) {
    (void)e;
    ++n;
  }
  return n;
}
int main() {
  std::printf("threads at main: %d\n", nthreads());
  TF_Status* st = TF_NewStatus();
  TFE_ContextOptions* o = TFE_NewContextOptions();
  TFE_Context* ctx = TFE_NewContext(o, st);
  std::printf("threads after TFE_NewContext: %d\n", nthreads());
  int64_t d[1] = {1 << 20};
  TF_Tensor* t = TF_AllocateTensor(TF_FLOAT, d, 1, 4 << 20);
  std::memset(TF_TensorData(t), 0, 4 << 20);
  TFE_TensorHandle* h = TFE_NewTensorHandle(t, st);
  TFE_Op* op = TFE_NewOp(ctx, "Sin", st);
  TFE_OpAddInput(op, h, st);
  TFE_TensorHandle* r[1];
  int n = 1;
  TFE_Execute(op, r, &n, st);
  std::printf("threads after a 1M-element Sin: %d (status %d)\n", nthreads(), TF_GetCode(st));
}
