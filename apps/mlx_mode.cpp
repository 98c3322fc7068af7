#include "mlx_mode.hpp"

#include <mlx/mlx.h>

#include "field.hpp"
#include "ivy/mlx.hpp"

namespace ivy_demo {

std::vector<float> field_through_mlx_namespace(int n) {
  // Native arrays in, native arrays out: the same template as every other mode. MLX is lazy:
  // the whole field is one graph, computed by the eval below.
  mlx::core::array t = field<mlx::core::array>(ivy::mlx::linspace(-2.0, 2.0, n), n);
  t = mlx::core::reshape(mlx::core::astype(t, mlx::core::float32), {-1});
  t.eval();
  return std::vector<float>(t.data<float>(), t.data<float>() + t.size());
}

}  // namespace ivy_demo
