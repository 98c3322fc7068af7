#pragma once
/// The one list of ivy::gym's environments. The Python module's name check and the docs check
/// follow it: an environment added to the library goes here, and the tests fail until Python
/// and docs/gym.md have it too.

/** X(name) for every class. */
#define IVY_GYM_CLASSES(X) X(Env) X(CartPole) X(Pendulum) X(MountainCar) X(Reacher) X(Swimmer)
