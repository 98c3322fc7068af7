// How a LibTorch error becomes an ivy error. Core checks shapes, dtypes and ranges before a
// kernel runs, so what LibTorch still refuses is rare; it keeps its meaning here instead of
// reading as "unsupported" (which the conformance suite would then hold against the backend's
// declarations rather than report as the failure it is).
#include <string>

#include "backends/torch/torch_array.hpp"

namespace ivy::backends::torch_impl {

void raise_from_torch(std::string_view fn, const c10::Error& e) {
  const std::string what = e.what_without_backtrace();
  if (dynamic_cast<const c10::IndexError*>(&e)) detail::raise<IndexError>(fn, "torch", what);
  if (dynamic_cast<const c10::TypeError*>(&e)) detail::raise<DTypeError>(fn, "torch", what);
  if (dynamic_cast<const c10::OutOfMemoryError*>(&e) ||
      what.find("can't allocate memory") != std::string::npos)
    detail::raise<MemoryError>(fn, "torch", what);
  // A kernel LibTorch lacks, typically for a dtype ("... not implemented for 'Half'").
  if (dynamic_cast<const c10::NotImplementedError*>(&e) ||
      what.find("not implemented for") != std::string::npos)
    detail::raise<UnsupportedError>(fn, "torch", what);
  detail::raise<ValueError>(fn, "torch", what);
}

}  // namespace ivy::backends::torch_impl
