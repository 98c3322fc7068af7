#pragma once
// Compiled kernels kept on disk (IVY_XLA_CACHE_DIR): one file per module and compile options,
// named by a hash and holding the key itself, so a hash collision is a miss, never a wrong
// kernel. A process that finds a kernel loads it in about 1 ms instead of compiling it in 15.
#include <memory>
#include <string>
#include <string_view>

#include "backends/xla/pjrt.hpp"

namespace ivy::backends::xla_impl {

/** The kernel compiled from key (compile options and module text), or null: no cache
 *  directory, no such file, or a file that does not load. */
std::shared_ptr<const Executable> disk_cache_load(const std::string& key, std::string_view fn);
/** Keeps exe under key when a cache directory is set (written to a temporary file, then
 *  renamed, so readers never see half a file); failures to write are ignored. */
void disk_cache_store(const std::string& key, const Executable& exe);

}  // namespace ivy::backends::xla_impl
