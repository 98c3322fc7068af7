#define _GNU_SOURCE 1
#include <dlfcn.h>
#include <cstdio>
int main() {
  void* l = dlmopen(LM_ID_NEWLM, "./libtfshim.so", RTLD_NOW | RTLD_LOCAL);
  if (!l) {
    std::printf("dlopen: %s\n", dlerror());
    return 2;
  }
  auto init = (int (*)())dlsym(l, "tfshim_init");
  float in[3] = {0, 0.5f, 1}, out[3];
  auto s = (int (*)(const float*, float*, long))dlsym(l, "tfshim_sin");
  std::printf("init %d\n", init());
  int r = s(in, out, 3);
  std::printf("sin rc %d %g\n", r, out[2]);
}
