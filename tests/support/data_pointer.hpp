#pragma once
// Where an array's elements live, as DLPack exports them: equal pointers mean shared memory.
#include <dlpack/dlpack.h>

#include "ivy/ivy.hpp"

namespace ivy::testing {

/** The data pointer x shares through DLPack (the capsule is released at once). */
inline const void* data_pointer(const Array& x) {
  DLManagedTensor* t = to_dlpack(x);
  const void* p = static_cast<const char*>(t->dl_tensor.data) + t->dl_tensor.byte_offset;
  if (t->deleter) t->deleter(t);
  return p;
}

}  // namespace ivy::testing
