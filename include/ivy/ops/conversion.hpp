#pragma once
/// Conversion and properties.
#include <string_view>
#include <vector>

#include "ivy/core/array.hpp"
#include "ivy/core/dtype.hpp"

struct DLManagedTensor;

namespace ivy {

/** x converted to dtype d (x itself when it already has d). Float to int truncates. */
Array cast(const Array& x, DType d);
inline Shape shape(const Array& x) { return x.shape(); }
inline int ndim(const Array& x) { return x.ndim(); }
inline DType dtype(const Array& x) { return x.dtype(); }
inline Device device(const Array& x) { return x.device(); }
/** A copy of x on device d (x itself when already there). */
Array to_device(const Array& x, const Device& d);
/** As above with the device by name ("cpu", "cuda:0"); a malformed name is a ValueError. */
Array to_device(const Array& x, std::string_view device);
Array to_device(const Array& x, const char* device);
/**
 * x on the backend called name: shared memory through DLPack where both backends allow it,
 * else a host copy. x itself when already on that backend.
 */
Array to_backend(const Array& x, std::string_view name);
Array to_backend(const Array& x, const struct Backend& b);

/** A DLPack capsule sharing x's memory; the caller owns it (call its deleter). */
DLManagedTensor* to_dlpack(const Array& x);
/** An Array of backend b taking ownership of the capsule t. */
Array from_dlpack(DLManagedTensor* t, const struct Backend& b);

}  // namespace ivy
