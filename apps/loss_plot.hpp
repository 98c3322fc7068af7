#pragma once
// Loss curves as a PNG with cairo: log-scale loss against epoch with axes, ticks and a legend,
// and below it each curve's relative difference from the first one.
#include <string>
#include <vector>

namespace ivy_demo {

struct Curve {
  std::string label;
  std::vector<double> values;  // one per epoch, epoch 0 (before training) first
};

/** Throws std::runtime_error naming the path when the file cannot be written. */
void write_loss_plot(const std::string& path, const std::string& title,
                     const std::vector<Curve>& curves);

}  // namespace ivy_demo
