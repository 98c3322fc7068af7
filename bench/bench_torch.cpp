// Overhead of ivy's call paths on LibTorch: the engine called directly (native), ivy's
// overloads on at::Tensor (static), and ivy::Array from an explicit backend (explicit) or from
// the scope's backend (erased). The cases are in bench_cases.hpp, the names in
// bench_support.hpp, the results in docs/benchmarks.md.
#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include <vector>

#include "bench_cases.hpp"
#include "ivy/torch.hpp"

namespace {

struct TorchEngine {
  using Native = at::Tensor;
  static constexpr const char* name = "torch";
  static constexpr bool threaded = false;

  static at::Tensor make(const std::vector<float>& v, const ivy::Shape& shape) {
    return at::from_blob(const_cast<float*>(v.data()), shape, at::kFloat).clone();
  }
  static at::Tensor sin(const at::Tensor& x) { return at::sin(x); }
  static at::Tensor exp(const at::Tensor& x) { return at::exp(x); }
  static at::Tensor add(const at::Tensor& x, const at::Tensor& y) { return at::add(x, y); }
  static at::Tensor multiply(const at::Tensor& x, const at::Tensor& y) { return at::mul(x, y); }
  static at::Tensor maximum(const at::Tensor& x, const at::Tensor& y) { return at::maximum(x, y); }
  static at::Tensor sum(const at::Tensor& x) { return x.sum(); }
  static at::Tensor mean0(const at::Tensor& x) { return x.mean(0); }
  static at::Tensor matmul(const at::Tensor& x, const at::Tensor& y) { return at::matmul(x, y); }
  static at::Tensor same_cast(const at::Tensor& x) { return x.to(at::kFloat); }
  static at::Tensor same_reshape(const at::Tensor& x, const ivy::Shape& s) { return x.reshape(s); }
  static at::Tensor framework_cast(const at::Tensor& x) {
    return ivy::torch::cast(x, ivy::float32);
  }
  static void force(const auto&) {}  // eager
};

}  // namespace

int main(int argc, char** argv) {
  at::set_num_threads(1);  // stable timings on a 2-core machine; ivy adds no threads
  return ivy_bench::run_all<TorchEngine>(argc, argv);
}
