#pragma once
/// Shapes, axes and the broadcasting rule.
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ivy {

using Shape = std::vector<std::int64_t>;

/** Number of elements: the product of the dimensions (1 for a 0-d shape). */
std::int64_t numel(const Shape& s);
/** "[2,3]" */
std::string shape_str(const Shape& s);

/**
 * A set of axes: "all axes" (the default), one axis or several. Negative axes count from
 * the end. Implicitly built from an int or a brace list: `sum(x)`, `sum(x, 1)`, `sum(x, {0, -1})`.
 */
class Axes {
 public:
  Axes() = default;
  Axes(int axis) : axes_{axis}, all_(false) {}  // NOLINT(google-explicit-constructor)
  Axes(std::initializer_list<int> axes) : axes_(axes), all_(false) {}
  Axes(std::vector<int> axes) : axes_(std::move(axes)), all_(false) {}  // NOLINT
  static Axes all() { return Axes(); }
  bool is_all() const { return all_; }
  const std::vector<int>& values() const { return axes_; }

 private:
  std::vector<int> axes_;
  bool all_ = true;
};

namespace detail {
/** Maps a possibly negative axis into [0, ndim); throws IndexError naming fn and backend. */
int normalize_axis(int axis, int ndim, std::string_view fn, std::string_view backend);
/** Normalised, sorted, duplicate-free axes; "all" gives 0..ndim-1. */
std::vector<int> normalize_axes(const Axes& axes, int ndim, std::string_view fn,
                                std::string_view backend);
/** The broadcast shape of a and b; throws ShapeError naming fn, backend and both shapes. */
Shape broadcast_shapes(const Shape& a, const Shape& b, std::string_view fn,
                       std::string_view backend);
}  // namespace detail

}  // namespace ivy
