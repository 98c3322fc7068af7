// Overhead of ivy's call paths on xtensor: xtensor expressions evaluated into an xt::xarray
// (native), ivy's overloads on xt::xarray<float> (static: they copy the inputs in and the
// result out by design), and ivy::Array from an explicit backend (explicit) or from the scope's
// backend (erased). The cases are in bench_cases.hpp, the results in docs/benchmarks.md.
#include <algorithm>
#include <vector>
#include <xtensor-blas/xlinalg.hpp>
#include <xtensor/xarray.hpp>
#include <xtensor/xmath.hpp>

#include "bench_cases.hpp"
#include "ivy/xtensor.hpp"

namespace {

using Xf = xt::xarray<float>;

struct XtensorEngine {
  using Native = Xf;
  static constexpr const char* name = "xtensor";
  static constexpr bool threaded = false;

  static Xf make(const std::vector<float>& v, const ivy::Shape& shape) {
    Xf x = Xf::from_shape(std::vector<std::size_t>(shape.begin(), shape.end()));
    std::copy(v.begin(), v.end(), x.begin());
    return x;
  }
  static Xf sin(const Xf& x) { return Xf(xt::sin(x)); }
  static Xf exp(const Xf& x) { return Xf(xt::exp(x)); }
  static Xf add(const Xf& x, const Xf& y) { return Xf(x + y); }
  static Xf multiply(const Xf& x, const Xf& y) { return Xf(x * y); }
  static Xf maximum(const Xf& x, const Xf& y) { return Xf(xt::maximum(x, y)); }
  static Xf sum(const Xf& x) { return Xf(xt::sum(x)); }
  static Xf mean0(const Xf& x) { return Xf(xt::mean(x, {0})); }
  static Xf matmul(const Xf& x, const Xf& y) { return Xf(xt::linalg::dot(x, y)); }
  static Xf same_cast(const Xf& x) { return Xf(xt::cast<float>(x)); }
  // An xt::xarray owns its buffer, so the native baseline of an op returning its input is a
  // copy.
  static Xf same_reshape(const Xf& x, const ivy::Shape& s) {
    Xf y = x;
    y.reshape({static_cast<std::size_t>(s[0]), static_cast<std::size_t>(s[1])});
    return y;
  }
  static Xf framework_cast(const Xf& x) { return ivy::xtensor::cast(x, ivy::float32); }
  static void force(const auto&) {}  // eager
};

}  // namespace

int main(int argc, char** argv) { return ivy_bench::run_all<XtensorEngine>(argc, argv); }
