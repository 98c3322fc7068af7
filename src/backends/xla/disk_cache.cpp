#include "backends/xla/disk_cache.hpp"

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "ivy/core/errors.hpp"

namespace ivy::backends::xla_impl {
namespace {

const char* directory() {
  const char* dir = std::getenv("IVY_XLA_CACHE_DIR");
  return dir && *dir ? dir : nullptr;
}

// FNV-1a: stable across processes and builds (std::hash promises neither).
std::uint64_t fnv1a(const std::string& s) {
  std::uint64_t h = 14695981039346656037ULL;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  return h;
}

std::filesystem::path file_of(const char* dir, const std::string& key) {
  char name[32];
  std::snprintf(name, sizeof name, "%016llx.xla", static_cast<unsigned long long>(fnv1a(key)));
  return std::filesystem::path(dir) / name;
}

}  // namespace

std::shared_ptr<const Executable> disk_cache_load(const std::string& key, std::string_view fn) {
  const char* dir = directory();
  if (!dir) return nullptr;
  std::ifstream in(file_of(dir, key), std::ios::binary);
  if (!in) return nullptr;
  const std::string contents((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
  // The file: the key's length (8 bytes), the key, the serialized executable.
  std::uint64_t length = 0;
  if (contents.size() < sizeof length) return nullptr;
  std::memcpy(&length, contents.data(), sizeof length);
  if (contents.size() < sizeof length + length || contents.compare(sizeof length, length, key) != 0)
    return nullptr;
  try {
    return Executable::deserialize(contents.substr(sizeof length + length), fn);
  } catch (const Error&) {  // written by another plugin version: compiled again
    return nullptr;
  }
}

void disk_cache_store(const std::string& key, const Executable& exe) {
  const char* dir = directory();
  if (!dir) return;
  try {
    std::filesystem::create_directories(dir);
    const std::filesystem::path target = file_of(dir, key);
    std::filesystem::path temporary = target;
    temporary += "." + std::to_string(getpid()) + ".tmp";
    {
      std::ofstream out(temporary, std::ios::binary);
      const std::uint64_t length = key.size();
      const std::string bytes = exe.serialize();
      out.write(reinterpret_cast<const char*>(&length), sizeof length);
      out.write(key.data(), static_cast<std::streamsize>(key.size()));
      out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      if (!out) return;
    }
    std::filesystem::rename(temporary, target);
  } catch (const std::exception&) {  // a cache that cannot be written is no cache
  }
}

}  // namespace ivy::backends::xla_impl
