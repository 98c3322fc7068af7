#include "labelled_figure.hpp"

#include "cairo_canvas.hpp"

#include <cairo.h>

#include <algorithm>
#include <cstdint>
#include <memory>

namespace ivy_demo {

namespace {

constexpr int kMargin = 16, kLabelHeight = 26, kTitleHeight = 40;

using Surface = std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)>;

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

}  // namespace

void write_labelled_figure(const std::string& path, const std::string& title,
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
  Canvas canvas(width, height);
  cairo_t* cr = canvas.cr();
  cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_source_rgb(cr, 0, 0, 0);
  draw_text(cr, kMargin, kTitleHeight / 2.0, title, 0.0, 18);
  cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  for (int i = 0; i < n; ++i) {
    const double x = kMargin + (i % columns) * (cell_w + kMargin);
    const double y = kTitleHeight + (i / columns) * (kLabelHeight + cell_h + kMargin);
    cairo_set_source_rgb(cr, 0, 0, 0);
    draw_text(cr, x, y + kLabelHeight / 2.0, panels[static_cast<std::size_t>(i)].label, 0.0, 13);
    const Surface image = to_surface(panels[static_cast<std::size_t>(i)].image);
    cairo_save(cr);
    cairo_translate(cr, x, y + kLabelHeight);
    cairo_scale(cr, zoom, zoom);
    cairo_set_source_surface(cr, image.get(), 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_NEAREST);
    cairo_paint(cr);
    cairo_restore(cr);
  }
  canvas.write_png(path);
}

}  // namespace ivy_demo
