#pragma once
// Pictures of ivy::gym environments: one frame of an environment's state (its first environment
// of the batch) drawn with cairo, and a roll-out written as an animated GIF (giflib).
#include <cairo.h>

#include <cstdint>
#include <string>
#include <vector>

#include "ivy/gym.hpp"

namespace ivy_demo::gym_frames {

/** The state values of one environment (batch element 0), read on the host. */
using HostState = std::vector<std::vector<double>>;
HostState host_state(const ivy::gym::Env& env);

/** Draws the environment `env_name` in state s into the square (x, y, size) of cr. */
void draw_frame(cairo_t* cr, const std::string& env_name, const HostState& s, double x, double y,
                double size);

/** RGB frames of size x size pixels, one per state, as an animated GIF looping forever
 * (delay_cs hundredths of a second per frame). std::runtime_error naming the path on failure. */
void write_gif(const std::string& path, const std::string& env_name,
               const std::vector<HostState>& states, int size, int delay_cs);

}  // namespace ivy_demo::gym_frames
