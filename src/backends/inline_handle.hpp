#pragma once
// The handle functions of a backend whose native array H lives inline in ivy::Array (copied,
// moved and destroyed as a C++ object): Backend::copy_handle, move_handle and destroy_handle.
#include <new>
#include <utility>

namespace ivy::backends::inline_handle {

template <class H>
H& ref(void* h) {
  return *std::launder(reinterpret_cast<H*>(h));
}

template <class H>
void copy(void* dst, const void* src) {
  new (dst) H(*std::launder(reinterpret_cast<const H*>(src)));
}

/** Move-constructs dst from src, then destroys src. */
template <class H>
void move(void* dst, void* src) {
  new (dst) H(std::move(ref<H>(src)));
  ref<H>(src).~H();
}

template <class H>
void destroy(void* h) {
  ref<H>(h).~H();
}

}  // namespace ivy::backends::inline_handle
