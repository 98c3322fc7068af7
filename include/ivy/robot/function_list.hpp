#pragma once
/// The one list of ivy::robot's free functions. The native-array overloads (robot/native.hpp),
/// the Python module's name check and the docs check follow it: a function added to the library
/// goes here, and the tests fail until Python and docs/robot.md have it too.

/** X(name) for every free function that takes arrays. */
#define IVY_ROBOT_ARRAY_FUNCTIONS(X) X(sample_spline_path)

/** X(name) for every class. */
#define IVY_ROBOT_CLASSES(X) X(RigidMobile) X(Manipulator) X(MicoManipulator) X(PandaManipulator)
