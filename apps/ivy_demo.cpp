// ivy-demo: one small computation (apps/field.hpp) through each way of choosing the backend,
// on every backend of this build. Prints the results side by side, checks that they agree and
// writes the fields as a picture.
//
//   ivy-demo [--size N] [--out ivy_demo.png]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "field.hpp"
#include "png_writer.hpp"
#ifdef IVY_DEMO_TORCH
#include "torch_mode.hpp"
#endif
#ifdef IVY_DEMO_MLX
#include "mlx_mode.hpp"
#endif

namespace {

struct Run {
  std::string backend, mode;
  std::vector<float> values;
  double ms = 0;
};

template <class F>
Run timed(const std::string& backend, const std::string& mode, F&& compute) {
  const auto start = std::chrono::steady_clock::now();
  Run r{backend, mode, compute(), 0};
  r.ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return r;
}

// Blue (negative) through white to red (positive), for values in [-lim, lim].
void colour(float v, float lim, std::uint8_t* px) {
  const float t = std::clamp(v / lim, -1.0f, 1.0f);
  const auto fade = [](float a) { return static_cast<std::uint8_t>(255.0f * (1.0f - a)); };
  px[0] = t < 0 ? fade(-t) : 255;
  px[1] = fade(std::abs(t));
  px[2] = t > 0 ? fade(t) : 255;
}

ivy_demo::Image panels(const std::vector<Run>& runs, int n) {
  const int gap = 4, count = static_cast<int>(runs.size());
  ivy_demo::Image img{count * n + (count - 1) * gap, n, {}};
  img.rgb.assign(static_cast<std::size_t>(img.width) * img.height * 3, 40);
  for (int p = 0; p < count; ++p)
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < n; ++j) {
        const std::size_t px = (static_cast<std::size_t>(i) * img.width + p * (n + gap) + j) * 3;
        colour(runs[p].values[static_cast<std::size_t>(i) * n + j], 2.5f, &img.rgb[px]);
      }
  return img;
}

}  // namespace

int main(int argc, char** argv) {
  int n = 128;
  std::string out = "ivy_demo.png";
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--size")
      n = std::stoi(argv[i + 1]);
    else if (flag == "--out")
      out = argv[i + 1];
    else {
      std::cerr << "usage: ivy-demo [--size N] [--out FILE.png]\n";
      return 2;
    }
  }

  std::vector<Run> runs;
  for (const std::string& name : ivy::available_backends()) {
    if (name == "stub") continue;
    std::cout << "[" << name << "] computing a " << n << "x" << n << " field in 3 modes\n";
    // 1. Explicit backend handle, type-erased ivy::Array.
    runs.push_back(timed(name, "explicit backend", [&] {
      const ivy::Array axis = ivy::linspace(-2.0, 2.0, n, -1, true, ivy::backend(name));
      return ivy_demo::field(axis, n).to_vector<float>();
    }));
    // 2. A scope: creation functions take the backend from the innermost ivy::use.
    runs.push_back(timed(name, "ivy::use scope", [&] {
      ivy::use scope{name};
      return ivy_demo::field(ivy::linspace(-2.0, 2.0, n), n).to_vector<float>();
    }));
    // 3. The paper's set_framework / unset_framework.
    runs.push_back(timed(name, "set_framework", [&] {
      ivy::set_framework(name);
      auto v = ivy_demo::field(ivy::linspace(-2.0, 2.0, n), n).to_vector<float>();
      ivy::unset_framework();
      return v;
    }));
  }
#ifdef IVY_DEMO_TORCH
  // 4. Framework-specific: at::Tensor in and out through ivy::torch::*.
  std::cout << "[torch] computing through ivy::torch:: on at::Tensor\n";
  runs.push_back(timed("torch", "ivy::torch:: native",
                       [&] { return ivy_demo::field_through_torch_namespace(n); }));
#endif
#ifdef IVY_DEMO_MLX
  // 4'. Framework-specific on MLX: mlx::core::array in and out through ivy::mlx::*.
  std::cout << "[mlx] computing through ivy::mlx:: on mlx::core::array\n";
  runs.push_back(
      timed("mlx", "ivy::mlx:: native", [&] { return ivy_demo::field_through_mlx_namespace(n); }));
#endif

  std::printf("\n%-10s %-22s %12s %10s %10s %9s\n", "backend", "mode", "sum", "min", "max", "ms");
  double worst = 0;
  for (const Run& r : runs) {
    double sum = 0;
    float lo = r.values[0], hi = r.values[0];
    for (std::size_t i = 0; i < r.values.size(); ++i) {
      sum += r.values[i];
      lo = std::min(lo, r.values[i]);
      hi = std::max(hi, r.values[i]);
      worst = std::max(worst, static_cast<double>(std::abs(r.values[i] - runs[0].values[i])));
    }
    std::printf("%-10s %-22s %12.5f %10.5f %10.5f %9.2f\n", r.backend.c_str(), r.mode.c_str(), sum,
                lo, hi, r.ms);
  }
  std::printf("\nlargest difference between any two runs: %.3g\n", worst);

  std::vector<Run> one_per_backend;
  for (const Run& r : runs)
    if (r.mode == "explicit backend") one_per_backend.push_back(r);
  ivy_demo::write_png(out, panels(one_per_backend, n));
  std::cout << "wrote " << out << " (one panel per backend, left to right:";
  for (const Run& r : one_per_backend) std::cout << " " << r.backend;
  std::cout << ")\n";
  return worst < 1e-5 ? 0 : 1;
}
