#pragma once
// What a backend's compile_fn checks of the traced function's outputs: arrays of its own.
#include <string>

#include "ivy/backend/contract.hpp"
#include "ivy/core/array.hpp"
#include "ivy/core/errors.hpp"

namespace ivy::backends {

/** BackendError unless output i of the function being compiled is an array of backend b. */
inline void require_output_of(const Backend& b, const Array& out, std::size_t i) {
  if (!out.defined() || out.backend_ptr() != &b)
    detail::raise<BackendError>("compile_fn", b.name,
                                "output " + std::to_string(i) + " of the function is not a " +
                                    std::string(b.name) +
                                    " array (outputs must be arrays of the arguments' backend)");
}

}  // namespace ivy::backends
