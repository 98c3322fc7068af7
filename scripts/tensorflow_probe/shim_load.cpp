// The shim alone, loaded in a process without Ivy or torch, by the mode given on the command
// line (local, deepbind, dlmopen): built with -fsanitize=address by build.sh, to see which modes
// AddressSanitizer allows (it refuses RTLD_DEEPBIND).
#define _GNU_SOURCE 1
#include <dlfcn.h>

#include <cstdio>
#include <string>

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "local";
  void* l = nullptr;
  if (mode == "local")
    l = dlopen("./libtfshim.so", RTLD_NOW | RTLD_LOCAL);
  else if (mode == "deepbind")
    l = dlopen("./libtfshim.so", RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
  else if (mode == "dlmopen")
    l = dlmopen(LM_ID_NEWLM, "./libtfshim.so", RTLD_NOW | RTLD_LOCAL);
  if (!l) {
    std::printf("%s: dlopen: %s\n", mode.c_str(), dlerror());
    return 2;
  }
  auto init = (int (*)())dlsym(l, "tfshim_init");
  auto sin = (int (*)(const float*, float*, long))dlsym(l, "tfshim_sin");
  float in[3] = {0, 0.5f, 1}, out[3];
  std::printf("%s: init %d\n", mode.c_str(), init());
  const int rc = sin(in, out, 3);
  std::printf("%s: sin rc %d, sin(1) = %g\n", mode.c_str(), rc, out[2]);
  return rc;
}
