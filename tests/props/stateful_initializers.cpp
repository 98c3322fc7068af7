// Initializers: shapes, dtypes, backends, ranges and moments of each rule, seeding, errors.
#include <algorithm>

#include "props/stateful_support.hpp"

namespace ivy::testing {
namespace {

class StatefulInitializers : public StatefulTest {};

std::pair<double, double> moments(const Array& a) {
  const auto v = a.to_vector<double>();
  double m = 0;
  for (double x : v) m += x;
  m /= static_cast<double>(v.size());
  double s = 0;
  for (double x : v) s += (x - m) * (x - m);
  return {m, s / static_cast<double>(v.size())};
}

TEST_F(StatefulInitializers, FanBasedRules) {
  ivy::seed(2024);  // deterministic per backend; the bounds below are 5+ standard errors wide
  const Fans fans{200, 300};
  const Shape shape{300, 200};
  const double glorot_limit = std::sqrt(6.0 / 500);
  const double he_limit = std::sqrt(6.0 / 200);
  struct Rule {
    Initializer init;
    double limit;     // 0: unbounded
    double variance;  // expected
  };
  const std::vector<Rule> rules = {
      {Initializer::glorot_uniform(), glorot_limit, glorot_limit * glorot_limit / 3},
      {Initializer::glorot_normal(), 0, 2.0 / 500},
      {Initializer::he_uniform(), he_limit, he_limit * he_limit / 3},
      {Initializer::he_normal(), 0, 2.0 / 200},
      {Initializer::uniform(-1, 3), 0, 16.0 / 12},
      {Initializer::normal(0.5, 2.0), 0, 4.0},
  };
  for (const Rule& r : rules) {
    SCOPED_TRACE(r.init.name());
    const Array w = r.init(shape, fans, f64());
    EXPECT_EQ(w.shape(), shape);
    EXPECT_EQ(w.dtype(), DType::float64);
    EXPECT_EQ(w.backend_name(), backend_under_test());
    const auto [m, var] = moments(w);
    EXPECT_NEAR(var / r.variance, 1.0, 0.03);
    if (r.limit > 0) {
      const auto v = w.to_vector<double>();
      EXPECT_LE(*std::max_element(v.begin(), v.end()), r.limit);
      EXPECT_GE(*std::min_element(v.begin(), v.end()), -r.limit);
      EXPECT_NEAR(m, 0.0, 5 * std::sqrt(r.variance / 60000));
    }
  }
  // Default dtype float32 on the current backend (the fixture's scope).
  const Array d = Initializer::glorot_uniform()({2, 2}, fans);
  EXPECT_EQ(d.dtype(), DType::float32);
  EXPECT_EQ(d.backend_name(), backend_under_test());
}

TEST_F(StatefulInitializers, ConstantsAndFans) {
  EXPECT_TRUE(close(Initializer::zeros()({2, 3}, {}, f64()), zeros({2, 3}, f64()), 0, 0));
  EXPECT_TRUE(close(Initializer::ones()({2}, {}, f64()), ones({2}, f64()), 0, 0));
  EXPECT_TRUE(close(Initializer::constant(0.5)({2}, {}, f64()), full({2}, 0.5, f64()), 0, 0));
  const Fans dense = dense_fans(3, 4);
  EXPECT_EQ(dense.fan_in, 3);
  EXPECT_EQ(dense.fan_out, 4);
  const Fans conv = filter_fans({3, 5, 2, 7});
  EXPECT_EQ(conv.fan_in, 30);
  EXPECT_EQ(conv.fan_out, 105);
  EXPECT_THROW(filter_fans({3}), ShapeError);
  EXPECT_THROW(Initializer::he_normal()({2}, {0, 1}, f64()), ValueError);
}

TEST_F(StatefulInitializers, SeedMakesVariablesReproducible) {
  ivy::seed(42);
  Linear a(3, 5);
  a.build(f32());
  ivy::seed(42);
  Linear b(3, 5);
  b.build(f32());
  EXPECT_TRUE(a.v().all_equal(b.v()));
  Linear c(3, 5);
  c.build(f32());
  EXPECT_FALSE(a.v().all_equal(c.v()));
  // Glorot-uniform weights, zero bias.
  const auto w = a.v()["w"].array().to_vector<double>();
  const double limit = std::sqrt(6.0 / 8);
  for (double x : w) EXPECT_LE(std::abs(x), limit);
  EXPECT_TRUE(close(a.v()["b"].array(), zeros({5}, f32()), 0, 0));
  // Custom initializers through the constructor.
  Linear d(3, 5, true, Initializer::constant(2.0), Initializer::ones());
  d.build(f64());
  EXPECT_TRUE(close(d.v()["w"].array(), full({5, 3}, 2.0, f64()), 0, 0));
}

}  // namespace
}  // namespace ivy::testing
