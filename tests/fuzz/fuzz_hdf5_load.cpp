// libFuzzer target: Container::from_disk_as_hdf5 on arbitrary file contents. A load must either
// return a Container or throw an ivy::Error; a crash, sanitizer report or other exception is a
// finding. HDF5 reads from a path, so each input is written to a file of this process first.
#include <sys/resource.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>

#include "ivy/container.hpp"
#include "ivy/core/errors.hpp"
#include "ivy/core/framework.hpp"

// The target runs under a data limit (ulimit -d) of what it uses at start plus 2 GiB, as a
// service loading untrusted files would: a file may legally declare a dataset of gigabytes (a
// compressed or never-written one fills it from a few bytes), and the loader must then refuse it
// with ivy::MemoryError below libFuzzer's 4 GiB -rss_limit_mb instead of allocating it.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  std::ifstream statm("/proc/self/statm");
  unsigned long long size = 0, resident = 0, shared = 0, text = 0, lib = 0, data = 0;
  if (statm >> size >> resident >> shared >> text >> lib >> data) {
    rlimit limit{};
    getrlimit(RLIMIT_DATA, &limit);
    const rlim_t wanted = data * static_cast<rlim_t>(sysconf(_SC_PAGESIZE)) + (rlim_t{2} << 30);
    if (limit.rlim_max == RLIM_INFINITY || wanted <= limit.rlim_max) limit.rlim_cur = wanted;
    setrlimit(RLIMIT_DATA, &limit);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // One file per process, so parallel fuzzing jobs (-jobs=N) do not share it.
  static const std::string path = "/tmp/ivy-fuzz-hdf5-" + std::to_string(getpid()) + ".h5";
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return 0;
  std::fwrite(data, 1, size, f);
  std::fclose(f);
  try {
    const ivy::Container c = ivy::Container::from_disk_as_hdf5(path, ivy::backend("xtensor"));
    (void)c.to_string();  // prints every leaf: each must be a readable value
  } catch (const ivy::Error&) {
    // a rejected file is the expected outcome for most inputs
  }
  return 0;
}
