#include "cairo_canvas.hpp"

#include <fontconfig/fontconfig.h>

#include <stdexcept>

namespace ivy_demo {

Canvas::Canvas(int width, int height)
    : surface_(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height),
               &cairo_surface_destroy),
      context_(cairo_create(surface_.get()), &cairo_destroy) {
  cairo_set_source_rgb(cr(), 1, 1, 1);
  cairo_paint(cr());
  cairo_select_font_face(cr(), "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_source_rgb(cr(), 0, 0, 0);
}

void Canvas::write_png(const std::string& path) {
  const bool written =
      cairo_surface_write_to_png(surface_.get(), path.c_str()) == CAIRO_STATUS_SUCCESS;
  context_.reset();
  surface_.reset();
  // cairo and fontconfig keep font caches until exit; releasing them (no cairo object of ours
  // is alive now) keeps LeakSanitizer quiet. Both are set up again on next use.
  cairo_debug_reset_static_data();
  FcFini();
  if (!written) throw std::runtime_error("cannot write " + path);
}

void draw_text(cairo_t* cr, double x, double y, const std::string& s, double align_x, double size) {
  cairo_set_font_size(cr, size);
  cairo_text_extents_t e;
  cairo_text_extents(cr, s.c_str(), &e);
  cairo_move_to(cr, x - align_x * e.width - e.x_bearing, y - e.height / 2 - e.y_bearing);
  cairo_show_text(cr, s.c_str());
}

}  // namespace ivy_demo
