// libFuzzer target: Container::from_disk_as_hdf5 on arbitrary file contents. A load must either
// return a Container or throw an ivy::Error; a crash, sanitizer report or other exception is a
// finding. HDF5 reads from a path, so each input is written to a file of this process first.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "ivy/container.hpp"
#include "ivy/core/errors.hpp"
#include "ivy/core/framework.hpp"

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
