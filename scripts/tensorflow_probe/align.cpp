#include <dlpack/dlpack.h>
#include <cstdint>
#include <cstdio>
#include "ivy/ivy.hpp"
int main() {
  for (const char* b : {"torch", "xtensor", "mlx"}) {
    ivy::use s{b};
    std::printf("%-8s", b);
    for (long n : {3L, 1000L, 1000000L})
      for (int rep = 0; rep < 3; ++rep) {
        ivy::Array x = ivy::add(ivy::zeros({n}), 1.0);
        DLManagedTensor* d = ivy::to_dlpack(x);
        std::printf(
            " n=%ld:%lu", n,
            (unsigned long)(((uintptr_t)d->dl_tensor.data + d->dl_tensor.byte_offset) % 64));
        d->deleter(d);
      }
    std::printf("   (addr %% 64)\n");
  }
}
