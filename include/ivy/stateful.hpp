#pragma once
/// Umbrella header of the stateful API: Module, layers, initializers, losses and optimizers.
#include "ivy/stateful/conv.hpp"
#include "ivy/stateful/initializers.hpp"
#include "ivy/stateful/layers.hpp"
#include "ivy/stateful/linear.hpp"
#include "ivy/stateful/losses.hpp"
#include "ivy/stateful/lstm.hpp"
#include "ivy/stateful/module.hpp"
#include "ivy/stateful/optimizers.hpp"
