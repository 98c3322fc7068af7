// ivy::Container structure: construction, sorted keys, key chains, pruning, flatten and
// printing. Scalar leaves need no backend, so most of these run on the stub too.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "ivy/container.hpp"
#include "ivy/ivy.hpp"
#include "support/support_record.hpp"

namespace {
using ivy::Container;
using ivy::testing::backend_under_test;

// {b: {y: 2, x: 1.5}, a: true, c: {}} given out of order on purpose.
Container sample() { return Container{{"b", {{"y", 2}, {"x", 1.5}}}, {"a", true}, {"c", {}}}; }

template <class E, class F>
std::string message_of(F f) {
  try {
    f();
  } catch (const E& e) {
    return e.what();
  }
  ADD_FAILURE() << "no exception of the expected class";
  return "";
}

bool has(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}
}  // namespace

TEST(ContainerStructure, KeysAreSortedWhateverTheInsertionOrder) {
  const Container c = sample();
  EXPECT_EQ(c.keys(), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(c["b"].keys(), (std::vector<std::string>{"x", "y"}));
  Container d;
  d["z"] = 1;
  d["B"] = 2;
  d["a"] = 3;
  d["a1"] = 4;
  EXPECT_EQ(d.keys(), (std::vector<std::string>{"B", "a", "a1", "z"}));  // byte order
  // flatten lists leaves in the same order, depth first; the empty node has no leaf.
  EXPECT_EQ(c.key_chains(), (std::vector<std::string>{"a", "b/x", "b/y"}));
  EXPECT_EQ(c.size(), 3u);
  EXPECT_EQ(c.leaves().size(), 3u);
  EXPECT_TRUE(c["c"].empty());
}

TEST(ContainerStructure, LeavesHoldScalarsOfEachKind) {
  const Container c = sample();
  EXPECT_TRUE(c["a"].is_leaf());
  EXPECT_TRUE(c["a"].leaf().is_scalar());
  EXPECT_EQ(c["a"].leaf().scalar().kind(), ivy::Scalar::Kind::boolean);
  EXPECT_EQ(c.at_key_chain("b/y").leaf().scalar().as_int(), 2);
  EXPECT_EQ(c.at_key_chain("b/y").leaf().scalar().kind(), ivy::Scalar::Kind::integer);
  EXPECT_EQ(c.at_key_chain("b/x").leaf().scalar().as_double(), 1.5);
  EXPECT_FALSE(c["b"].is_leaf());
  const std::string msg = message_of<ivy::ValueError>([&] { (void)c["b"].leaf(); });
  EXPECT_TRUE(has(msg, "ivy::Container::leaf")) << msg;
  EXPECT_TRUE(has(message_of<ivy::ValueError>([&] { (void)c["a"].array(); }), "ivy::Leaf::array"));
}

TEST(ContainerStructure, KeyChainsReadAndMissingOnesNameTheChain) {
  const Container c = sample();
  EXPECT_TRUE(c.has_key_chain("b/x"));
  EXPECT_TRUE(c.has_key_chain("b"));
  EXPECT_TRUE(c.has_key_chain(""));
  EXPECT_FALSE(c.has_key_chain("b/z"));
  EXPECT_FALSE(c.has_key_chain("a/x"));  // below a leaf
  EXPECT_TRUE(c.at_key_chain("").same_structure(c));
  std::string msg = message_of<ivy::IndexError>([&] { (void)c.at_key_chain("b/z"); });
  EXPECT_TRUE(has(msg, "ivy::Container::at_key_chain")) << msg;
  EXPECT_TRUE(has(msg, "'b/z'")) << msg;
  msg = message_of<ivy::IndexError>([&] { (void)c["nope"]; });
  EXPECT_TRUE(has(msg, "ivy::Container::operator[]") && has(msg, "nope")) << msg;
  for (const char* bad : {"b//x", "/b", "b/", "b/./x"}) {
    msg = message_of<ivy::ValueError>([&] { (void)c.at_key_chain(bad); });
    EXPECT_TRUE(has(msg, "ivy::Container::at_key_chain") && has(msg, bad)) << msg;
  }
  Container d;
  msg = message_of<ivy::ValueError>([&] { d["a/b"] = 1; });
  EXPECT_TRUE(has(msg, "invalid key 'a/b'")) << msg;
  EXPECT_THROW((Container{{"", 1}}), ivy::ValueError);
  EXPECT_THROW((Container{{"k", 1}, {"k", 2}}), ivy::ValueError);
}

TEST(ContainerStructure, SetAtKeyChainCreatesNodesAndReplaces) {
  Container c = sample();
  c.set_at_key_chain("d/e/f", 7).set_at_key_chain("b/x", -1.0);
  EXPECT_EQ(c.at_key_chain("d/e/f").leaf().scalar().as_int(), 7);
  EXPECT_EQ(c.at_key_chain("b/x").leaf().scalar().as_double(), -1.0);
  EXPECT_EQ(c.keys(), (std::vector<std::string>{"a", "b", "c", "d"}));
  // Replacing a node by a leaf and a leaf by a node.
  c.set_at_key_chain("b", 3);
  EXPECT_TRUE(c["b"].is_leaf());
  c.set_at_key_chain("a", Container{{"q", 1}});
  EXPECT_EQ(c.at_key_chain("a/q").leaf().scalar().as_int(), 1);
  const std::string msg = message_of<ivy::ValueError>([&] { c.set_at_key_chain("b/z", 1); });
  EXPECT_TRUE(has(msg, "ivy::Container::set_at_key_chain") && has(msg, "'b/z'")) << msg;
  // Value semantics: a copy is independent.
  Container copy = c;
  copy.set_at_key_chain("d/e/f", 8);
  EXPECT_EQ(c.at_key_chain("d/e/f").leaf().scalar().as_int(), 7);
  // The non-const operator[] inserts an empty node.
  Container e;
  e["x"]["y"] = 2.5;
  EXPECT_EQ(e.key_chains(), (std::vector<std::string>{"x/y"}));
  EXPECT_THROW(e["x"]["y"]["z"], ivy::ValueError);  // y is a leaf
}

TEST(ContainerStructure, PruneKeyChainsAndEmptyNodes) {
  const Container c = sample();
  const Container p = c.prune_key_chain("b/x");
  EXPECT_EQ(p.key_chains(), (std::vector<std::string>{"a", "b/y"}));
  EXPECT_EQ(c.key_chains(), (std::vector<std::string>{"a", "b/x", "b/y"}));  // unchanged
  const Container q = c.prune_key_chains({"b/x", "b/y"});
  EXPECT_EQ(q.keys(), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_TRUE(q["b"].empty());
  const Container r = q.prune_empty();
  EXPECT_EQ(r.keys(), (std::vector<std::string>{"a"}));
  // A node whose only child is empty goes too.
  Container nested;
  nested.set_at_key_chain("x/y/z", Container());
  nested.set_at_key_chain("k", 1);
  EXPECT_EQ(nested.prune_empty().keys(), (std::vector<std::string>{"k"}));
  const std::string msg = message_of<ivy::IndexError>([&] { (void)c.prune_key_chain("b/q"); });
  EXPECT_TRUE(has(msg, "ivy::Container::prune_key_chain") && has(msg, "'b/q'")) << msg;
}

TEST(ContainerStructure, FlattenAndFromFlatRoundTrip) {
  const Container c = sample().prune_empty();
  const auto flat = c.flatten();
  ASSERT_EQ(flat.size(), 3u);
  EXPECT_EQ(flat[1].first, "b/x");
  const Container back = Container::from_flat(flat);
  EXPECT_TRUE(back.same_structure(c));
  EXPECT_TRUE(back.all_equal(c));
  // Order of the flat list does not matter: keys are sorted.
  const Container reversed = Container::from_flat({flat[2], flat[1], flat[0]});
  EXPECT_TRUE(reversed.all_equal(c));
  EXPECT_THROW(Container::from_flat({{"a", 1}, {"a", 2}}), ivy::ValueError);
  EXPECT_THROW(Container::from_flat({{"a/b", 1}, {"a", 2}}), ivy::ValueError);
  EXPECT_THROW(Container::from_flat({{"a", 1}, {"a/b", 2}}), ivy::ValueError);
  // A leaf flattens to one entry with the empty key chain.
  const Container leaf(4.0);
  ASSERT_EQ(leaf.flatten().size(), 1u);
  EXPECT_EQ(leaf.flatten()[0].first, "");
  EXPECT_TRUE(Container::from_flat(leaf.flatten()).is_leaf());
}

TEST(ContainerStructure, SameStructureAndValueEquality) {
  const Container c = sample();
  Container d = Container{{"a", false}, {"b", {{"x", 0}, {"y", 0}}}, {"c", {}}};
  EXPECT_TRUE(c.same_structure(d));
  EXPECT_FALSE(c.all_equal(d));
  EXPECT_FALSE(c.same_structure(c.prune_empty()));
  EXPECT_FALSE(c.same_structure(c.prune_key_chain("b/x")));
  EXPECT_FALSE(c.same_structure(Container(1)));
  EXPECT_TRUE(c.all_equal(sample()));
  Container e = sample();
  e.set_at_key_chain("b/x", 1.5 + 1e-9);
  EXPECT_FALSE(c.all_equal(e));
  EXPECT_TRUE(c.allclose(e));
  EXPECT_FALSE(c.allclose(e, 0.0, 1e-12));
  // int 2 equals float 2.0 as a value.
  e.set_at_key_chain("b/y", 2.0).set_at_key_chain("b/x", 1.5);
  EXPECT_TRUE(c.all_equal(e));
}

TEST(ContainerStructure, ScalarArithmeticFollowsPythonRules) {
  const Container c{{"i", 7}, {"f", 0.5}, {"t", true}};
  const Container sum = c + 1;
  EXPECT_EQ(sum["i"].leaf().scalar().as_int(), 8);
  EXPECT_EQ(sum["i"].leaf().scalar().kind(), ivy::Scalar::Kind::integer);
  EXPECT_EQ(sum["f"].leaf().scalar().as_double(), 1.5);
  EXPECT_EQ(sum["t"].leaf().scalar().as_int(), 2);
  const Container q = c / 2;  // true division
  EXPECT_EQ(q["i"].leaf().scalar().as_double(), 3.5);
  EXPECT_EQ(q["i"].leaf().scalar().kind(), ivy::Scalar::Kind::floating);
  EXPECT_EQ((2 - c)["i"].leaf().scalar().as_int(), -5);
  EXPECT_EQ(c.pow(2)["i"].leaf().scalar().as_int(), 49);
  EXPECT_EQ(c.pow(-1)["i"].leaf().scalar().as_double(), 1.0 / 7.0);
  EXPECT_EQ(ivy::pow(2, c)["f"].leaf().scalar().as_double(), std::pow(2.0, 0.5));
  EXPECT_EQ((-c)["i"].leaf().scalar().as_int(), -7);
  EXPECT_EQ((c * c)["f"].leaf().scalar().as_double(), 0.25);
  // int64 arithmetic wraps as the integer arrays do.
  const Container big{{"m", std::numeric_limits<std::int64_t>::max()}};
  EXPECT_EQ((big + 1)["m"].leaf().scalar().as_int(), std::numeric_limits<std::int64_t>::min());
  Container acc = c;
  acc += c;
  acc *= 2;
  EXPECT_EQ(acc["i"].leaf().scalar().as_int(), 28);
}

TEST(ContainerStructure, ArithmeticNeedsTheSameStructure) {
  const Container c = sample();
  std::string msg = message_of<ivy::ShapeError>([&] { (void)(c + c.prune_key_chain("b/x")); });
  EXPECT_TRUE(has(msg, "ivy::Container::add") && has(msg, "'b/x' is only on the left")) << msg;
  msg = message_of<ivy::ShapeError>([&] { (void)(c.prune_key_chain("a") * c); });
  EXPECT_TRUE(has(msg, "ivy::Container::multiply") && has(msg, "'a' is only on the right")) << msg;
  Container d = sample();
  d.set_at_key_chain("c", 1);
  msg = message_of<ivy::ShapeError>([&] { (void)(c - d); });
  EXPECT_TRUE(has(msg, "ivy::Container::subtract") && has(msg, "'c' is a node on the left")) << msg;
}

TEST(ContainerStructure, MapWithKeyChainsSeesEveryLeaf) {
  const Container c = sample();
  std::vector<std::string> seen;
  const Container m = c.map_with_key_chains([&](const std::string& kc, const ivy::Leaf& x) {
    seen.push_back(kc);
    return ivy::Leaf(static_cast<std::int64_t>(kc.size()) + (x.scalar().as_int() > 1 ? 100 : 0));
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"a", "b/x", "b/y"}));
  EXPECT_EQ(m.at_key_chain("b/y").leaf().scalar().as_int(), 103);
  EXPECT_TRUE(m["c"].empty());  // empty nodes are kept
  // map() touches only Array leaves: a tree of scalars is returned as it is.
  EXPECT_TRUE(c.map([](const ivy::Array& x) { return x; }).all_equal(c));
  // An ivy::Error thrown by f keeps its class and gains the key chain.
  const std::string msg = message_of<ivy::IndexError>([&] {
    (void)c.map_with_key_chains([](const std::string& kc, const ivy::Leaf& x) -> ivy::Leaf {
      if (kc == "b/y") throw ivy::IndexError("boom");
      return x;
    });
  });
  EXPECT_EQ(msg, "boom (at key chain 'b/y')");
}

TEST(ContainerStructure, PrintShowsTheTree) {
  const Container c = sample();
  EXPECT_EQ(c.to_string(),
            "{\n"
            "  a: Scalar(bool, true)\n"
            "  b: {\n"
            "    x: Scalar(float, 1.5)\n"
            "    y: Scalar(int, 2)\n"
            "  }\n"
            "  c: {}\n"
            "}");
  std::ostringstream os;
  os << Container{{"lr", 0.1}};
  EXPECT_EQ(os.str(), "{\n  lr: Scalar(float, 0.1)\n}");
  EXPECT_EQ(Container().to_string(), "{}");
}
