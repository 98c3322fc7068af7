// ivy::Container with Array leaves: arithmetic, map, reductions, slicing, conversions and
// printing. Expected values are plain arithmetic on the host vectors the arrays were made from.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "ivy/container.hpp"
#include "ivy/ivy.hpp"
#include "support/support_record.hpp"

namespace {
using ivy::Container;
using ivy::testing::backend_under_test;

#define IVY_SKIP_ON_STUB()                                                                \
  if (backend_under_test() == "stub")                                                     \
  GTEST_SKIP() << "the stub backend holds no arrays (creation throws UnsupportedError); " \
                  "scalar-leaf Containers are checked in ContainerStructure"

const ivy::Backend& under_test() { return ivy::backend(backend_under_test()); }

// {layer0: {b: [0.5, -1], w: [[1, 2], [3, 4]]}, lr: 0.1, steps: [1, 2, 3] (int64)}
Container params() {
  const ivy::Backend& b = under_test();
  return Container{
      {"layer0",
       {{"w", ivy::array({{1.0f, 2.0f}, {3.0f, 4.0f}}, b)}, {"b", ivy::array({0.5f, -1.0f}, b)}}},
      {"steps", ivy::array(std::vector<std::int64_t>{1, 2, 3}, {3}, b)},
      {"lr", 0.1}};
}

std::vector<double> values(const Container& c, const std::string& kc) {
  return c.at_key_chain(kc).array().to_vector<double>();
}

bool has(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}
}  // namespace

TEST(ContainerArrays, ArithmeticWithScalarsArraysAndContainers) {
  IVY_SKIP_ON_STUB();
  const Container c = params();
  const Container twice = c + c;
  EXPECT_EQ(values(twice, "layer0/w"), (std::vector<double>{2, 4, 6, 8}));
  EXPECT_EQ(twice["lr"].leaf().scalar().as_double(), 0.2);
  EXPECT_EQ(values(c * 3, "layer0/b"), (std::vector<double>{1.5, -3}));
  EXPECT_EQ(values(1 - c, "steps"), (std::vector<double>{0, -1, -2}));
  EXPECT_EQ(values(c / 2, "layer0/w"), (std::vector<double>{0.5, 1, 1.5, 2}));
  EXPECT_EQ(values(-c, "layer0/b"), (std::vector<double>{-0.5, 1}));
  EXPECT_EQ(values(c.pow(2), "steps"), (std::vector<double>{1, 4, 9}));
  EXPECT_EQ(values(ivy::pow(c, c), "steps"), (std::vector<double>{1, 4, 27}));
  // dtypes follow the unified functions: int64 / scalar is float32, float32 * 3 stays float32.
  EXPECT_EQ((c / 2)["steps"].array().dtype(), ivy::float32);
  EXPECT_EQ((c * 3).at_key_chain("layer0/w").array().dtype(), ivy::float32);
  // An Array broadcasts against every leaf; a Scalar leaf meeting it becomes an array.
  const ivy::Array row = ivy::array({10.0f, 20.0f}, under_test());
  const Container shifted = c.prune_key_chain("steps") + row;
  EXPECT_EQ(values(shifted, "layer0/w"), (std::vector<double>{11, 22, 13, 24}));
  EXPECT_EQ(values(shifted, "lr").size(), 2u);
  EXPECT_NEAR(values(shifted, "lr")[1], 20.1, 1e-5);
  Container acc = c;
  acc -= c;
  EXPECT_EQ(values(acc, "layer0/w"), (std::vector<double>{0, 0, 0, 0}));
  // The input is untouched (value semantics).
  EXPECT_EQ(values(c, "layer0/w"), (std::vector<double>{1, 2, 3, 4}));
}

TEST(ContainerArrays, LeafErrorsKeepTheirClassAndNameTheKeyChain) {
  IVY_SKIP_ON_STUB();
  const Container c = params();
  Container other = params();
  other.set_at_key_chain("layer0/b", ivy::array({1.0f, 2.0f, 3.0f}, under_test()));
  try {
    (void)(c + other);
    ADD_FAILURE() << "no ShapeError";
  } catch (const ivy::ShapeError& e) {
    const std::string msg = e.what();
    EXPECT_TRUE(has(msg, "ivy::add")) << msg;
    EXPECT_TRUE(has(msg, "[" + backend_under_test() + "]")) << msg;
    EXPECT_TRUE(has(msg, "(at key chain 'layer0/b')")) << msg;
  }
  try {
    (void)c.sum(3);
    ADD_FAILURE() << "no IndexError";
  } catch (const ivy::IndexError& e) {
    EXPECT_TRUE(has(e.what(), "(at key chain 'layer0/b')")) << e.what();
  }
}

TEST(ContainerArrays, MapAndReductionsPerLeaf) {
  IVY_SKIP_ON_STUB();
  const Container c = params();
  const Container sq = c.map([](const ivy::Array& x) { return ivy::square(x); });
  EXPECT_EQ(values(sq, "layer0/w"), (std::vector<double>{1, 4, 9, 16}));
  EXPECT_EQ(sq["lr"].leaf().scalar().as_double(), 0.1);  // scalars are kept
  EXPECT_EQ(values(c.sum(), "layer0/w"), (std::vector<double>{10}));
  EXPECT_EQ(values(c.sum(0), "layer0/w"), (std::vector<double>{4, 6}));
  const Container w_only = c.prune_key_chains({"layer0/b", "steps"});
  EXPECT_EQ(w_only.sum(1, true).at_key_chain("layer0/w").array().shape(), (ivy::Shape{2, 1}));
  EXPECT_EQ(values(w_only.sum({0, 1}), "layer0/w"), (std::vector<double>{10}));
  EXPECT_EQ(values(c.mean(), "layer0/w"), (std::vector<double>{2.5}));
  EXPECT_EQ(values(c.prod(), "steps"), (std::vector<double>{6}));
  EXPECT_EQ(values(c.min(), "layer0/b"), (std::vector<double>{-1}));
  EXPECT_EQ(values(c.max(), "layer0/b"), (std::vector<double>{0.5}));
  const Container keyed =
      c.map_with_key_chains([](const std::string& kc, const ivy::Leaf& x) -> ivy::Leaf {
        return kc == "layer0/w" ? ivy::Leaf(ivy::transpose(x.array())) : x;
      });
  EXPECT_EQ(values(keyed, "layer0/w"), (std::vector<double>{1, 3, 2, 4}));
}

TEST(ContainerArrays, SlicingAndIndexingEveryLeaf) {
  IVY_SKIP_ON_STUB();
  const Container c = params().prune_key_chain("steps");
  const Container first = c.index(0);
  EXPECT_EQ(first.at_key_chain("layer0/w").array().shape(), (ivy::Shape{2}));
  EXPECT_EQ(values(first, "layer0/w"), (std::vector<double>{1, 2}));
  EXPECT_EQ(values(first, "layer0/b"), (std::vector<double>{0.5}));
  EXPECT_EQ(first.at_key_chain("layer0/b").array().shape(), (ivy::Shape{}));
  EXPECT_EQ(values(c.index(-1), "layer0/w"), (std::vector<double>{3, 4}));
  EXPECT_EQ(first["lr"].leaf().scalar().as_double(), 0.1);
  try {
    (void)c.index(2);
    ADD_FAILURE() << "no IndexError";
  } catch (const ivy::IndexError& e) {
    // b ([2]) comes before w ([2,2]) in key order, so b fails first.
    EXPECT_EQ(std::string(e.what()),
              "ivy::Container::index [" + backend_under_test() +
                  "]: index 2 is out of range for shape [2] (at key chain 'layer0/b')");
  }
  const Container tail = c.slice({ivy::Slice{1, std::nullopt}});
  EXPECT_EQ(values(tail, "layer0/w"), (std::vector<double>{3, 4}));
  EXPECT_EQ(tail.at_key_chain("layer0/w").array().shape(), (ivy::Shape{1, 2}));
  EXPECT_EQ(values(tail, "layer0/b"), (std::vector<double>{-1}));
  const Container rev = c.slice({ivy::Slice{std::nullopt, std::nullopt, -1}});
  EXPECT_EQ(values(rev, "layer0/b"), (std::vector<double>{-1, 0.5}));
}

TEST(ContainerArrays, CastBackendAndDevice) {
  IVY_SKIP_ON_STUB();
  const Container c = params();
  const Container d = c.cast(ivy::float64);
  for (const auto& [kc, leaf] : d.flatten())
    if (leaf.is_array()) EXPECT_EQ(leaf.array().dtype(), ivy::float64) << kc;
  EXPECT_TRUE(d.all_equal(c));  // values compare across dtypes
  const Container cpu = c.to_device("cpu");
  EXPECT_EQ(cpu.at_key_chain("layer0/w").array().device().str(), "cpu");
  EXPECT_TRUE(cpu.all_equal(c));
  for (const std::string& name : ivy::available_backends()) {
    if (name == "stub") continue;
    const Container moved = c.to_backend(name);
    for (const auto& [kc, leaf] : moved.flatten())
      if (leaf.is_array()) EXPECT_EQ(leaf.array().backend_name(), name) << kc;
    EXPECT_TRUE(moved.all_equal(c)) << name;
  }
  EXPECT_THROW((void)c.to_backend("no-such-backend"), ivy::BackendError);
}

TEST(ContainerArrays, EqualityOfArrayLeaves) {
  IVY_SKIP_ON_STUB();
  const ivy::Backend& b = under_test();
  const Container c = params();
  EXPECT_TRUE(c.all_equal(params()));
  const Container nudged = c + 1e-7f;
  EXPECT_FALSE(c.all_equal(nudged));
  EXPECT_TRUE(c.allclose(nudged, 1e-5, 1e-6));
  EXPECT_FALSE(c.allclose(c + 1.0f));
  // Shapes must match (no broadcasting in comparisons).
  Container reshaped = c;
  reshaped.set_at_key_chain("layer0/b", ivy::array({{0.5f, -1.0f}}, b));
  EXPECT_FALSE(c.all_equal(reshaped));
  // NaN is unequal to itself; an array leaf is never equal to a scalar leaf.
  const Container nan{{"x", ivy::array({std::nanf("")}, b)}};
  EXPECT_FALSE(nan.all_equal(nan));
  EXPECT_FALSE(nan.allclose(nan));
  EXPECT_FALSE((Container{{"x", ivy::array(1.0, b)}}).all_equal(Container{{"x", 1.0}}));
}

TEST(ContainerArrays, PrintNamesShapeDtypeBackendAndDevice) {
  IVY_SKIP_ON_STUB();
  const std::string tag = ", backend=" + backend_under_test() + ", device=cpu)";
  EXPECT_EQ(params().to_string(),
            "{\n"
            "  layer0: {\n"
            "    b: Array(shape=[2], dtype=float32" +
                tag +
                "\n"
                "    w: Array(shape=[2,2], dtype=float32" +
                tag +
                "\n"
                "  }\n"
                "  lr: Scalar(float, 0.1)\n"
                "  steps: Array(shape=[3], dtype=int64" +
                tag +
                "\n"
                "}");
}
