#pragma once
/// ivy::Array: a type-erased array of any backend. A value type, cheap to copy: it holds the
/// backend's native handle inline (a refcounted pointer), so copies share the data.
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "ivy/core/device.hpp"
#include "ivy/core/dtype.hpp"
#include "ivy/core/shape.hpp"

namespace ivy {

struct Backend;

namespace detail {
/** A node of ivy's gradient tape (src/grad/); opaque outside the gradient engine. */
struct GradNode;
void retain(GradNode* node) noexcept;
void release(GradNode* node) noexcept;
}  // namespace detail

class Array {
 public:
  /** Bytes available to a backend for its native handle. */
  static constexpr std::size_t kHandleSize = 16;

  Array() noexcept = default;
  Array(const Array& other);
  Array(Array&& other) noexcept;
  Array& operator=(const Array& other);
  Array& operator=(Array&& other) noexcept;
  ~Array();

  /** False for a default-constructed Array. */
  bool defined() const { return backend_ != nullptr; }
  /** The backend holding the data; throws ValueError on an undefined Array. */
  const Backend& backend() const;
  std::string_view backend_name() const;

  DType dtype() const;
  Shape shape() const;
  int ndim() const;
  std::int64_t size() const;
  /** Length of one axis (negative axes count from the end). */
  std::int64_t dim(int axis) const;
  Device device() const;

  /** Copies the elements to the host, converted to T, in row-major order. */
  template <class T>
  std::vector<T> to_vector() const;
  /** The single element of a size-1 array, converted to T. */
  template <class T>
  T item() const;
  /** "Array(shape=[2,3], dtype=float32, backend=torch)" followed by the values. */
  std::string to_string() const;

  /** The gradient-tape node that produced this array; null outside gradient computations. */
  detail::GradNode* grad_node() const noexcept { return node_; }
  /** Replaces the tape node (taking a reference); for the gradient engine. */
  void set_grad_node(detail::GradNode* node) noexcept;

  /** The backend table, or nullptr for an undefined Array (no check, no throw). */
  const Backend* backend_ptr() const noexcept { return backend_; }

  // For backends: the inline native handle.
  void* handle() { return handle_; }
  const void* handle() const { return handle_; }
  /** An Array of backend b whose handle the caller constructs in place right after. */
  static Array make_uninitialized(const Backend& b) {
    Array a;
    a.backend_ = &b;
    return a;
  }

 private:
  const Backend* backend_ = nullptr;
  // Fills the padding before the aligned handle, so the Array stays 32 bytes.
  detail::GradNode* node_ = nullptr;
  alignas(16) std::byte handle_[kHandleSize];
};

/** Writes x.to_string(). */
std::ostream& operator<<(std::ostream& os, const Array& x);

/** Host copy in row-major order, element type T (bool, integer types, float, double). */
template <class T>
std::vector<T> to_vector(const Array& x) {
  return x.to_vector<T>();
}

}  // namespace ivy
