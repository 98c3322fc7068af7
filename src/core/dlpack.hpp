#pragma once
// DLPack helpers shared by the backends that build their own capsules (xtensor, mlx): dtype
// codes and the layout of a producer's memory. Private to the library.
#include <dlpack/dlpack.h>

#include <cstddef>
#include <string_view>
#include <utility>

#include "ivy/core/dtype.hpp"

namespace ivy::detail {

/** Owns an imported capsule: calls the producer's deleter on scope exit unless handed on. */
class CapsuleOwner {
 public:
  explicit CapsuleOwner(DLManagedTensor* m) : m_(m) {}
  CapsuleOwner(const CapsuleOwner&) = delete;
  CapsuleOwner& operator=(const CapsuleOwner&) = delete;
  ~CapsuleOwner() {
    if (m_ && m_->deleter) m_->deleter(m_);
  }
  /** Gives up ownership (the caller now calls the deleter). */
  DLManagedTensor* hand_over() { return std::exchange(m_, nullptr); }

 private:
  DLManagedTensor* m_;
};

/** The DLPack dtype of d; bool travels as uint8 (DLPack 0.6 has no bool code). */
DLDataType dlpack_dtype(DType d);
/** The ivy dtype of a DLPack dtype; UnsupportedError naming backend for one ivy lacks. */
DType from_dlpack_dtype(const DLDataType& t, std::string_view backend);
/** True when t's elements are dense and row-major (null strides or the matching ones). */
bool is_row_major(const DLTensor& t);
/** Copies t's elements, honouring strides and byte offset, densely row-major into dst. */
void copy_to_row_major(const DLTensor& t, void* dst);

}  // namespace ivy::detail
