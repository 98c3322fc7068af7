#include <cmath>
#include <string>

#include "ivy/ops/creation.hpp"
#include "ivy/ops/image.hpp"
#include "ivy/ops/manipulation.hpp"
#include "ops/dispatch.hpp"

namespace ivy {
namespace {

constexpr std::string_view kFn = "stack_images";

const Backend& check_images(const std::vector<Array>& images, std::pair<double, double> ratio) {
  if (images.empty())
    detail::raise<ValueError>(kFn, detail::creation_backend({}).name, "needs at least one image");
  const Backend& b = detail::backend_of(kFn, images[0]);
  const Shape s = images[0].shape();
  if (s.size() < 3)
    detail::raise<ShapeError>(kFn, b.name, "images need rank >= 3, got " + shape_str(s));
  for (std::size_t i = 1; i < images.size(); ++i) {
    detail::common_backend(kFn, {&images[0], &images[i]});
    if (images[i].shape() != s || images[i].dtype() != images[0].dtype())
      detail::raise<ShapeError>(kFn, b.name,
                                "image " + std::to_string(i) + " " + shape_str(images[i].shape()) +
                                    " differs from image 0 " + shape_str(s) + " (" +
                                    detail::dtypes_str(images[0].dtype(), images[i].dtype()) + ")");
  }
  if (!(ratio.first > 0 && ratio.second > 0))
    detail::raise<ValueError>(kFn, b.name,
                              "desired_aspect_ratio must be positive, got (" +
                                  std::to_string(ratio.first) + ", " +
                                  std::to_string(ratio.second) + ")");
  return b;
}

}  // namespace

Array stack_images(const std::vector<Array>& images,
                   std::pair<double, double> desired_aspect_ratio) {
  const Backend& b = check_images(images, desired_aspect_ratio);
  const std::size_t n = images.size();
  if (n == 1) return images[0];
  const Shape s = images[0].shape();
  const int h_axis = static_cast<int>(s.size()) - 3;
  // The original Ivy's arithmetic, kept so that grids match it image for image; an empty
  // image axis counts as 1 so that the ratio stays finite.
  const auto side = [](std::int64_t v) { return static_cast<double>(v > 0 ? v : 1); };
  const double img_ratio = side(s[h_axis]) / side(s[h_axis + 1]);
  const double stack_ratio = img_ratio * desired_aspect_ratio.first / desired_aspect_ratio.second;
  const double stack_height = std::sqrt(static_cast<double>(n) / stack_ratio);
  const double limit = 1e6;
  if (!(stack_height < limit && static_cast<double>(n) / stack_height < limit))
    detail::raise<ValueError>(kFn, b.name, "desired_aspect_ratio is too extreme for the grid");
  const auto per_column = static_cast<std::size_t>(std::ceil(stack_height));
  const auto columns = static_cast<std::size_t>(std::ceil(static_cast<double>(n) / stack_height));
  const Array blank = zeros_like(images[0]);
  std::vector<Array> column_images;
  for (std::size_t c = 0; c < columns; ++c) {
    std::vector<Array> cells;
    for (std::size_t k = c * per_column; k < (c + 1) * per_column; ++k)
      cells.push_back(k < n ? images[k] : blank);
    column_images.push_back(concat(cells, h_axis));
  }
  return concat(column_images, h_axis + 1);
}

}  // namespace ivy
