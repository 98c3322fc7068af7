// Property tests of the random family: ranges, shapes, dtypes, moments, seeding and errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "ivy/ivy.hpp"
#include "support/cases.hpp"
#include "support/support_record.hpp"

IVY_PROPERTY_COVERS(seed, RandomProps, SameSeedSameNumbersDifferentSeedsDiffer);
IVY_PROPERTY_COVERS(random_uniform, RandomProps, UniformRangeShapeDtypeMoments);
IVY_PROPERTY_COVERS(random_normal, RandomProps, NormalMoments);
IVY_PROPERTY_COVERS(randint, RandomProps, RandintBoundsAndFrequencies);
IVY_PROPERTY_COVERS(shuffle, RandomProps, ShuffleIsAPermutationOfRows);
IVY_PROPERTY_COVERS(multinomial, RandomProps, MultinomialFrequencies);

namespace ivy::testing {
namespace {

constexpr std::int64_t kSamples = 100000;

// Runs body on the backend under test; the stub (or a backend lacking the family) is skipped.
class RandomProps : public ::testing::Test {
 protected:
  void SetUp() override {
    b_ = &ivy::backend(backend_under_test());
    try {
      random_uniform(0.0, 1.0, Shape{1}, on(DType::float32));
    } catch (const UnsupportedError& e) {
      GTEST_SKIP() << backend_under_test() << " has no random numbers: " << e.what();
    }
  }
  void record(const char* fn) {
    record_support(fn, "-", HasFailure() ? Support::failed : Support::ok);
  }
  Options on(DType d) const { return Options(d).on(*b_); }
  const Backend* b_ = nullptr;
};

double mean_of(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return s / static_cast<double>(v.size());
}

double var_of(const std::vector<double>& v) {
  const double m = mean_of(v);
  double s = 0;
  for (double x : v) s += (x - m) * (x - m);
  return s / static_cast<double>(v.size());
}

TEST_F(RandomProps, UniformRangeShapeDtypeMoments) {
  for (DType d : {DType::float32, DType::float64}) {
    const Array x = random_uniform(-2.0, 3.0, Shape{kSamples}, on(d));
    EXPECT_EQ(x.dtype(), d);
    EXPECT_EQ(x.shape(), Shape{kSamples});
    const auto v = x.to_vector<double>();
    EXPECT_GE(*std::min_element(v.begin(), v.end()), -2.0);
    EXPECT_LT(*std::max_element(v.begin(), v.end()), 3.0);
    // Mean 0.5, variance 25/12; 5 standard errors.
    EXPECT_NEAR(mean_of(v), 0.5, 5 * std::sqrt(25.0 / 12 / kSamples));
    EXPECT_NEAR(var_of(v), 25.0 / 12, 0.05);
  }
  EXPECT_EQ(random_uniform(0.0, 1.0, Shape{2, 0, 3}, on(DType::float32)).shape(), (Shape{2, 0, 3}));
  EXPECT_EQ(random_uniform(0.0, 1.0, Shape{}, on(DType::float32)).shape(), Shape{});
  record("random_uniform");
}

TEST_F(RandomProps, UniformArrayBoundsBroadcast) {
  const Array low = array<double>({0.0, 10.0, -5.0}, Options().on(*b_));
  const Array high = array<double>({1.0, 11.0, -4.0}, Options().on(*b_));
  const Array x = random_uniform(low, high, Shape{1000, 3});
  EXPECT_EQ(x.dtype(), DType::float64);  // the bounds' dtype
  const auto v = x.to_vector<double>();
  for (std::size_t i = 0; i < v.size(); ++i) {
    const double lo = std::vector<double>{0.0, 10.0, -5.0}[i % 3];
    EXPECT_GE(v[i], lo);
    EXPECT_LT(v[i], lo + 1.0);
  }
  EXPECT_EQ(random_uniform(low, 20.0).shape(), Shape{3});  // the bounds' shape
  EXPECT_THROW(random_uniform(low, high, Shape{2}), ShapeError);
  // Equal bounds give the bound.
  const auto same = random_uniform(1.5, 1.5, Shape{5}, on(DType::float64)).to_vector<double>();
  for (double s : same) EXPECT_EQ(s, 1.5);
  record("random_uniform");
}

TEST_F(RandomProps, NormalMoments) {
  for (DType d : {DType::float32, DType::float64}) {
    const Array x = random_normal(3.0, 2.0, Shape{kSamples}, on(d));
    EXPECT_EQ(x.dtype(), d);
    const auto v = x.to_vector<double>();
    EXPECT_NEAR(mean_of(v), 3.0, 5 * 2.0 / std::sqrt(kSamples));
    EXPECT_NEAR(var_of(v), 4.0, 0.1);
  }
  const Array mean = array<float>({-100.f, 100.f}, Options().on(*b_));
  const auto v = random_normal(mean, 0.0, Shape{4, 2}).to_vector<double>();
  for (std::size_t i = 0; i < v.size(); ++i) EXPECT_EQ(v[i], i % 2 ? 100.0 : -100.0);
  record("random_normal");
}

TEST_F(RandomProps, RandintBoundsAndFrequencies) {
  const Array x = randint(-3, 4, Shape{kSamples}, Options().on(*b_));
  EXPECT_EQ(x.dtype(), DType::int64);
  const auto v = x.to_vector<std::int64_t>();
  std::vector<double> counts(7, 0);
  for (auto k : v) {
    ASSERT_GE(k, -3);
    ASSERT_LT(k, 4);
    counts[k + 3] += 1;
  }
  for (double c : counts) EXPECT_NEAR(c / kSamples, 1.0 / 7, 0.01);
  const Array small = randint(0, 2, Shape{3, 4}, on(DType::uint8));
  EXPECT_EQ(small.dtype(), DType::uint8);
  EXPECT_EQ(small.shape(), (Shape{3, 4}));
  EXPECT_EQ(randint(5, 6, Shape{3}, Options().on(*b_)).to_vector<std::int64_t>(),
            (std::vector<std::int64_t>{5, 5, 5}));
  record("randint");
}

TEST_F(RandomProps, SameSeedSameNumbersDifferentSeedsDiffer) {
  seed(42);
  const auto a = random_uniform(0.0, 1.0, Shape{50}, on(DType::float32)).to_vector<double>();
  const auto n1 = random_normal(0.0, 1.0, Shape{20}, on(DType::float64)).to_vector<double>();
  seed(42);
  const auto b = random_uniform(0.0, 1.0, Shape{50}, on(DType::float32)).to_vector<double>();
  const auto n2 = random_normal(0.0, 1.0, Shape{20}, on(DType::float64)).to_vector<double>();
  EXPECT_EQ(a, b);
  EXPECT_EQ(n1, n2);
  seed(43);
  const auto c = random_uniform(0.0, 1.0, Shape{50}, on(DType::float32)).to_vector<double>();
  EXPECT_NE(a, c);
  // Without reseeding the stream moves on.
  const auto d = random_uniform(0.0, 1.0, Shape{50}, on(DType::float32)).to_vector<double>();
  EXPECT_NE(c, d);
  record("seed");
}

TEST_F(RandomProps, ShuffleIsAPermutationOfRows) {
  const Array x = reshape(arange(0, 40, 1, on(DType::int32)), {20, 2});
  const Array y = shuffle(x);
  EXPECT_EQ(y.shape(), (Shape{20, 2}));
  EXPECT_EQ(y.dtype(), DType::int32);
  const auto v = y.to_vector<std::int32_t>();
  std::set<std::int32_t> firsts;
  for (std::size_t r = 0; r < 20; ++r) {
    EXPECT_EQ(v[2 * r] % 2, 0);
    EXPECT_EQ(v[2 * r + 1], v[2 * r] + 1);  // rows move whole
    firsts.insert(v[2 * r]);
  }
  EXPECT_EQ(firsts.size(), 20u);
  seed(7);
  const auto s1 = shuffle(x).to_vector<std::int32_t>();
  seed(7);
  EXPECT_EQ(shuffle(x).to_vector<std::int32_t>(), s1);
  EXPECT_EQ(shuffle(zeros({0, 3}, on(DType::float32))).shape(), (Shape{0, 3}));
  EXPECT_THROW(shuffle(array(1.0f, Options().on(*b_))), ShapeError);
  record("shuffle");
}

TEST_F(RandomProps, MultinomialFrequencies) {
  // Unnormalised rows, a zero-probability class in the middle.
  const Array probs = array<float>({{1.f, 0.f, 3.f, 4.f}, {5.f, 5.f, 0.f, 0.f}}, Options().on(*b_));
  const std::int64_t n = 50000;
  const Array s = multinomial(probs, n);
  EXPECT_EQ(s.shape(), (Shape{2, n}));
  EXPECT_EQ(s.dtype(), DType::int64);
  const auto v = s.to_vector<std::int64_t>();
  const double want[2][4] = {{1 / 8.0, 0, 3 / 8.0, 4 / 8.0}, {0.5, 0.5, 0, 0}};
  for (int r = 0; r < 2; ++r) {
    std::vector<double> counts(4, 0);
    for (std::int64_t i = 0; i < n; ++i) counts.at(v[r * n + i]) += 1;
    for (int k = 0; k < 4; ++k) EXPECT_NEAR(counts[k] / n, want[r][k], 0.01) << r << "," << k;
  }
  record("multinomial");
}

TEST_F(RandomProps, MultinomialWithoutReplacement) {
  const Array probs =
      array<double>({{1.0, 2.0, 3.0, 0.0}, {0.0, 1.0, 1.0, 1.0}}, Options().on(*b_));
  for (int t = 0; t < 20; ++t) {
    const auto v = multinomial(probs, 3, false).to_vector<std::int64_t>();
    for (int r = 0; r < 2; ++r) {
      const std::set<std::int64_t> got(v.begin() + 3 * r, v.begin() + 3 * r + 3);
      EXPECT_EQ(got.size(), 3u);
      EXPECT_EQ(got.count(r == 0 ? 3 : 0), 0u);  // never the zero-probability class
    }
  }
  EXPECT_THROW(multinomial(probs, 4, false), ValueError);
  record("multinomial");
}

template <class E, class F>
void expect_error(F f, const std::string& fn, const Backend& b) {
  try {
    f();
    ADD_FAILURE() << "expected an error from ivy::" << fn;
  } catch (const E& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("ivy::" + fn), std::string::npos) << msg;
    EXPECT_NE(msg.find("[" + std::string(backend_name(b)) + "]"), std::string::npos) << msg;
  } catch (const std::exception& e) {
    ADD_FAILURE() << "wrong error class from ivy::" << fn << ": " << e.what();
  }
}

TEST_F(RandomProps, BadInputs) {
  const Backend& b = *b_;
  const Options o = Options().on(b);
  expect_error<ValueError>([&] { random_uniform(2.0, 1.0, Shape{3}, o); }, "random_uniform", b);
  expect_error<ValueError>([&] { random_uniform(0.0, 1.0, Shape{-1, 2}, o); }, "random_uniform", b);
  expect_error<DTypeError>([&] { random_uniform(0.0, 1.0, Shape{2}, on(DType::int32)); },
                           "random_uniform", b);
  expect_error<ValueError>([&] { random_normal(0.0, -1.0, Shape{3}, o); }, "random_normal", b);
  expect_error<ValueError>([&] { random_normal(0.0, 1.0, Shape{-2}, o); }, "random_normal", b);
  expect_error<ValueError>([&] { randint(3, 3, Shape{2}, o); }, "randint", b);
  expect_error<ValueError>([&] { randint(5, 1, Shape{2}, o); }, "randint", b);
  expect_error<DTypeError>([&] { randint(0, 5, Shape{2}, on(DType::float32)); }, "randint", b);
  expect_error<ValueError>([&] { randint(0, 300, Shape{2}, on(DType::uint8)); }, "randint", b);
  const Array p1 = array<float>({0.5f, 0.5f}, o);
  expect_error<ShapeError>([&] { multinomial(p1, 2); }, "multinomial", b);
  const Array neg = array<float>({{0.5f, -0.5f}}, o);
  expect_error<ValueError>([&] { multinomial(neg, 2); }, "multinomial", b);
  const Array zero = array<float>({{0.f, 0.f}}, o);
  expect_error<ValueError>([&] { multinomial(zero, 2); }, "multinomial", b);
  record("random_uniform");
}

}  // namespace
}  // namespace ivy::testing

namespace ivy::testing {
namespace {

// The stub is built into every binary, so each checks that it reports random numbers as
// unsupported (rather than skipping them).
TEST(RandomStub, ReportsUnsupported) {
  const Options stub(ivy::backend("stub"));
  EXPECT_THROW(random_uniform(0.0, 1.0, Shape{2}, stub), UnsupportedError);
  EXPECT_THROW(random_normal(0.0, 1.0, Shape{2}, stub), UnsupportedError);
  EXPECT_THROW(randint(0, 5, Shape{2}, stub), UnsupportedError);
}

}  // namespace
}  // namespace ivy::testing
