// Case handlers of the linear-algebra family (fixtures: scripts/fixtures/linalg.py).
#include <limits>

#include "support/cases.hpp"

namespace {
using ivy::testing::CaseContext;

// "inf" and "-inf" are strings in JSON.
double ord_number(const nlohmann::json& v) {
  if (v.is_string()) {
    const auto s = v.get<std::string>();
    const double inf = std::numeric_limits<double>::infinity();
    if (s == "inf") return inf;
    if (s == "-inf") return -inf;
  }
  return v.get<double>();
}

ivy::Axes axes_param(const CaseContext& c, ivy::Axes fallback) {
  if (!c.has("axes")) return fallback;
  const auto& a = c.params().at("axes");
  if (a.is_string()) return ivy::Axes::all();
  return ivy::Axes(a.get<std::vector<int>>());
}
}  // namespace

IVY_CASE(matmul) { return {ivy::matmul(c.in(0), c.in(1))}; }
IVY_CASE(inv) { return {ivy::inv(c.in(0))}; }
IVY_CASE(det) { return {ivy::det(c.in(0))}; }
IVY_CASE(solve) { return {ivy::solve(c.in(0), c.in(1))}; }
IVY_CASE(pinv) { return {ivy::pinv(c.in(0))}; }

// Signs of singular vectors are not unique: check the reconstruction, the singular values and
// the orthonormality of u and vh.
IVY_CASE(svd) {
  const ivy::SvdResult r = ivy::svd(c.in(0));
  const ivy::Array usv = ivy::matmul(ivy::multiply(r.u, ivy::expand_dims(r.s, -2)), r.vh);
  return {usv, r.s, ivy::matmul(ivy::swapaxes(r.u, -1, -2), r.u),
          ivy::matmul(r.vh, ivy::swapaxes(r.vh, -1, -2))};
}

IVY_CASE(vector_norm) {
  return {ivy::vector_norm(c.in(0), ord_number(c.params().at("ord")), axes_param(c, ivy::Axes{-1}),
                           c.param<bool>("keepdims", false))};
}

IVY_CASE(matrix_norm) {
  std::pair<int, int> axes{-2, -1};
  if (c.has("axes")) {
    const auto a = c.param<std::vector<int>>("axes");
    axes = {a.at(0), a.at(1)};
  }
  const bool keep = c.param<bool>("keepdims", false);
  const auto& ord = c.params().at("ord");
  if (ord.is_string() && ord != "inf" && ord != "-inf")
    return {ivy::matrix_norm(c.in(0), ord.get<std::string>(), axes, keep)};
  return {ivy::matrix_norm(c.in(0), ord_number(ord), axes, keep)};
}

IVY_CASE(cross) { return {ivy::cross(c.in(0), c.in(1), c.param<int>("axis", -1))}; }
IVY_CASE(vector_to_skew_symmetric_matrix) {
  return {ivy::vector_to_skew_symmetric_matrix(c.in(0))};
}
IVY_CASE(einsum) { return {ivy::einsum(c.param<std::string>("subscripts"), c.inputs())}; }
