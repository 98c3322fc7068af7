// Gradient checks: every differentiable registry function, on its fixture cases, against
// central finite differences of the same case handler. Floating inputs become float64; the
// loss is L = sum_k sum(w_k * out_k) with fixed random weights w_k over the floating outputs.
// Points where the function is not smooth (kinks, ties, jumps: the one-sided differences
// disagree) or not finite are skipped. The outcome per function goes to the support table
// under kGradientKey, from which the support matrix gets its gradient column.
// A fixture case with the parameter "gradient_check": false is left out: one whose values are
// checked but whose inputs a finite-difference step may not perturb freely (a non-symmetric
// matrix for cholesky, of which only the lower triangle is read) or which is not differentiable
// by design (complete QR of a tall matrix).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <random>
#include <set>
#include <sstream>

#include "support/cases.hpp"
#include "support/fixture.hpp"
#include "support/support_record.hpp"

namespace ivy::testing {
namespace {

// Step, tolerance on |tape - central| / max(1, |central|), and the gap between one-sided
// differences beyond which a point counts as not smooth; float32 outputs (casts) get coarser ones.
struct Steps {
  double eps, tolerance, kink;
};
constexpr Steps kFloat64{1e-6, 1e-4, 1e-3};
constexpr Steps kFloat32{1e-3, 1e-2, 5e-2};
constexpr std::size_t kMaxCases = 8;
constexpr std::size_t kMaxElements = 48;  // per input, evenly spread

double largest_error = 0;  // of the float64 checks
std::string largest_error_at;

bool is_float(DType d) { return is_floating(d); }

// float64 where the backend has it, else float32 (with the coarser steps).
DType work_dtype(const Backend& b) {
  try {
    zeros({}, Options(DType::float64).on(b));
    return DType::float64;
  } catch (const UnsupportedError&) {
    return DType::float32;
  }
}

// The case's float inputs in dtype d (other inputs keep their dtype).
std::vector<HostArray> as_work_dtype(const FixtureCase& fc, DType d) {
  std::vector<HostArray> in = fc.inputs;
  for (HostArray& h : in)
    if (is_float(h.dtype)) h.dtype = d;
  return in;
}

// Cases with a float input, all of whose inputs are finite (at NaN or inf every function's
// gradient is NaN or undefined), unless marked "gradient_check": false.
bool eligible(const FixtureCase& fc) {
  if (fc.error) return false;
  if (fc.params.is_object() && !fc.params.value("gradient_check", true)) return false;
  bool float_out = false;
  for (const HostArray& h : fc.expected) float_out = float_out || is_float(h.dtype);
  if (!float_out) return false;
  bool any = false;
  for (const HostArray& h : fc.inputs) {
    if (!is_float(h.dtype)) continue;
    any = any || !h.values.empty();
    for (double v : h.values)
      if (!std::isfinite(v)) return false;
  }
  return any;
}

std::vector<const FixtureCase*> cases_of(const std::string& fn) {
  std::vector<const FixtureCase*> all;
  for (const FixtureCase& fc : all_fixture_cases())
    if (fc.fn == fn && eligible(fc)) all.push_back(&fc);
  if (all.size() <= kMaxCases) return all;
  std::vector<const FixtureCase*> picked;
  for (std::size_t i = 0; i < kMaxCases; ++i) picked.push_back(all[i * all.size() / kMaxCases]);
  return picked;
}

// The weights of one output: random in [-1, 1], 0 where the output is not finite at the base
// point (so that NaN outputs drop out of the loss, the same in both computations).
struct Weight {
  Array w, finite;
};

class Check {
 public:
  Check(const FixtureCase& fc, const Backend& b)
      : fc_(fc), b_(b), work_(work_dtype(b)), host_(as_work_dtype(fc, work_)) {
    if (work_ == DType::float32) steps_ = kFloat32;
    const CaseFn* h = find_case(fc.fn);
    if (!h) throw std::runtime_error("no case handler");
    handler_ = *h;
  }

  /** False when the case has nothing to compare (no float32/float64 output). */
  bool prepare() {
    const Outputs base = run(device_inputs(host_));
    std::mt19937 rng(12345);
    std::uniform_real_distribution<double> uni(-1.0, 1.0);
    bool any = false;
    for (const Array& y : base) {
      if (!y.defined() || !is_float(y.dtype())) {
        weights_.push_back({});
        continue;
      }
      if (y.dtype() == DType::float32)
        steps_ = kFloat32;
      else if (y.dtype() != DType::float64)
        return false;  // too coarse for differences
      std::vector<double> w(static_cast<std::size_t>(y.size()));
      for (double& v : w) v = uni(rng);
      weights_.push_back({to_device_array(HostArray{work_, y.shape(), w}, b_), isfinite(y)});
      any = any || y.size() > 0;
    }
    return any;
  }

  Array loss(const Outputs& outs) const {
    Array total = zeros({}, Options(work_).on(b_));
    for (std::size_t k = 0; k < outs.size() && k < weights_.size(); ++k) {
      if (!weights_[k].w.defined() || outs[k].size() == 0) continue;
      const Array kept = where(weights_[k].finite, outs[k], 0.0);
      total = add(total, sum(multiply(kept, weights_[k].w)));
    }
    return total;
  }

  double loss_at(const std::vector<HostArray>& host) const {
    return loss(run(device_inputs(host))).item<double>();
  }

  /** The gradients of the loss for the float inputs, by the tape. */
  std::vector<std::vector<double>> analytic() const {
    std::vector<Array> inputs = device_inputs(host_), xs;
    for (std::size_t i = 0; i < host_.size(); ++i)
      if (is_float(host_[i].dtype)) xs.push_back(inputs[i]);
    const GradResult r = execute_with_gradients(
        [&](const std::vector<Array>& args) {
          std::vector<Array> in = inputs;
          std::size_t j = 0;
          for (std::size_t i = 0; i < host_.size(); ++i)
            if (is_float(host_[i].dtype)) in[i] = args[j++];
          return loss(run(in));
        },
        xs);
    std::vector<std::vector<double>> g;
    for (const Array& a : r.grads) g.push_back(a.to_vector<double>());
    return g;
  }

  const std::vector<HostArray>& host() const { return host_; }
  const Steps& steps() const { return steps_; }

 private:
  Outputs run(std::vector<Array> inputs) const {
    return handler_(CaseContext(fc_, b_, std::move(inputs)));
  }
  std::vector<Array> device_inputs(const std::vector<HostArray>& host) const {
    std::vector<Array> in;
    for (const HostArray& h : host) in.push_back(to_device_array(h, b_));
    return in;
  }

  const FixtureCase& fc_;
  const Backend& b_;
  DType work_;
  std::vector<HostArray> host_;
  CaseFn handler_;
  std::vector<Weight> weights_;
  Steps steps_ = kFloat64;
};

struct Tally {
  int compared = 0, skipped = 0, singular = 0, failed = 0;
};

// Compares every (sampled) element of every float input of one case.
void check_case(const FixtureCase& fc, const Backend& b, Tally& t) {
  Check c(fc, b);
  if (!c.prepare()) return;
  const std::vector<std::vector<double>> grads = c.analytic();
  const double l0 = c.loss_at(c.host());
  const auto [eps, tolerance, kink] = c.steps();
  std::size_t g = 0;
  for (std::size_t i = 0; i < c.host().size(); ++i) {
    if (!is_float(c.host()[i].dtype)) continue;
    const std::vector<double>& grad = grads[g++];
    const std::size_t n = c.host()[i].values.size();
    const std::size_t stride = std::max<std::size_t>(1, n / kMaxElements);
    for (std::size_t j = 0; j < n; j += stride) {
      std::vector<HostArray> plus = c.host(), minus = c.host();
      const double x = c.host()[i].values[j];
      plus[i].values[j] = x + eps;
      minus[i].values[j] = x - eps;
      double lp, lm;
      try {
        lp = c.loss_at(plus);
        lm = c.loss_at(minus);
      } catch (const ivy::Error&) {
        ++t.skipped;  // e.g. a perturbed matrix the function rejects
        continue;
      }
      const double central = (lp - lm) / (2 * eps);
      const double right = (lp - l0) / eps, left = (l0 - lm) / eps;
      const double scale = std::max(1.0, std::abs(central));
      if (!std::isfinite(l0) || !std::isfinite(lp) || !std::isfinite(lm) ||
          std::abs(right - left) > kink * scale) {
        ++t.skipped;
        continue;
      }
      if (!std::isfinite(grad[j])) {
        // An infinite derivative somewhere inside while the composite is flat (sqrt at 0 in std
        // of a constant row, where PyTorch also gives NaN) is expected only where the fixture
        // says so ("singular_gradient"); anywhere else it is a failure.
        if (fc.params.value("singular_gradient", false)) {
          ++t.singular;
        } else if (t.failed++ < 5) {
          ADD_FAILURE() << fc.id << " input " << i << " element " << j << " (x = " << x
                        << "): non-finite gradient " << grad[j] << " where finite differences give "
                        << central << " (mark the case singular_gradient if that is right)";
        }
        continue;
      }
      const double err = std::abs(grad[j] - central) / scale;
      ++t.compared;
      if (!(err <= tolerance)) {
        if (t.failed++ < 5)
          ADD_FAILURE() << fc.id << " input " << i << " element " << j << " (x = " << x
                        << "): tape " << grad[j] << ", finite differences " << central;
        continue;
      }
      if (eps == kFloat64.eps && err > largest_error) {
        largest_error = err;
        largest_error_at = fc.id;
      }
    }
  }
}

constexpr std::string_view kNoSmoothPoint = "no smooth point in its fixtures";

class GradientCheck : public ::testing::TestWithParam<std::string> {};

TEST_P(GradientCheck, MatchesFiniteDifferences) {
  const std::string fn = GetParam();
  const Backend& b = ivy::backend(backend_under_test());
  if (backend_under_test() == "stub") {
    record_support(fn, kGradientKey, Support::unsupported, "the stub holds no arrays");
    GTEST_SKIP() << "the stub backend holds no arrays";
  }
  const std::vector<const FixtureCase*> cases = cases_of(fn);
  if (cases.empty()) {
    // A differentiable function needs a fixture case here (so that a missing gradient rule is
    // found), unless its gradient is checked elsewhere: moves between devices and backends
    // (tests/props/grad.cpp) have no fixtures, since their inputs are arrays of other engines.
    static const std::set<std::string, std::less<>> kCheckedElsewhere = {"to_device", "to_backend"};
    if (!kCheckedElsewhere.contains(fn))
      FAIL() << fn << " is differentiable but has no fixture case with float inputs and outputs";
    GTEST_SKIP() << fn << ": gradient checked in tests/props/grad.cpp";
  }
  Tally t;
  std::string unsupported(kNoSmoothPoint);
  for (const FixtureCase* fc : cases) {
    try {
      check_case(*fc, b, t);
    } catch (const UnsupportedError& e) {
      // A dtype or cell the backend declares (the other cases still run); anything else fails.
      // The check computes in float64 where it can (Check::prepare): that cell counts too.
      std::vector<std::string> dtypes = case_dtypes(*fc);
      dtypes.emplace_back("float64");
      if (declared_unsupported_any(fn, dtypes)) {
        unsupported = e.what();
        count_declared_unsupported();
      } else {
        ADD_FAILURE() << fc->id << ": UnsupportedError on a cell " << backend_under_test()
                      << " does not declare: " << e.what();
      }
    }
  }
  RecordProperty("compared", t.compared);
  RecordProperty("skipped", t.skipped);
  RecordProperty("singular", t.singular);
  if (t.compared == 0) {
    // Only declared cells may leave nothing compared; fixtures without a smooth point fail.
    if (!HasFailure() && unsupported == kNoSmoothPoint)
      ADD_FAILURE() << fn << ": " << kNoSmoothPoint << " (add a fixture case away from kinks)";
    record_support(fn, kGradientKey, Support::unsupported, unsupported);
    return;
  }
  record_support(fn, kGradientKey, HasFailure() ? Support::failed : Support::ok);
}

std::vector<std::string> differentiable_functions() {
  std::vector<std::string> names;
  for (const FunctionInfo& f : registered_functions())
    if (f.differentiable) names.emplace_back(f.name);
  return names;
}

INSTANTIATE_TEST_SUITE_P(Registry, GradientCheck, ::testing::ValuesIn(differentiable_functions()),
                         [](const auto& info) { return info.param; });

// Printed once all checks ran.
class LargestError : public ::testing::Environment {
 public:
  void TearDown() override {
    if (largest_error > 0)
      std::cout << "[gradient checks] largest finite-difference error: " << largest_error << " ("
                << largest_error_at << ")\n";
  }
};
[[maybe_unused]] ::testing::Environment* const largest_error_report =
    ::testing::AddGlobalTestEnvironment(new LargestError);

}  // namespace
}  // namespace ivy::testing
