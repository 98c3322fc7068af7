// Timing of compile_fn on mxnet: the 3-layer MLP docs/tensorflow.md times (32 -> 64 -> 64 -> 1,
// tanh, sigmoid, weights as arguments, float32), uncompiled against the cached op, and the same
// with its gradients (execute_with_gradients inside the function: traced through ivy's tape).
// Build against a build folder's libivy:
//   g++ -O2 -std=c++20 -Iinclude scripts/mxnet_probe/compile_timing.cpp -Lbuild -livy \
//       -Wl,-rpath,$PWD/build -o /tmp/compile_timing && /tmp/compile_timing
#include <chrono>
#include <cstdio>
#include <vector>

#include "ivy/ivy.hpp"

namespace {

using ivy::Array;

std::vector<Array> mlp(const std::vector<Array>& a) {
  const Array h1 = ivy::tanh(ivy::add(ivy::matmul(a[0], a[1]), a[2]));
  const Array h2 = ivy::tanh(ivy::add(ivy::matmul(h1, a[3]), a[4]));
  return {ivy::mean(ivy::sigmoid(ivy::add(ivy::matmul(h2, a[5]), a[6])))};
}

std::vector<Array> mlp_gradients(const std::vector<Array>& a) {
  const std::vector<Array> weights(a.begin() + 1, a.end());
  const ivy::GradResult r = ivy::execute_with_gradients(
      [&](const std::vector<Array>& w) {
        std::vector<Array> all{a[0]};
        all.insert(all.end(), w.begin(), w.end());
        return mlp(all);
      },
      weights);
  std::vector<Array> out{r.value};
  out.insert(out.end(), r.grads.begin(), r.grads.end());
  return out;
}

double microseconds_per_call(const ivy::ArrayFunction& f, const std::vector<Array>& args,
                             int calls) {
  for (int i = 0; i < 20; ++i) (void)f(args);
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < calls; ++i) (void)f(args)[0].to_vector<float>();
  const std::chrono::duration<double, std::micro> took = std::chrono::steady_clock::now() - start;
  return took.count() / calls;
}

}  // namespace

int main() {
  const ivy::Backend& b = ivy::backend("mxnet");
  const ivy::Options f32 = ivy::Options(ivy::float32).on(b);
  ivy::seed(1);
  for (std::int64_t batch : {8, 256}) {
    const std::vector<Array> args{ivy::random_normal(0.0, 1.0, ivy::Shape{batch, 32}, f32),
                                  ivy::random_normal(0.0, 0.1, ivy::Shape{32, 64}, f32),
                                  ivy::zeros({64}, f32),
                                  ivy::random_normal(0.0, 0.1, ivy::Shape{64, 64}, f32),
                                  ivy::zeros({64}, f32),
                                  ivy::random_normal(0.0, 0.1, ivy::Shape{64, 1}, f32),
                                  ivy::zeros({1}, f32)};
    for (auto [name, fn] :
         {std::pair{"forward", &mlp}, std::pair{"forward+gradients", &mlp_gradients}}) {
      const ivy::ArrayFunction f = fn;
      const auto t0 = std::chrono::steady_clock::now();
      const ivy::CompiledFunction fast = ivy::compile_fn(f, args);
      (void)fast(args);
      const std::chrono::duration<double, std::milli> first = std::chrono::steady_clock::now() - t0;
      const double eager = microseconds_per_call(f, args, 2000);
      const double compiled =
          microseconds_per_call([&](const std::vector<Array>& a) { return fast(a); }, args, 2000);
      std::printf(
          "batch %4lld %-18s uncompiled %8.1f us  cached op %8.1f us  (%s; trace + first "
          "call %.1f ms)\n",
          static_cast<long long>(batch), name, eager, compiled, std::string(fast.engine()).c_str(),
          first.count());
    }
  }
}
