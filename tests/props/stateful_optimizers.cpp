// SGD and Adam: closed forms, the paper-era Adam check, NumPy steps, state and errors.
#include "props/stateful_support.hpp"

namespace ivy::testing {
namespace {

class StatefulOptimizers : public StatefulTest {};

TEST_F(StatefulOptimizers, SgdClosedForm) {
  SGD sgd(0.5);
  const Container v{{"a", {{"w", from_values({1, 2, 3}, {3})}}}, {"b", from_values({4}, {1})}};
  const Container g{{"a", {{"w", from_values({2, -2, 0}, {3})}}}, {"b", from_values({1}, {1})}};
  const Container out = sgd.step(v, g);
  EXPECT_TRUE(close(out.at_key_chain("a/w").array(), from_values({0, 3, 3}, {3})));
  EXPECT_TRUE(close(out.at_key_chain("b").array(), from_values({3.5}, {1})));
  EXPECT_EQ(sgd.step_count(), 1);
  EXPECT_EQ(sgd.state().key_chains(), std::vector<std::string>{"step"});
}

TEST_F(StatefulOptimizers, AdamPaperEraCheck) {
  // ivy's test of adam_update: w = 3, g = 6, lr = 0.1, step 1, mw = g, vw = g^2.
  Adam adam(0.1);
  const Container out =
      adam.step(Container{{"w", from_values({3}, {1})}}, Container{{"w", from_values({6}, {1})}});
  EXPECT_NEAR(out["w"].array().item<double>(), 2.96837726, 1e-8);
  EXPECT_EQ(adam.step_count(), 1);
  EXPECT_NEAR(adam.state()["mw"]["w"].array().item<double>(), 6.0, 1e-12);
  EXPECT_NEAR(adam.state()["vw"]["w"].array().item<double>(), 36.0, 1e-12);
}

TEST_F(StatefulOptimizers, AdamStepsMatchNumpy) {
  const auto& c = ref()["adam"];
  Adam adam(c["lr"].get<double>());
  Container v{{"layer", {{"w", from_json(c["w0"])}}}};
  for (std::size_t i = 0; i < 3; ++i) {
    v = adam.step(v, Container{{"layer", {{"w", from_json(c["grads"][i])}}}});
    EXPECT_TRUE(close(v.at_key_chain("layer/w").array(), from_json(c["ws"][i]), 1e-12, 1e-12))
        << "step " << i + 1;
  }
  EXPECT_EQ(adam.step_count(), 3);
  // Restoring the state continues identically.
  Adam resumed(c["lr"].get<double>());
  resumed.set_state(adam.state());
  Adam again(c["lr"].get<double>());
  again.set_state(adam.state());
  const Container g{{"layer", {{"w", from_json(c["grads"][0])}}}};
  EXPECT_TRUE(resumed.step(v, g).all_equal(again.step(v, g)));
  EXPECT_THROW(resumed.set_state(Container{{"mw", 1}}), ValueError);
}

TEST_F(StatefulOptimizers, MismatchedGradientsNameTheKeyChain) {
  Adam adam(0.1);
  const Container v{{"l0", {{"w", ones({2, 3}, f32())}, {"b", ones({2}, f32())}}}};
  const std::string missing = error_of<ShapeError>([&] {
    adam.step(v, Container{{"l0", {{"w", ones({2, 3}, f32())}}}});
  });
  EXPECT_NE(missing.find("ivy::Adam::step [" + backend_under_test() + "]"), std::string::npos)
      << missing;
  EXPECT_NE(missing.find("'l0/b'"), std::string::npos) << missing;
  const std::string shape = error_of<ShapeError>([&] {
    adam.step(v, Container{{"l0", {{"w", ones({3, 2}, f32())}, {"b", ones({2}, f32())}}}});
  });
  EXPECT_NE(shape.find("'l0/w'"), std::string::npos) << shape;
  EXPECT_EQ(adam.step_count(), 0);  // failed steps do not count
  SGD sgd(0.1);
  error_of<ShapeError>([&] { sgd.step(v, Container{{"x", ones({1}, f32())}}); });
}

TEST_F(StatefulOptimizers, TrainingIdiomWithAModule) {
  // model.set_v(optimizer.step(model.v(), grads)) with hand-written gradients of
  // mean((x w^T + b - t)^2) for one Linear layer: the loss goes down.
  Linear layer(2, 1);
  const Array x = from_values({1, 2, -1, 0.5, 0, 1}, {3, 2});
  const Array t = from_values({1, -1, 0.5}, {3, 1});
  layer.build(f64());
  SGD sgd(0.1);
  double first = 0;
  double last = 0;
  for (int i = 0; i < 50; ++i) {
    const Array err = subtract(layer(x), t);
    last = mean_squared_error(layer(x), t).item<double>();
    if (i == 0) first = last;
    const Array gw = divide(multiply(matmul(transpose(err), x), 2.0), 3.0);
    const Array gb = divide(multiply(sum(err, 0), 2.0), 3.0);
    layer.set_v(sgd.step(layer.v(), Container{{"w", gw}, {"b", gb}}));
  }
  EXPECT_LT(last, first);
}

}  // namespace
}  // namespace ivy::testing

namespace ivy::testing {
namespace {

// Scalar leaves are updated on the host: these run on every backend, the stub included.
TEST(StatefulOptimizersScalars, AdamPaperEraCheckOnHostScalars) {
  Adam adam(0.1);
  const Container out = adam.step(Container{{"w", 3.0}}, Container{{"w", 6.0}});
  EXPECT_NEAR(out["w"].leaf().scalar().as_double(), 2.96837726, 1e-8);
  EXPECT_EQ(adam.step_count(), 1);
}

TEST(StatefulOptimizersScalars, SgdOnHostScalars) {
  SGD sgd(0.25);
  const Container out = sgd.step(Container{{"a", {{"w", 1.0}}}}, Container{{"a", {{"w", 2.0}}}});
  EXPECT_DOUBLE_EQ(out.at_key_chain("a/w").leaf().scalar().as_double(), 0.5);
  try {
    sgd.step(Container{{"a", 1.0}}, Container{{"b", 1.0}});
    ADD_FAILURE() << "no exception";
  } catch (const ShapeError& e) {
    EXPECT_NE(std::string(e.what()).find("ivy::SGD::step [core]"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("'a'"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace ivy::testing
