#include "labelled_figure.hpp"

#include <cairo.h>
#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <stdexcept>

namespace ivy_demo {

namespace {

constexpr int kMargin = 16, kLabelHeight = 26, kTitleHeight = 40;

using Surface = std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)>;
using Context = std::unique_ptr<cairo_t, decltype(&cairo_destroy)>;

/** The image as a cairo surface (cairo's RGB24 keeps each pixel as 0x00RRGGBB). */
Surface to_surface(const Image& image) {
  Surface s(cairo_image_surface_create(CAIRO_FORMAT_RGB24, image.width, image.height),
            &cairo_surface_destroy);
  cairo_surface_flush(s.get());
  unsigned char* data = cairo_image_surface_get_data(s.get());
  const int stride = cairo_image_surface_get_stride(s.get());
  for (int y = 0; y < image.height; ++y) {
    auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
    for (int x = 0; x < image.width; ++x) {
      const std::size_t i = 3 * (static_cast<std::size_t>(y) * image.width + x);
      row[x] = (std::uint32_t{image.rgb[i]} << 16) | (std::uint32_t{image.rgb[i + 1]} << 8) |
               std::uint32_t{image.rgb[i + 2]};
    }
  }
  cairo_surface_mark_dirty(s.get());
  return s;
}

void text(cairo_t* cr, double x, double y, const std::string& s, double size) {
  cairo_set_font_size(cr, size);
  cairo_text_extents_t e;
  cairo_text_extents(cr, s.c_str(), &e);
  cairo_move_to(cr, x - e.x_bearing, y - e.height / 2 - e.y_bearing);
  cairo_show_text(cr, s.c_str());
}

/** Draws the figure and writes it; false when the file cannot be written. */
bool draw(const std::string& path, const std::string& title,
          const std::vector<LabelledPanel>& panels, int columns, int zoom) {
  int cell_w = 0, cell_h = 0;
  for (const LabelledPanel& p : panels) {
    cell_w = std::max(cell_w, p.image.width * zoom);
    cell_h = std::max(cell_h, p.image.height * zoom);
  }
  const int n = static_cast<int>(panels.size());
  const int rows = (n + columns - 1) / columns;
  const int width = kMargin + columns * (cell_w + kMargin);
  const int height = kTitleHeight + rows * (kLabelHeight + cell_h + kMargin);
  Surface figure(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height),
                 &cairo_surface_destroy);
  Context cr(cairo_create(figure.get()), &cairo_destroy);
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  cairo_select_font_face(cr.get(), "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_source_rgb(cr.get(), 0, 0, 0);
  text(cr.get(), kMargin, kTitleHeight / 2.0, title, 18);
  cairo_select_font_face(cr.get(), "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  for (int i = 0; i < n; ++i) {
    const double x = kMargin + (i % columns) * (cell_w + kMargin);
    const double y = kTitleHeight + (i / columns) * (kLabelHeight + cell_h + kMargin);
    cairo_set_source_rgb(cr.get(), 0, 0, 0);
    text(cr.get(), x, y + kLabelHeight / 2.0, panels[static_cast<std::size_t>(i)].label, 13);
    const Surface image = to_surface(panels[static_cast<std::size_t>(i)].image);
    cairo_save(cr.get());
    cairo_translate(cr.get(), x, y + kLabelHeight);
    cairo_scale(cr.get(), zoom, zoom);
    cairo_set_source_surface(cr.get(), image.get(), 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr.get()), CAIRO_FILTER_NEAREST);
    cairo_paint(cr.get());
    cairo_restore(cr.get());
  }
  return cairo_surface_write_to_png(figure.get(), path.c_str()) == CAIRO_STATUS_SUCCESS;
}

}  // namespace

void write_labelled_figure(const std::string& path, const std::string& title,
                           const std::vector<LabelledPanel>& panels, int columns, int zoom) {
  const bool written = draw(path, title, panels, columns, zoom);
  // As in loss_plot.cpp: release cairo's and fontconfig's caches (no cairo object is alive
  // here) so that LeakSanitizer stays quiet in the sanitizer run.
  cairo_debug_reset_static_data();
  FcFini();
  if (!written) throw std::runtime_error("cannot write " + path);
}

}  // namespace ivy_demo
