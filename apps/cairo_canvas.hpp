#pragma once
// What the demos' cairo figures share: a white RGB canvas that writes itself as a PNG (and then
// releases cairo's and fontconfig's caches, so that the sanitizer run sees no leaks), and text
// placed by its vertical centre.
#include <cairo.h>

#include <memory>
#include <string>

namespace ivy_demo {

class Canvas {
 public:
  /** width x height pixels, painted white, black sans-serif text selected. */
  Canvas(int width, int height);
  cairo_t* cr() const { return context_.get(); }
  /** Writes the PNG and frees the canvas (it cannot be drawn on afterwards); throws
   * std::runtime_error naming the path when the file cannot be written. */
  void write_png(const std::string& path);

 private:
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface_;
  std::unique_ptr<cairo_t, decltype(&cairo_destroy)> context_;
};

/** s in the current colour, its left edge at x - align_x * width (0 left, 0.5 centred, 1 right)
 * and its vertical centre at y, in a font of `size` pixels. */
void draw_text(cairo_t* cr, double x, double y, const std::string& s, double align_x, double size);

}  // namespace ivy_demo
