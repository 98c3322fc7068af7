// Losses against NumPy (tests/data/stateful/reference.json) and closed forms.
#include <cmath>

#include "props/stateful_support.hpp"

namespace ivy::testing {
namespace {

class StatefulLosses : public StatefulTest {};

TEST_F(StatefulLosses, MeanSquaredError) {
  const auto& c = ref()["losses"];
  const Array pred = from_json(c["pred"]);
  const Array target = from_json(c["target"]);
  const Array elem = from_json(c["mse"]);
  EXPECT_TRUE(close(mean_squared_error(pred, target, Reduction::none), elem));
  EXPECT_TRUE(close(mean_squared_error(pred, target), mean(elem)));
  EXPECT_TRUE(close(mean_squared_error(pred, target, Reduction::sum), sum(elem)));
  // Closed form: ((1-0)^2 + (3-1)^2) / 2 = 2.5
  EXPECT_DOUBLE_EQ(
      mean_squared_error(from_values({1, 3}, {2}), from_values({0, 1}, {2})).item<double>(), 2.5);
  const std::string msg = error_of<ShapeError>([&] {
    mean_squared_error(from_values({1, 3}, {2, 1}), from_values({0, 1}, {2}));
  });
  EXPECT_NE(msg.find("ivy::mean_squared_error [" + backend_under_test() + "]"), std::string::npos)
      << msg;
}

TEST_F(StatefulLosses, BinaryCrossEntropy) {
  const auto& c = ref()["losses"];
  const Array p = from_json(c["p"]);
  const Array t = from_json(c["t"]);
  EXPECT_TRUE(
      close(binary_cross_entropy(p, t, 1e-7, Reduction::none), from_json(c["bce"]), 1e-12, 1e-12));
  EXPECT_TRUE(close(binary_cross_entropy(p, t, 1e-7, Reduction::mean), mean(from_json(c["bce"]))));
  EXPECT_TRUE(close(binary_cross_entropy(p, t, 1e-7, Reduction::sum), sum(from_json(c["bce"]))));
  // Without a reduction the call is the functional (registered) per-item loss.
  EXPECT_TRUE(close(binary_cross_entropy(p, t), from_json(c["bce"]), 1e-12, 1e-12));
  // Clipping: p = 0 and 1 with the wrong labels give -log(eps), finite.
  const Array clipped = binary_cross_entropy(from_values({0, 1}, {2}), from_values({1, 0}, {2}),
                                             1e-7, Reduction::none);
  for (double v : clipped.to_vector<double>()) EXPECT_NEAR(v, -std::log(1e-7), 1e-6);
}

TEST_F(StatefulLosses, CategoricalCrossEntropyFromProbabilities) {
  const auto& c = ref()["losses"];
  const Array probs = from_json(c["probs"]);
  const Array expected = from_json(c["cce"]);
  const Array labels =
      array<std::int64_t>(c["labels"].get<std::vector<std::int64_t>>(), {3}, Options().on(*b_));
  EXPECT_TRUE(close(categorical_cross_entropy(probs, labels, 1e-7, Reduction::none), expected));
  EXPECT_TRUE(close(categorical_cross_entropy(probs, from_json(c["onehot"]), 1e-7, Reduction::none),
                    expected));
  EXPECT_TRUE(close(categorical_cross_entropy(probs, labels), mean(expected)));
  EXPECT_TRUE(close(categorical_cross_entropy(probs, labels, 1e-7, Reduction::sum), sum(expected)));
  // Closed form: -log(0.25) for a uniform prediction.
  EXPECT_NEAR(categorical_cross_entropy(full({1, 4}, 0.25, f64()),
                                        array<std::int64_t>({1}, Options().on(*b_)))
                  .item<double>(),
              std::log(4.0), 1e-12);
}

TEST_F(StatefulLosses, CategoricalCrossEntropyFromLogits) {
  const auto& c = ref()["losses"];
  const Array logits = from_json(c["logits"]);
  const Array labels =
      array<std::int64_t>(c["labels"].get<std::vector<std::int64_t>>(), {3}, Options().on(*b_));
  EXPECT_TRUE(close(categorical_cross_entropy_from_logits(logits, labels, Reduction::none),
                    from_json(c["cce_logits"]), 1e-12, 1e-12));
  // Equal to the probability form of softmax(logits), and stable for large logits.
  EXPECT_TRUE(close(categorical_cross_entropy_from_logits(logits, labels),
                    categorical_cross_entropy(softmax(logits), labels), 1e-9, 1e-9));
  const Array big = from_values({1000, 0}, {1, 2});
  EXPECT_NEAR(
      categorical_cross_entropy_from_logits(big, array<std::int64_t>({1}, Options().on(*b_)))
          .item<double>(),
      1000.0, 1e-9);
}

TEST_F(StatefulLosses, LabelErrors) {
  const Array probs = full({2, 3}, 1.0 / 3, f64());
  const std::string range = error_of<IndexError>([&] {
    categorical_cross_entropy(probs, array<std::int64_t>({0, 3}, Options().on(*b_)));
  });
  EXPECT_NE(range.find("ivy::categorical_cross_entropy [" + backend_under_test() + "]"),
            std::string::npos)
      << range;
  EXPECT_NE(range.find("3"), std::string::npos) << range;
  error_of<ShapeError>([&] {
    categorical_cross_entropy(probs, array<std::int64_t>({0, 1, 2}, Options().on(*b_)));
  });
  error_of<ShapeError>([&] { categorical_cross_entropy(probs, full({2, 4}, 0.25, f64())); });
  error_of<DTypeError>([&] {
    categorical_cross_entropy_from_logits(probs, array<bool>({true, false}, Options().on(*b_)));
  });
}

}  // namespace
}  // namespace ivy::testing
