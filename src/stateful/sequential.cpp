#include "ivy/stateful/layers.hpp"

namespace ivy {

namespace {

std::vector<std::string> layer_keys(std::size_t n) {
  const std::size_t width = n <= 1 ? 1 : std::to_string(n - 1).size();
  std::vector<std::string> keys;
  for (std::size_t i = 0; i < n; ++i) {
    const std::string digits = std::to_string(i);
    keys.push_back("layer" + std::string(width - digits.size(), '0') + digits);
  }
  return keys;
}

}  // namespace

Sequential::Sequential(std::vector<std::shared_ptr<Module>> modules)
    : Module("Sequential"), keys_(layer_keys(modules.size())) {
  for (std::size_t i = 0; i < modules.size(); ++i) register_module(keys_[i], std::move(modules[i]));
}

Array Sequential::forward(const Array& x, const Container& v) {
  Array y = x;
  for (std::size_t i = 0; i < keys_.size(); ++i)
    y = (*children()[i].second)(y, child_v(v, keys_[i]));
  return y;
}

}  // namespace ivy
