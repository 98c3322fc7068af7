#pragma once
/// Options of creation functions: dtype, backend and device, each optional.
#include <optional>

#include "ivy/core/device.hpp"
#include "ivy/core/dtype.hpp"

namespace ivy {

struct Backend;

/**
 * Built implicitly from a DType, a backend or a Device, and combined with the fluent setters:
 * `ivy::zeros({3}, ivy::float64)`, `ivy::zeros({3}, ivy::backend("torch"))`,
 * `ivy::zeros({3}, ivy::Options(ivy::float64).on(ivy::backend("xtensor")))`.
 * A missing backend means the innermost `ivy::use` scope, else `set_framework`, else the default.
 */
struct Options {
  std::optional<DType> dtype;
  const Backend* backend = nullptr;
  std::optional<Device> device;

  Options() = default;
  Options(DType d) : dtype(d) {}               // NOLINT(google-explicit-constructor)
  Options(const Backend& b) : backend(&b) {}   // NOLINT(google-explicit-constructor)
  Options(Device d) : device(std::move(d)) {}  // NOLINT(google-explicit-constructor)
  Options& with(DType d) {
    dtype = d;
    return *this;
  }
  Options& on(const Backend& b) {
    backend = &b;
    return *this;
  }
  Options& to(Device d) {
    device = std::move(d);
    return *this;
  }
};

}  // namespace ivy
