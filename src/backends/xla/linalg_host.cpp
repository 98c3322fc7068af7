// inv, det, solve, svd (and float64 eigh): the CPU plugin has no LU or SVD
// (scripts/xla_probe/FINDINGS.md), so these run on the host through the xtensor backend's LAPACK
// kernels, always built beside xla. The input is read in place and the result uploaded; the xtensor
// kernel is called directly (not ivy::inv), so the gradient tape sees one xla operation, recorded
// by core.
#include <string>
#include <vector>

#include "backends/xla/linalg.hpp"
#include "backends/xla/xla_array.hpp"
#include "ivy/core/framework.hpp"

namespace ivy::backends::xla_impl {
namespace {

const Backend& host_engine() { return ivy::backend("xtensor"); }

Array to_host_engine(const Array& x, std::string_view fn) {
  const void* data = x.size() ? host_data(x, fn) : nullptr;
  return host_engine().from_host(data, x.shape(), x.dtype(), Device("cpu"));
}

Array from_host_engine(const Array& y, std::string_view fn) {
  std::vector<unsigned char> bytes(static_cast<std::size_t>(y.size()) *
                                   static_cast<std::size_t>(itemsize(y.dtype())));
  if (!bytes.empty()) host_engine().to_host(y, bytes.data());
  return from_bytes(bytes.data(), y.dtype(), y.shape(), fn);
}

// "ivy::inv [xtensor]: singular matrix" -> "singular matrix".
std::string what_of(const Error& e) {
  const std::string m = e.what();
  const std::size_t at = m.find("]: ");
  return at == std::string::npos ? m : m.substr(at + 3);
}

// f(the xtensor backend's linalg kernels), its errors named as xla's.
template <class F>
auto on_host(std::string_view fn, F f) {
  const LinalgKernels& k = *host_engine().linalg;
  try {
    return f(k);
  } catch (const ValueError& e) {
    detail::raise<ValueError>(fn, "xla", what_of(e));
  } catch (const UnsupportedError& e) {
    detail::raise<UnsupportedError>(fn, "xla", what_of(e));
  }
}

}  // namespace

Array inv(const Array& x) {
  return on_host("inv", [&](const LinalgKernels& k) {
    return from_host_engine(k.inv(to_host_engine(x, "inv")), "inv");
  });
}

Array det(const Array& x) {
  return on_host("det", [&](const LinalgKernels& k) {
    return from_host_engine(k.det(to_host_engine(x, "det")), "det");
  });
}

Array solve(const Array& a, const Array& b) {
  return on_host("solve", [&](const LinalgKernels& k) {
    return from_host_engine(k.solve(to_host_engine(a, "solve"), to_host_engine(b, "solve")),
                            "solve");
  });
}

SvdResult svd(const Array& x, bool full_matrices) {
  return on_host("svd", [&](const LinalgKernels& k) {
    const SvdResult r = k.svd(to_host_engine(x, "svd"), full_matrices);
    return SvdResult{from_host_engine(r.u, "svd"), from_host_engine(r.s, "svd"),
                     from_host_engine(r.vh, "svd")};
  });
}

EighResult eigh_on_host(const Array& x) {
  return on_host("eigh", [&](const LinalgKernels& k) {
    const EighResult r = k.eigh(to_host_engine(x, "eigh"));
    return EighResult{from_host_engine(r.eigenvalues, "eigh"),
                      from_host_engine(r.eigenvectors, "eigh")};
  });
}

}  // namespace ivy::backends::xla_impl
