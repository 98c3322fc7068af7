// ivy-train-demo: the same small MLP regression (apps/train_task.hpp), with the same data and
// the same initial weights, trained with Adam on every backend of this build. Prints one line
// per epoch (the whole-data-set loss and the epoch's time on each backend), checks that the loss
// curves agree across backends, and draws them (train_demo.png).
//
//   ivy-train-demo [--epochs N] [--out train_demo.png] [--compile 1]
//
// --compile 1 runs each minibatch's gradients through ivy::compile_fn: with ivy's tape
// (xtensor, tensorflow, xla) the loss and its gradients are one compiled function (one XLA
// executable on xla); an engine with autodiff of its own differentiates the compiled loss.
//
// Exit status: 0, or 1 when two backends' losses differ by more than kTolerance (relative to
// the first backend's loss at that epoch), 2 for a usage error, 3 when the picture cannot be
// written.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ivy/ivy.hpp"
#include "ivy/stateful.hpp"
#include "loss_plot.hpp"
#include "train_task.hpp"

namespace {

constexpr std::int64_t kSamples = 512, kBatch = 64, kHidden = 32;
constexpr double kLearningRate = 0.01;
constexpr std::uint32_t kDataSeed = 7, kWeightSeed = 11;
// float32 everywhere; the engines sum in different orders (BLAS kernels, reductions), so the
// losses differ by roundoff, which Adam's steps carry along. Measured: at most 1.7e-6 over 100
// epochs, 3.1e-6 over 200 (docs/training.md); the bound is about 30 times that.
constexpr double kTolerance = 1e-4;

/** One backend's model, optimizer, data and record. */
struct Run {
  std::string backend;
  ivy_demo::Mlp model{kHidden};
  ivy::Adam adam{kLearningRate};
  std::vector<ivy::Array> xs, ys;  // the minibatches
  ivy::Array x_all, y_all;
  std::vector<double> losses;  // whole-data-set loss after each epoch (epoch 0: before)
  std::vector<double> ms;      // training time of each epoch
  // With --compile: (x, y, weights...) -> (loss, gradients...) on ivy's tape, else -> (loss).
  std::optional<ivy::CompiledFunction> compiled;
  bool compiled_gradients = false;
};

/** The model's weights in flatten() order, and the container of the same layout from arrays. */
std::vector<ivy::Array> weights_of(const ivy::Container& v) {
  std::vector<ivy::Array> w;
  for (const ivy::Container::FlatItem& item : v.flatten()) w.push_back(item.second.array());
  return w;
}
ivy::Container like(const ivy::Container& layout, const std::vector<ivy::Array>& arrays) {
  std::vector<ivy::Container::FlatItem> items = layout.flatten();
  for (std::size_t i = 0; i < items.size(); ++i) items[i].second = ivy::Leaf(arrays[i]);
  return ivy::Container::from_flat(items);
}

/** The minibatch loss as a function of (x, y, weights...). */
std::vector<ivy::Array> minibatch_loss(Run& run, const std::vector<ivy::Array>& a) {
  const std::vector<ivy::Array> w(a.begin() + 2, a.end());
  return {ivy::mean_squared_error(run.model(a[0], like(run.model.v(), w)), a[1])};
}

void compile_steps(Run& run) {
  const std::vector<ivy::Array> weights = weights_of(run.model.v());
  std::vector<ivy::Array> example{run.xs[0], run.ys[0]};
  example.insert(example.end(), weights.begin(), weights.end());
  Run* r = &run;
  run.compiled_gradients = ivy::gradient_engine(ivy::backend(run.backend)) == "tape";
  if (!run.compiled_gradients) {
    run.compiled = ivy::compile_fn(
        [r](const std::vector<ivy::Array>& a) { return minibatch_loss(*r, a); }, example);
    return;
  }
  run.compiled = ivy::compile_fn(
      [r](const std::vector<ivy::Array>& a) {
        const ivy::GradResult g = ivy::execute_with_gradients(
            [&](const std::vector<ivy::Array>& w) {
              std::vector<ivy::Array> all{a[0], a[1]};
              all.insert(all.end(), w.begin(), w.end());
              return minibatch_loss(*r, all);
            },
            std::vector<ivy::Array>(a.begin() + 2, a.end()));
        std::vector<ivy::Array> out{g.value};
        out.insert(out.end(), g.grads.begin(), g.grads.end());
        return out;
      },
      example);
}

/** The gradients of minibatch i's loss with respect to the weights, in flatten() order. */
std::vector<ivy::Array> compiled_gradients(Run& run, std::size_t i) {
  const std::vector<ivy::Array> weights = weights_of(run.model.v());
  std::vector<ivy::Array> args{run.xs[i], run.ys[i]};
  args.insert(args.end(), weights.begin(), weights.end());
  if (run.compiled_gradients) {
    const std::vector<ivy::Array> outs = (*run.compiled)(args);
    return {outs.begin() + 1, outs.end()};
  }
  return ivy::execute_with_gradients(
             [&](const std::vector<ivy::Array>& w) {
               std::vector<ivy::Array> all{run.xs[i], run.ys[i]};
               all.insert(all.end(), w.begin(), w.end());
               return (*run.compiled)(all);
             },
             weights)
      .grads;
}

std::unique_ptr<Run> start(const std::string& backend, const ivy_demo::HostData& data) {
  auto run = std::make_unique<Run>();
  run->backend = backend;
  const ivy::Backend& b = ivy::backend(backend);
  run->x_all = ivy::array(data.x, {data.n, 2}, b);
  run->y_all = ivy::array(data.y, {data.n, 1}, b);
  for (std::int64_t i = 0; i < data.n; i += kBatch) {
    const std::int64_t m = std::min(kBatch, data.n - i);
    const auto first = static_cast<std::ptrdiff_t>(i);
    run->xs.push_back(
        ivy::array(std::vector<float>(data.x.begin() + 2 * first, data.x.begin() + 2 * (first + m)),
                   {m, 2}, b));
    run->ys.push_back(ivy::array(
        std::vector<float>(data.y.begin() + first, data.y.begin() + first + m), {m, 1}, b));
  }
  run->model.build(ivy::Options(ivy::float32).on(b));  // the layout; the values come next
  run->model.set_v(ivy_demo::host_initial_weights(run->model.v(), backend, kWeightSeed));
  return run;
}

double whole_loss(Run& run) {
  return ivy::mean_squared_error(run.model(run.x_all), run.y_all).item<float>();
}

/** One epoch: a forward, gradient and Adam step per minibatch, in a fixed order. */
void epoch(Run& run) {
  const auto t0 = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < run.xs.size(); ++i) {
    ivy::Container grads;
    if (run.compiled) {
      grads = like(run.model.v(), compiled_gradients(run, i));
    } else {
      const auto loss_of = [&](const ivy::Container& v) {
        return ivy::mean_squared_error(run.model(run.xs[i], v), run.ys[i]);
      };
      grads = ivy::execute_with_gradients(loss_of, run.model.v()).grads;
    }
    run.model.set_v(run.adam.step(run.model.v(), grads));  // evaluates (lazy backends)
  }
  run.ms.push_back(
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  run.losses.push_back(whole_loss(run));
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

/** The largest |loss_b - loss_0| / loss_0 over backends b and epochs. */
double largest_difference(const std::vector<std::unique_ptr<Run>>& runs) {
  double worst = 0;
  for (const auto& r : runs)
    for (std::size_t e = 0; e < r->losses.size(); ++e)
      worst = std::max(worst, std::abs(r->losses[e] - runs[0]->losses[e]) / runs[0]->losses[e]);
  return worst;
}

}  // namespace

int main(int argc, char** argv) {
  int epochs = 100;
  bool compile = false;
  std::string out = "train_demo.png";
  bool usage_error = argc % 2 == 0;  // flags come in pairs
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--epochs")
      epochs = std::atoi(argv[i + 1]);
    else if (flag == "--out")
      out = argv[i + 1];
    else if (flag == "--compile")
      compile = std::string(argv[i + 1]) == "1";
    else
      usage_error = true;
  }
  if (usage_error || epochs < 1) {
    std::cerr << "usage: ivy-train-demo [--epochs N] [--out FILE.png] [--compile 1]\n";
    return 2;
  }

  const ivy_demo::HostData data = ivy_demo::make_data(kSamples, kDataSeed);
  std::vector<std::unique_ptr<Run>> runs;
  for (const std::string& name : ivy::available_backends())
    if (name != "stub") {
      runs.push_back(start(name, data));
      if (compile) compile_steps(*runs.back());
    }
  if (runs.empty()) {
    std::cerr << "ivy-train-demo: no backend with arrays in this build\n";
    return 2;
  }
  std::printf("MLP 2-%lld-%lld-1 (tanh), %lld samples, batch %lld, Adam lr %g, float32\n",
              static_cast<long long>(kHidden), static_cast<long long>(kHidden),
              static_cast<long long>(kSamples), static_cast<long long>(kBatch), kLearningRate);
  std::printf("epoch");
  for (const auto& r : runs) std::printf("  %24s", (r->backend + " loss (ms)").c_str());
  std::printf("\n%5d", 0);
  for (const auto& r : runs) {
    r->losses.push_back(whole_loss(*r));
    std::printf("  %14.8f %9s", r->losses.back(), "");
  }
  std::printf("\n");
  for (int e = 1; e <= epochs; ++e) {
    std::printf("%5d", e);
    for (const auto& r : runs) {
      epoch(*r);  // backends take turns, so a burst of load on the machine hits all of them
      std::printf("  %14.8f (%7.1f)", r->losses.back(), r->ms.back());
    }
    std::printf("\n");
    std::fflush(stdout);
  }

  std::vector<ivy_demo::Curve> curves;
  std::printf("\n%-10s %14s %16s\n", "backend", "final loss", "ms/epoch (median)");
  for (const auto& r : runs) {
    std::printf("%-10s %14.8f %16.2f\n", r->backend.c_str(), r->losses.back(), median(r->ms));
    curves.push_back(
        {r->backend + " (" + ivy::gradient_engine(ivy::backend(r->backend)).data() + " gradients)",
         r->losses});
  }
  const double worst = largest_difference(runs);
  std::printf("largest relative difference of the losses across backends: %.3g (bound %g)\n", worst,
              kTolerance);
  try {
    ivy_demo::write_loss_plot(out, "ivy-train-demo: the same MLP, data and initial weights",
                              curves);
  } catch (const std::exception& e) {
    std::cerr << "ivy-train-demo: " << e.what() << "\n";
    return 3;
  }
  std::printf("wrote %s\n", out.c_str());
  return worst <= kTolerance ? 0 : 1;
}
