// Overhead of ivy's call paths on MLX: the engine called directly (native), ivy's overloads on
// mx::array (static), and ivy::Array from an explicit backend (explicit) or from the scope's
// backend (erased). MLX is lazy, so every path evaluates its result inside the timed loop
// (mx::eval on the native and static paths, ivy::eval on ivy::Array), and the inputs are
// evaluated once before it. MLX computes on a stream thread of its own while the caller waits,
// so the times are the CPU time of the whole process. The cases are in bench_cases.hpp, the
// results in docs/benchmarks.md.
#include <mlx/mlx.h>

#include <vector>

#include "bench_cases.hpp"
#include "ivy/mlx.hpp"

namespace {

namespace mx = mlx::core;

mx::Shape mlx_shape(const ivy::Shape& s) {
  mx::Shape out;
  for (const std::int64_t d : s) out.push_back(static_cast<mx::ShapeElem>(d));
  return out;
}

struct MlxEngine {
  using Native = mx::array;
  static constexpr const char* name = "mlx";
  static constexpr bool threaded = true;

  static mx::array make(const std::vector<float>& v, const ivy::Shape& shape) {
    return mx::array(v.begin(), mlx_shape(shape), mx::float32);
  }
  static mx::array sin(const mx::array& x) { return mx::sin(x); }
  static mx::array exp(const mx::array& x) { return mx::exp(x); }
  static mx::array add(const mx::array& x, const mx::array& y) { return mx::add(x, y); }
  static mx::array multiply(const mx::array& x, const mx::array& y) { return mx::multiply(x, y); }
  static mx::array maximum(const mx::array& x, const mx::array& y) { return mx::maximum(x, y); }
  static mx::array sum(const mx::array& x) { return mx::sum(x); }
  static mx::array mean0(const mx::array& x) { return mx::mean(x, 0); }
  static mx::array matmul(const mx::array& x, const mx::array& y) { return mx::matmul(x, y); }
  static mx::array same_cast(const mx::array& x) { return mx::astype(x, mx::float32); }
  static mx::array same_reshape(const mx::array& x, const ivy::Shape& s) {
    return mx::reshape(x, mlx_shape(s));
  }
  static mx::array framework_cast(const mx::array& x) { return ivy::mlx::cast(x, ivy::float32); }
  static void force(const mx::array& x) { mx::eval(x); }
  static void force(const ivy::Array& x) { ivy::eval(x); }
};

}  // namespace

int main(int argc, char** argv) { return ivy_bench::run_all<MlxEngine>(argc, argv); }
