// Case handlers of the linear-algebra family (fixtures: scripts/fixtures/linalg.py).
#include <limits>

#include "support/cases.hpp"

namespace {
using ivy::testing::CaseContext;

// "inf", "-inf" and "nan" are strings in JSON.
double ord_number(const nlohmann::json& v) {
  if (v.is_string()) {
    const auto s = v.get<std::string>();
    const double inf = std::numeric_limits<double>::infinity();
    if (s == "inf") return inf;
    if (s == "-inf") return -inf;
    if (s == "nan") return std::numeric_limits<double>::quiet_NaN();
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

ivy::Array mT(const ivy::Array& x) { return ivy::swapaxes(x, -1, -2); }

// The first `count` entries of x along axis (negative: from the end).
ivy::Array first(const ivy::Array& x, int axis, std::int64_t count) {
  std::vector<ivy::Slice> slices(static_cast<std::size_t>(x.ndim()));
  slices[static_cast<std::size_t>(axis < 0 ? axis + x.ndim() : axis)] = {0, count};
  return ivy::slice(x, slices);
}

// cholesky and eigh read the lower triangle only, and their gradients (as torch's) are those
// of symmetric functions: the fixtures' symmetric float matrices go in as 0.5 (x + x^T), which
// leaves their values and spreads every finite-difference step over both triangles. Cases
// with "lower_only" (a non-symmetric input, checking which triangle is read) go in unchanged;
// so do integer, bool and malformed inputs, whose errors the function must report itself.
ivy::Array symmetric_input(const CaseContext& c) {
  const ivy::Array& x = c.in(0);
  if (c.param<bool>("lower_only", false) || !ivy::is_floating(x.dtype()) || x.ndim() < 2 ||
      x.dim(-1) != x.dim(-2))
    return x;
  return ivy::multiply(ivy::add(x, mT(x)), 0.5);
}

// Signs of singular vectors are not unique: check the reconstruction, the singular values and
// the orthonormality of u and vh. With full_matrices the extra columns of u and rows of vh only
// enter u^T u and vh vh^T, constants whose gradients are ignored by design (stop_gradient).
IVY_CASE(svd) {
  const bool full = c.param<bool>("full_matrices", false);
  const ivy::SvdResult r = ivy::svd(c.in(0), full);
  const std::int64_t k = r.s.dim(-1);
  const ivy::Array u = full ? first(r.u, -1, k) : r.u;
  const ivy::Array vh = full ? first(r.vh, -2, k) : r.vh;
  const ivy::Array usv = ivy::matmul(ivy::multiply(u, ivy::expand_dims(r.s, -2)), vh);
  const ivy::Array uf = full ? ivy::stop_gradient(r.u) : r.u;
  const ivy::Array vhf = full ? ivy::stop_gradient(r.vh) : r.vh;
  return {usv, r.s, ivy::matmul(mT(uf), uf), ivy::matmul(vhf, mT(vhf))};
}

IVY_CASE(cholesky) { return {ivy::cholesky(symmetric_input(c), c.param<bool>("upper", false))}; }

IVY_CASE(eigh) {
  const ivy::EighResult r = ivy::eigh(symmetric_input(c));
  return {r.eigenvalues, r.eigenvectors};
}

IVY_CASE(eigvalsh) { return {ivy::eigvalsh(symmetric_input(c))}; }

// Complete QR of a tall x: the last m - n columns of q are not unique, so the handler gives r,
// the first n columns of q, q^T q and q r.
IVY_CASE(qr) {
  const bool complete = c.param<bool>("complete", false);
  const ivy::QrResult r = ivy::qr(c.in(0), complete);
  const ivy::Array& x = c.in(0);
  if (!complete || x.dim(-2) <= x.dim(-1)) return {r.q, r.r};
  return {r.r, first(r.q, -1, x.dim(-1)), ivy::matmul(mT(r.q), r.q), ivy::matmul(r.q, r.r)};
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
IVY_CASE(tensordot) {
  if (c.has("n")) return {ivy::tensordot(c.in(0), c.in(1), c.param<int>("n"))};
  return {ivy::tensordot(c.in(0), c.in(1), c.param<std::vector<int>>("axes1"),
                         c.param<std::vector<int>>("axes2"))};
}
IVY_CASE(vecdot) { return {ivy::vecdot(c.in(0), c.in(1), c.param<int>("axis", -1))}; }

IVY_CASE(clip_vector_norm) {
  return {ivy::clip_vector_norm(c.in(0), ord_number(c.params().at("max_norm")),
                                ord_number(c.params().at("p")))};
}
IVY_CASE(clip_matrix_norm) {
  return {ivy::clip_matrix_norm(c.in(0), ord_number(c.params().at("max_norm")),
                                ord_number(c.params().at("p")))};
}
