#pragma once
/// ivy::gym, the differentiable control environments written once over the unified functions:
/// CartPole, Pendulum, MountainCar, Reacher and Swimmer, batched, on every backend.
/// See docs/gym.md.
#include "ivy/gym/environments.hpp"
