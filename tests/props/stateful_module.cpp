// ivy::Module: building (lazy and explicit), nested modules' key chains, the functional call,
// set_v checks, save/load through HDF5, train/eval, and errors naming the layer.
#include <filesystem>

#include "props/stateful_support.hpp"

namespace ivy::testing {
namespace {

class StatefulModule : public StatefulTest {};

// The paper's IvyFcModel, with a nested block to check deeper key chains.
struct Block : Module {
  Block() : Module("Block") {}
  std::shared_ptr<Linear> inner = register_module("inner", std::make_shared<Linear>(4, 4));
  std::shared_ptr<Dropout> drop = register_module("drop", std::make_shared<Dropout>(0.5));
  Array forward(const Array& x, const Container& v) override {
    return (*drop)((*inner)(x, v["inner"]), child_v(v, "drop"));
  }
};

struct FcModel : Module {
  FcModel() : Module("FcModel") {}
  std::shared_ptr<Linear> linear0 = register_module("linear0", std::make_shared<Linear>(3, 4));
  std::shared_ptr<Block> block = register_module("block", std::make_shared<Block>());
  std::shared_ptr<Linear> linear2 = register_module("linear2", std::make_shared<Linear>(4, 2));
  Array forward(const Array& x, const Container& v) override {
    const Array h = relu((*linear0)(x, v["linear0"]));
    return (*linear2)((*block)(h, v["block"]), v["linear2"]);
  }
};

TEST_F(StatefulModule, LazyBuildTakesTheInputsBackendAndDtype) {
  FcModel m;
  EXPECT_FALSE(m.built());
  const std::string msg = error_of<ValueError>([&] { m.v(); });
  EXPECT_NE(msg.find("ivy::FcModel"), std::string::npos) << msg;
  const Array y = m(ones({5, 3}, f64()));
  EXPECT_TRUE(m.built());
  EXPECT_EQ(y.shape(), (Shape{5, 2}));
  EXPECT_EQ(m.v().key_chains(),
            (std::vector<std::string>{"block/inner/b", "block/inner/w", "linear0/b", "linear0/w",
                                      "linear2/b", "linear2/w"}));
  for (const auto& [kc, leaf] : m.v().flatten()) {
    EXPECT_EQ(leaf.array().dtype(), DType::float64) << kc;
    EXPECT_EQ(leaf.array().backend_name(), backend_under_test()) << kc;
  }
  EXPECT_EQ(m.v().at_key_chain("linear0/w").array().shape(), (Shape{4, 3}));
  EXPECT_EQ(m.v().at_key_chain("linear2/w").array().shape(), (Shape{2, 4}));
  // An integer input builds float32 variables.
  FcModel m2;
  m2(ones({1, 3}, Options(DType::int32).on(*b_)));
  EXPECT_EQ(m2.v().at_key_chain("linear0/w").array().dtype(), DType::float32);
}

TEST_F(StatefulModule, ScopesNameNestedModules) {
  FcModel m;
  EXPECT_EQ(m.scope(), "");
  EXPECT_EQ(m.linear0->scope(), "linear0");
  EXPECT_EQ(m.block->inner->scope(), "block/inner");
  ASSERT_EQ(m.children().size(), 3u);
  EXPECT_EQ(m.children()[1].first, "block");
  // A wrong input size names the layer, its place in the model and the backend.
  m.build();
  const std::string msg = error_of<ShapeError>([&] {
    m.block->inner->call(ones({2, 3}, f32()), m.v()["block"]["inner"]);
  });
  EXPECT_NE(msg.find("ivy::Linear [" + backend_under_test() + "]"), std::string::npos) << msg;
  EXPECT_NE(msg.find("block/inner"), std::string::npos) << msg;
  EXPECT_NE(msg.find("[2,3]"), std::string::npos) << msg;
  const std::string top = error_of<ShapeError>([&] { m(ones({2, 5}, f32())); });
  EXPECT_NE(top.find("ivy::Linear"), std::string::npos) << top;
  EXPECT_NE(top.find("linear0"), std::string::npos) << top;
}

TEST_F(StatefulModule, ExplicitBuildAndChildrenShareVariables) {
  FcModel m;
  m.build(f32());
  EXPECT_EQ(m.v().at_key_chain("linear0/w").array().dtype(), DType::float32);
  EXPECT_TRUE(m.linear0->v().all_equal(m.v()["linear0"]));
  // set_v reaches the children.
  const Container doubled = m.v() * 2.0;
  m.set_v(doubled);
  EXPECT_TRUE(m.v().all_equal(doubled));
  EXPECT_TRUE(m.block->inner->v().all_equal(doubled["block"]["inner"]));
}

TEST_F(StatefulModule, FunctionalCallUsesTheGivenVariables) {
  const auto& c = ref()["mlp"];
  struct Mlp : Module {
    Mlp() : Module("Mlp") {}
    std::shared_ptr<Linear> l0 = register_module("l0", std::make_shared<Linear>(3, 4));
    std::shared_ptr<Linear> l1 = register_module("l1", std::make_shared<Linear>(4, 2));
    Array forward(const Array& x, const Container& v) override {
      return (*l1)(relu((*l0)(x, v["l0"])), v["l1"]);
    }
  } m;
  const Container v{{"l0", {{"w", from_json(c["w0"])}, {"b", from_json(c["b0"])}}},
                    {"l1", {{"w", from_json(c["w1"])}, {"b", from_json(c["b1"])}}}};
  EXPECT_TRUE(close(m(from_json(c["x"]), v), from_json(c["y"])));
  EXPECT_FALSE(m.built());  // the functional form needs no variables of its own
  m.build(f64());
  const Container own = m.v();
  EXPECT_TRUE(close(m.call(from_json(c["x"]), v), from_json(c["y"])));
  EXPECT_TRUE(m.v().all_equal(own));
}

TEST_F(StatefulModule, SetVChecksKeysAndShapes) {
  FcModel m;
  m.build(f32());
  const std::string missing =
      error_of<ShapeError>([&] { m.set_v(m.v().prune_key_chain("block/inner/b")); });
  EXPECT_NE(missing.find("ivy::FcModel::set_v"), std::string::npos) << missing;
  EXPECT_NE(missing.find("'block/inner/b'"), std::string::npos) << missing;
  Container wrong = m.v();
  wrong.set_at_key_chain("linear2/w", zeros({2, 5}, f32()));
  const std::string shape = error_of<ShapeError>([&] { m.set_v(wrong); });
  EXPECT_NE(shape.find("'linear2/w'"), std::string::npos) << shape;
  EXPECT_NE(shape.find("[2,5]"), std::string::npos) << shape;
}

TEST_F(StatefulModule, SaveAndLoadWeightsRoundTrip) {
  const std::string path =
      (std::filesystem::temp_directory_path() / ("ivy_stateful_" + backend_under_test() + ".h5"))
          .string();
  FcModel a;
  a.build(f64());
  a.save_weights(path);
  FcModel b;
  b.build(f64());
  EXPECT_FALSE(b.v().all_equal(a.v()));
  b.load_weights(path);
  EXPECT_TRUE(b.v().all_equal(a.v()));
  EXPECT_EQ(b.v().at_key_chain("linear0/w").array().backend_name(), backend_under_test());
  b.eval();
  a.eval();
  const Array x = random_uniform(-1.0, 1.0, Shape{3, 3}, f64());
  EXPECT_TRUE(close(b(x), a(x), 0, 0));
  // A file of another model is refused with the key chain.
  Linear other(3, 3);
  other.build(f64());
  other.save_weights(path);
  error_of<ShapeError>([&] { b.load_weights(path); });
  error_of<IOError>([&] { b.load_weights(path + ".missing"); });
  std::filesystem::remove(path);
}

TEST_F(StatefulModule, TrainAndEvalReachChildren) {
  FcModel m;
  EXPECT_TRUE(m.training());
  m.eval();
  EXPECT_FALSE(m.block->drop->training());
  const Array x = ones({4, 3}, f32());
  EXPECT_TRUE(close(m(x), m(x), 0, 0));  // no dropout in evaluation mode
  m.train();
  EXPECT_TRUE(m.block->drop->training());
}

// Argument checks need no arrays: they run on every backend, the stub included.
TEST(StatefulArguments, ConstructorsRejectBadSizes) {
  EXPECT_THROW(Linear(0, 3), ValueError);
  EXPECT_THROW(Conv2D(2, 3, {3}), ShapeError);
  EXPECT_THROW(Conv1D(2, 3, 0), ValueError);
  EXPECT_THROW(LSTM(3, 0), ValueError);
  EXPECT_THROW(Dropout(1.5), ValueError);
  EXPECT_THROW(LayerNorm({}), ValueError);
  struct Twice : Module {
    Twice() {
      register_module("a", std::make_shared<Dropout>(0.1));
      register_module("a", std::make_shared<Dropout>(0.1));
    }
    Array forward(const Array& x, const Container&) override { return x; }
  };
  EXPECT_THROW(Twice(), ValueError);
  try {
    Linear(3, -1);
  } catch (const ValueError& e) {
    EXPECT_NE(std::string(e.what()).find("ivy::Linear"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace ivy::testing

namespace ivy::testing {
namespace {

// Modules without variables build without arrays: structure checks on every backend.
TEST(StatefulStructure, ModulesWithoutVariables) {
  ivy::use scope{backend_under_test()};
  Sequential net(Dropout(0.1), Dropout(0.2));
  EXPECT_THROW(net.v(), ValueError);
  net.build();
  EXPECT_TRUE(net.built());
  EXPECT_EQ(net.v().keys(), (std::vector<std::string>{"layer0", "layer1"}));
  EXPECT_EQ(net.v().size(), 0u);
  EXPECT_EQ(net.children()[1].second->scope(), "layer1");
  EXPECT_EQ(net.children()[1].second->kind(), "Dropout");
  net.eval();
  EXPECT_FALSE(net.children()[0].second->training());
}

}  // namespace
}  // namespace ivy::testing
