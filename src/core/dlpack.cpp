#include "core/dlpack.hpp"

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "ivy/core/errors.hpp"

namespace ivy::detail {

DLDataType dlpack_dtype(DType d) {
  switch (d) {
    case DType::bool_:
    case DType::uint8:
      return {kDLUInt, 8, 1};
    case DType::int8:
      return {kDLInt, 8, 1};
    case DType::int16:
      return {kDLInt, 16, 1};
    case DType::int32:
      return {kDLInt, 32, 1};
    case DType::int64:
      return {kDLInt, 64, 1};
    case DType::float16:
      return {kDLFloat, 16, 1};
    case DType::bfloat16:
      return {kDLBfloat, 16, 1};
    case DType::float32:
      return {kDLFloat, 32, 1};
    case DType::float64:
      return {kDLFloat, 64, 1};
  }
  return {kDLFloat, 32, 1};
}

DType from_dlpack_dtype(const DLDataType& t, std::string_view backend) {
  if (t.lanes == 1) {
    if (t.code == kDLInt) {
      if (t.bits == 8) return DType::int8;
      if (t.bits == 16) return DType::int16;
      if (t.bits == 32) return DType::int32;
      if (t.bits == 64) return DType::int64;
    }
    if (t.code == kDLUInt && t.bits == 8) return DType::uint8;
    if (t.code == kDLFloat && t.bits == 16) return DType::float16;
    if (t.code == kDLBfloat && t.bits == 16) return DType::bfloat16;
    if (t.code == kDLFloat && t.bits == 32) return DType::float32;
    if (t.code == kDLFloat && t.bits == 64) return DType::float64;
  }
  raise<UnsupportedError>("from_dlpack", backend,
                          "DLPack dtype code " + std::to_string(t.code) + " with " +
                              std::to_string(t.bits) + " bits and " + std::to_string(t.lanes) +
                              " lanes has no ivy dtype");
}

bool is_row_major(const DLTensor& t) {
  if (!t.strides) return true;
  std::int64_t expected = 1;
  for (int k = t.ndim - 1; k >= 0; --k) {
    if (t.shape[k] != 1 && t.strides[k] != expected) return false;
    expected *= t.shape[k];
  }
  return true;
}

namespace {
// Bytes of t's elements packed densely.
std::size_t dlpack_bytes(const DLTensor& t) {
  std::size_t n = (t.dtype.bits * t.dtype.lanes + 7) / 8;
  for (int k = 0; k < t.ndim; ++k) n *= static_cast<std::size_t>(t.shape[k]);
  return n;
}
}  // namespace

void copy_to_row_major(const DLTensor& t, void* dst) {
  const std::size_t item = (t.dtype.bits * t.dtype.lanes + 7) / 8;
  const std::size_t total = dlpack_bytes(t);
  if (total == 0) return;  // before the offset: data + byte_offset of an empty tensor may overflow
  const char* base = static_cast<const char*>(t.data) + t.byte_offset;
  char* out = static_cast<char*>(dst);
  if (is_row_major(t)) {
    std::memcpy(out, base, total);
    return;
  }
  std::vector<std::int64_t> idx(t.ndim, 0);
  for (std::size_t i = 0; i < total / item; ++i) {
    std::int64_t offset = 0;
    for (int k = 0; k < t.ndim; ++k) offset += idx[k] * t.strides[k];
    std::memcpy(out + i * item, base + offset * static_cast<std::int64_t>(item), item);
    for (int k = t.ndim - 1; k >= 0; --k) {
      if (++idx[k] < t.shape[k]) break;
      idx[k] = 0;
    }
  }
}

}  // namespace ivy::detail
