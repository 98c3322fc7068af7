// ivycpp._ivycpp: the C++ half of the Python package (the other half is python/ivycpp/*.py).
#include "common.hpp"

NB_MODULE(_ivycpp, m) {
  m.doc() = "Ivy for C++ from Python: an Array API 2023.12 namespace over ivy's backends.";
  ivypy::bind_errors(m);
  ivypy::bind_types(m);
  ivypy::bind_container(m);
  ivypy::bind_array(m);
  ivypy::bind_creation(m);
  ivypy::bind_elementwise(m);
  ivypy::bind_functions(m);
  ivypy::bind_functions_ivy(m);
  ivypy::bind_functions_a(m);
  ivypy::bind_functions_b(m);
  ivypy::bind_functions_einops(m);
  ivypy::bind_bitwise(m);
  ivypy::bind_mech(m);
  ivypy::bind_vision(m);
  ivypy::bind_robot(m);
  ivypy::bind_gym(m);
  ivypy::bind_grad(m);
  ivypy::bind_stateful(m);
  ivypy::bind_compile(m);
  ivypy::bind_split_func_call(m);
}
