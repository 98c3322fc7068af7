#pragma once
/// The exception hierarchy. Every message names the function, the backend and the offending
/// shapes or values: "ivy::concat [xtensor]: arrays 0 and 1 differ on axis 1: [2,3] vs [2,4]".
#include <stdexcept>
#include <string>
#include <string_view>

namespace ivy {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};
/** Shapes that do not fit: wrong rank, mismatched or non-broadcastable dimensions. */
class ShapeError : public Error {
 public:
  using Error::Error;
};
/** A dtype that the function does not accept, or an unknown dtype name. */
class DTypeError : public Error {
 public:
  using Error::Error;
};
/** An index or axis out of range. */
class IndexError : public Error {
 public:
  using Error::Error;
};
/** A bad argument value (negative count, zero divisor, unknown mode string...). */
class ValueError : public Error {
 public:
  using Error::Error;
};
/** Unknown or unavailable backend, or arrays of two backends in one call. */
class BackendError : public Error {
 public:
  using Error::Error;
};
/** The function, dtype or device is not supported by this backend. */
class UnsupportedError : public Error {
 public:
  using Error::Error;
};
/**
 * An array larger than this machine's memory: the function, backend and bytes requested are
 * named (refused before the engine tries, which would throw std::bad_alloc or, where the system
 * overcommits memory, be killed when it touches the pages).
 */
class MemoryError : public Error {
 public:
  using Error::Error;
};
/** File input and output. */
class IOError : public Error {
 public:
  using Error::Error;
};

namespace detail {
/** Formats "ivy::fn [backend]: what". */
std::string error_message(std::string_view fn, std::string_view backend, std::string_view what);

template <class E>
[[noreturn]] void raise(std::string_view fn, std::string_view backend, std::string_view what) {
  throw E(error_message(fn, backend, what));
}
}  // namespace detail

}  // namespace ivy
