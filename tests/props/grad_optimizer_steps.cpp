// The original Ivy's functional optimizer steps (adam_step, optimizer_update, lars_update,
// lamb_update) on the backend under test, against values computed with NumPy from the
// original's formulas: w = [3, -1], g = [6, 2], mw = [1, 0.5], vw = [4, 1], step 2, lr 0.1.
#include <gtest/gtest.h>

#include "ivy/ivy.hpp"
#include "support/array_test.hpp"

namespace {

using ivy::Array;
using ivy::testing::expect_values;
using ivy::testing::f64;

class OptimizerSteps : public ivy::testing::ArrayTest {
 protected:
  Array w() const { return f64({3, -1}, {2}); }
  Array g() const { return f64({6, 2}, {2}); }
  Array mw() const { return f64({1, 0.5}, {2}); }
  Array vw() const { return f64({4, 1}, {2}); }
};

TEST_F(OptimizerSteps, AdamStep) {
  const auto r = ivy::adam_step({g()}, {mw()}, {vw()}, 2);
  expect_values(r.ws[0], {0.1757857002057777, 0.1527268569621372}, 1e-12);
  expect_values(r.mw[0], {1.5, 0.65}, 1e-12);
  expect_values(r.vw[0], {4.032, 1.003}, 1e-12);
  EXPECT_THROW(ivy::adam_step({g()}, {mw()}, {vw()}, 0), ivy::ValueError);
  EXPECT_THROW(ivy::adam_step({g()}, {mw(), mw()}, {vw()}, 1), ivy::ValueError);
}

TEST_F(OptimizerSteps, OptimizerUpdateKeepsTheVariableMark) {
  const auto ws = ivy::optimizer_update({ivy::variable(w())}, {g()}, 0.1);
  expect_values(ws[0], {2.4, -1.2}, 1e-12);
  EXPECT_TRUE(ivy::is_variable(ws[0]));
  try {
    ivy::optimizer_update({w()}, {}, 0.1);
    ADD_FAILURE() << "no error";
  } catch (const ivy::ValueError& e) {
    EXPECT_NE(std::string(e.what()).find("ivy::optimizer_update"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("[" + ivy::testing::backend_under_test() + "]"),
              std::string::npos);
  }
}

TEST_F(OptimizerSteps, LarsUpdate) {
  expect_values(ivy::lars_update({w()}, {g()}, 0.1)[0], {2.7000000000000473, -1.099999999999984},
                1e-12);
  expect_values(ivy::lars_update({w()}, {g()}, 0.1, 0.5)[0],
                {2.8102633403899273, -1.0632455532033576}, 1e-12);
}

TEST_F(OptimizerSteps, LambUpdate) {
  // The trust ratio |w| / |e| = 13.6 is capped at 10.
  auto r = ivy::lamb_update({w()}, {g()}, 0.1, {mw()}, {vw()}, 2);
  expect_values(r.ws[0], {2.8242142997942223, -1.1527268569621372}, 1e-12);
  expect_values(r.mw[0], {1.5, 0.65}, 1e-12);
  r = ivy::lamb_update({w()}, {g()}, 0.1, {mw()}, {vw()}, 2, 0.9, 0.999, 1e-7, 10.0, 0.5);
  expect_values(r.ws[0], {2.9675186173691808, -1.0282206088048254}, 1e-12);
  r = ivy::lamb_update({w()}, {g()}, 0.1, {mw()}, {vw()}, 2, 0.9, 0.999, 1e-7, 0.5);
  expect_values(r.ws[0], {2.991210714989711, -1.0076363428481068}, 1e-12);
  EXPECT_THROW(ivy::lamb_update({w()}, {g()}, 0.1, {mw()}, {vw()}, 0), ivy::ValueError);
}

}  // namespace

namespace {

// The Container forms: the same values under nested key chains, and mismatched structures.
TEST_F(OptimizerSteps, ContainerForms) {
  const ivy::Container ws{{"layer", ivy::Container{{"w", w()}}}, {"b", f64({1}, {1})}};
  const ivy::Container gs{{"layer", ivy::Container{{"w", g()}}}, {"b", f64({2}, {1})}};
  const ivy::Container ms{{"layer", ivy::Container{{"w", mw()}}}, {"b", f64({0}, {1})}};
  const ivy::Container vs{{"layer", ivy::Container{{"w", vw()}}}, {"b", f64({0}, {1})}};
  expect_values(ivy::optimizer_update(ws, gs, 0.1).at_key_chain("layer/w").array(), {2.4, -1.2});
  expect_values(ivy::gradient_descent_update(ws, gs, 0.1).at_key_chain("b").array(), {0.8});
  expect_values(ivy::lars_update(ws, gs, 0.1).at_key_chain("layer/w").array(),
                {2.7000000000000473, -1.099999999999984});
  const auto step = ivy::adam_step(gs, ms, vs, 2);
  expect_values(step.ws.at_key_chain("layer/w").array(), {0.1757857002057777, 0.1527268569621372});
  const auto lamb = ivy::lamb_update(ws, gs, 0.1, ms, vs, 2);
  expect_values(lamb.ws.at_key_chain("layer/w").array(), {2.8242142997942223, -1.1527268569621372});
  expect_values(lamb.vw.at_key_chain("layer/w").array(), {4.032, 1.003});
  const auto adam = ivy::adam_update(ws, gs, 0.1, ms, vs, 2);
  expect_values(adam.mw.at_key_chain("b").array(), {0.2});
  const ivy::Container other{{"layer", ivy::Container{{"w", g()}}}};
  EXPECT_THROW(ivy::optimizer_update(ws, other, 0.1), ivy::ValueError);
  const ivy::Container scalar{{"layer", ivy::Container{{"w", g()}}}, {"b", 2.0}};
  EXPECT_THROW(ivy::lars_update(ws, scalar, 0.1), ivy::ValueError);
}

}  // namespace
