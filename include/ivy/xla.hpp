#pragma once
/// XLA interop: ivy's unified functions on ivy::xla::Buffer (a shared reference to a PJRT buffer
/// on XLA's CPU device), in two spellings.
///
///   ivy::xla::Buffer a = ivy::xla::clip(t, 0.2, 0.8);     // framework-specific
///   ivy::xla::Buffer b = ivy::clip(t, 0.2, 0.8);          // backend inferred from the type
///   ivy::xla::Buffer z = ivy::zeros<ivy::XLA>({3});       // static backend tag
///
/// Needs a library built with the xla backend (ivy loads XLA's PJRT plugin itself).
#include <new>

#include "ivy/native.hpp"
#include "ivy/xla_buffer.hpp"

namespace ivy {

namespace detail {
const Backend& xla_backend_table();
[[noreturn]] void empty_xla_buffer_error();
[[noreturn]] void not_an_xla_buffer_error(const Array& a);
}  // namespace detail

template <>
struct native_traits<xla::Buffer> {
  static constexpr std::string_view backend = "xla";
  static Array to_array(const xla::Buffer& t) {
    if (!t) detail::empty_xla_buffer_error();
    Array a = Array::make_uninitialized(detail::xla_backend_table());
    new (a.handle()) xla::Buffer(t);
    return a;
  }
  static xla::Buffer from_array(const Array& a) { return *array_of(a); }
  static xla::Buffer from_array(Array&& a) { return std::move(*array_of(a)); }

 private:
  static xla::Buffer* array_of(const Array& a) {
    if (a.backend_ptr() != &detail::xla_backend_table()) detail::not_an_xla_buffer_error(a);
    return std::launder(reinterpret_cast<xla::Buffer*>(const_cast<void*>(a.handle())));
  }
};

/** Static backend tag of XLA. */
struct XLA {
  using native = xla::Buffer;
  static constexpr std::string_view name = "xla";
};

inline Array from_native(const xla::Buffer& t) { return native_traits<xla::Buffer>::to_array(t); }

namespace xla {
#define IVY_STAMP(name, differentiable) IVY_NATIVE_OVERLOAD_FOR(::ivy::xla::Buffer, name)
IVY_FUNCTIONS(IVY_STAMP)
#undef IVY_STAMP
IVY_TAGGED_CREATION(inline, ::ivy::XLA, ::ivy::xla::Buffer)
}  // namespace xla

}  // namespace ivy
