#pragma once
// A fixture parameter as an ivy::Scalar of the same kind (JSON integers stay integers).
#include <nlohmann/json.hpp>

#include "ivy/core/scalar.hpp"

namespace ivy::testing {

inline Scalar json_scalar(const nlohmann::json& v) {
  if (v.is_boolean()) return Scalar(v.get<bool>());
  if (v.is_number_integer()) return Scalar(v.get<std::int64_t>());
  return Scalar(v.get<double>());
}

}  // namespace ivy::testing
