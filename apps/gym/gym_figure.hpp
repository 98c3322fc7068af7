#pragma once
// ivy-gym's picture: the mean reward per step against the iteration for each backend, above a
// strip of frames of the first backend's trained roll-out.
#include <string>
#include <vector>

#include "gym/gym_training.hpp"

namespace ivy_demo {

/** Throws std::runtime_error naming the path when the file cannot be written. */
void write_gym_figure(const std::string& path, const gym_training::Settings& s,
                      const std::vector<gym_training::Result>& results);

}  // namespace ivy_demo
