#include <ATen/ops/einsum.h>
#include <ATen/ops/linalg_cholesky_ex.h>
#include <ATen/ops/linalg_det.h>
#include <ATen/ops/linalg_eigh.h>
#include <ATen/ops/linalg_inv_ex.h>
#include <ATen/ops/linalg_qr.h>
#include <ATen/ops/linalg_solve_ex.h>
#include <ATen/ops/linalg_svd.h>

#include "backends/torch/torch_array.hpp"

namespace ivy::backends::torch_impl {
namespace {

// LAPACK reports a zero pivot in info; ivy reports it as ValueError on every backend.
void check_singular(std::string_view fn, const at::Tensor& info) {
  if (info.numel() > 0 && info.ne(0).any().item<bool>())
    detail::raise<ValueError>(fn, "torch", "singular matrix");
}

Array matmul(const Array& a, const Array& b) {
  return guarded("matmul", [&] {
    return wrap(narrowed(at::matmul(widened(tensor(a)), widened(tensor(b))), tensor(a)));
  });
}

Array inv(const Array& x) {
  auto [out, info] = guarded("inv", [&] { return at::linalg_inv_ex(tensor(x)); });
  check_singular("inv", info);
  return wrap(out);
}

SvdResult svd(const Array& x, bool full_matrices) {
  return guarded("svd", [&] {
    auto [u, s, vh] = at::linalg_svd(tensor(x), full_matrices);
    return SvdResult{wrap(u), wrap(s), wrap(vh)};
  });
}

Array cholesky(const Array& x) {
  auto [l, info] = guarded("cholesky", [&] { return at::linalg_cholesky_ex(tensor(x)); });
  if (info.numel() > 0 && info.ne(0).any().item<bool>())
    detail::raise<ValueError>(
        "cholesky", "torch",
        "the matrix of shape " + shape_str(x.shape()) + " is not positive definite");
  return wrap(l);
}

EighResult eigh(const Array& x) {
  return guarded("eigh", [&] {
    auto [w, v] = at::linalg_eigh(tensor(x), "L");
    return EighResult{wrap(w), wrap(v)};
  });
}

QrResult qr(const Array& x, bool complete) {
  return guarded("qr", [&] {
    auto [q, r] = at::linalg_qr(tensor(x), complete ? "complete" : "reduced");
    return QrResult{wrap(q), wrap(r)};
  });
}

Array det(const Array& x) {
  return guarded("det", [&] { return wrap(at::linalg_det(tensor(x))); });
}

Array solve(const Array& a, const Array& b) {
  auto [out, info] = guarded("solve", [&] { return at::linalg_solve_ex(tensor(a), tensor(b)); });
  check_singular("solve", info);
  return wrap(out);
}

Array einsum(std::string_view subscripts, const std::vector<Array>& operands) {
  return guarded("einsum", [&] {
    std::vector<at::Tensor> ts;
    for (const Array& a : operands) ts.push_back(widened(tensor(a)));
    const at::Tensor r = at::einsum(c10::string_view(subscripts.data(), subscripts.size()), ts);
    return wrap(operands.empty() ? r : narrowed(r, tensor(operands.front())));
  });
}

}  // namespace

const LinalgKernels& linalg_kernels() {
  static const LinalgKernels k = [] {
    LinalgKernels t;
    t.matmul = matmul;
    t.inv = inv;
    t.svd = svd;
    t.det = det;
    t.solve = solve;
    t.einsum = einsum;
    t.cholesky = cholesky;
    t.eigh = eigh;
    t.qr = qr;
    return t;
  }();
  return k;
}

}  // namespace ivy::backends::torch_impl
