#include <cstdio>
#include <fstream>
#include <string>
#include "tensorflow/c/eager/c_api.h"
static long rss_kb() {
  std::ifstream f("/proc/self/status");
  std::string l;
  while (std::getline(f, l))
    if (l.rfind("VmRSS:", 0) == 0 || l.rfind("RssAnon:", 0) == 0 || l.rfind("RssFile:", 0) == 0)
      std::fprintf(stderr, "  %s\n", l.c_str());
  return -1;
}
int main(int argc, char**) {
  long r0 = rss_kb();
  TF_Status* st = TF_NewStatus();
  TFE_ContextOptions* o = TFE_NewContextOptions();
  TFE_Context* ctx = TFE_NewContext(o, st);
  long r1 = rss_kb();
  std::printf("RSS at main (libs loaded): %ld KB, after TFE_NewContext: %ld KB, status %d\n", r0,
              r1, TF_GetCode(st));
  TFE_DeleteContext(ctx);
  TFE_DeleteContextOptions(o);
  TF_DeleteStatus(st);
}
