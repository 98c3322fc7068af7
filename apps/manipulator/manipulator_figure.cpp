#include "manipulator_figure.hpp"

#include "cairo_canvas.hpp"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <numbers>
#include <vector>

#include "labelled_figure.hpp"

namespace ivy_manipulator {
namespace {

using ivy_demo::Image;
using ivy_demo::LabelledPanel;

constexpr int kSize = 420;      // every panel is kSize x kSize pixels
constexpr double kSpan = 1.25;  // metres across a view
constexpr int kPosesDrawn = 7;  // configurations drawn along a path
constexpr double kPi = std::numbers::pi;

using Surface = std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)>;
using Context = std::unique_ptr<cairo_t, decltype(&cairo_destroy)>;

struct Rgb {
  double r, g, b;
};
const Rgb kStartColour{0.13, 0.35, 0.80}, kEndColour{0.95, 0.55, 0.05};
const Rgb kCollisionColour{0.85, 0.05, 0.05};

Rgb along_path(double f) {
  return {kStartColour.r + f * (kEndColour.r - kStartColour.r),
          kStartColour.g + f * (kEndColour.g - kStartColour.g),
          kStartColour.b + f * (kEndColour.b - kStartColour.b)};
}

/** A drawing surface that becomes one Image panel (cairo's RGB24 pixels are 0x00RRGGBB). */
struct Canvas {
  Surface surface{cairo_image_surface_create(CAIRO_FORMAT_RGB24, kSize, kSize),
                  &cairo_surface_destroy};
  Context context{cairo_create(surface.get()), &cairo_destroy};
  cairo_t* cr = context.get();

  Canvas() {
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  }
  Image image() {
    cairo_surface_flush(surface.get());
    const unsigned char* data = cairo_image_surface_get_data(surface.get());
    const int stride = cairo_image_surface_get_stride(surface.get());
    Image out{kSize, kSize, std::vector<std::uint8_t>(3 * kSize * kSize)};
    for (int y = 0; y < kSize; ++y) {
      const auto* row = reinterpret_cast<const std::uint32_t*>(data + y * stride);
      for (int x = 0; x < kSize; ++x) {
        const std::size_t i = 3 * (static_cast<std::size_t>(y) * kSize + x);
        out.rgb[i] = (row[x] >> 16) & 0xff;
        out.rgb[i + 1] = (row[x] >> 8) & 0xff;
        out.rgb[i + 2] = row[x] & 0xff;
      }
    }
    return out;
  }
};

/** A projection of the world onto two axes (0 = x, 1 = y, 2 = z), kSpan metres across. */
struct View {
  int u, v;
  double u0, v0;  // world coordinates at the panel's left and bottom edges
  const char* u_name;
  const char* v_name;
  double px(double w) const { return (w - u0) / kSpan * kSize; }
  double py(double w) const { return kSize - (w - v0) / kSpan * kSize; }
};

const View kViews[3] = {
    {0, 1, -0.9, -0.625, "x", "y"}, {0, 2, -0.9, -0.1, "x", "z"}, {1, 2, -0.625, -0.1, "y", "z"}};
const char* const kViewNames[3] = {"top view", "side view", "back view"};

// The floor first (and not from above, where it would fill the view), then the obstacles.
void obstacles(cairo_t* cr, const View& view, const Scene& scene) {
  std::vector<const Cuboid*> order;
  for (const Cuboid& c : scene.cuboids)
    if (c.floor && view.v == 2) order.push_back(&c);
  for (const Cuboid& c : scene.cuboids)
    if (!c.floor) order.push_back(&c);
  for (const Cuboid* cp : order) {
    const Cuboid& c = *cp;
    const double u0 = view.px(c.centre[view.u] - c.dims[view.u] / 2);
    const double u1 = view.px(c.centre[view.u] + c.dims[view.u] / 2);
    const double v0 = view.py(c.centre[view.v] - c.dims[view.v] / 2);
    const double v1 = view.py(c.centre[view.v] + c.dims[view.v] / 2);
    cairo_rectangle(cr, u0, v1, u1 - u0, v0 - v1);
    if (c.floor)
      cairo_set_source_rgb(cr, 0.93, 0.90, 0.84);
    else
      cairo_set_source_rgba(cr, 0.45, 0.45, 0.45, 0.45);
    cairo_fill_preserve(cr);
    cairo_set_line_width(cr, 1.2);
    cairo_set_source_rgb(cr, c.floor ? 0.75 : 0.25, c.floor ? 0.70 : 0.25, c.floor ? 0.6 : 0.25);
    cairo_stroke(cr);
  }
}

/** The point of link sample k of configuration c. */
const double* point(const PathSnapshot& p, int c, int k) {
  return &p.points[3 * (static_cast<std::size_t>(c) * p.link_samples + k)];
}

void path_view(cairo_t* cr, const View& view, const Scene& scene, const PathSnapshot& path,
               double clearance) {
  obstacles(cr, view, scene);
  // The end effector's path over every configuration.
  cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
  cairo_set_line_width(cr, 1);
  const double dash[] = {4.0, 3.0};
  cairo_set_dash(cr, dash, 2, 0);
  for (int c = 0; c < path.configurations; ++c) {
    const double* e = point(path, c, path.link_samples - 1);
    if (c == 0)
      cairo_move_to(cr, view.px(e[view.u]), view.py(e[view.v]));
    else
      cairo_line_to(cr, view.px(e[view.u]), view.py(e[view.v]));
  }
  cairo_stroke(cr);
  cairo_set_dash(cr, nullptr, 0, 0);
  // The arm at evenly spaced configurations, from blue (start) to orange (target).
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
  for (int i = 0; i < kPosesDrawn; ++i) {
    const int c = i * (path.configurations - 1) / (kPosesDrawn - 1);
    const Rgb col = along_path(static_cast<double>(i) / (kPosesDrawn - 1));
    cairo_set_source_rgb(cr, col.r, col.g, col.b);
    cairo_set_line_width(cr, 3.5);
    for (int k = 0; k < path.link_samples; ++k) {
      const double* q = point(path, c, k);
      if (k == 0)
        cairo_move_to(cr, view.px(q[view.u]), view.py(q[view.v]));
      else
        cairo_line_to(cr, view.px(q[view.u]), view.py(q[view.v]));
    }
    cairo_stroke(cr);
  }
  // Every checked sample of every configuration closer than the clearance.
  cairo_set_source_rgb(cr, kCollisionColour.r, kCollisionColour.g, kCollisionColour.b);
  for (int c = 0; c < path.configurations; ++c)
    for (int k = kUncheckedBaseSamples; k < path.link_samples; ++k)
      if (path.sdf[static_cast<std::size_t>(c) * path.link_samples + k] < clearance) {
        const double* q = point(path, c, k);
        cairo_new_sub_path(cr);
        cairo_arc(cr, view.px(q[view.u]), view.py(q[view.v]), 2.2, 0, 2 * kPi);
      }
  cairo_fill(cr);
  // The base, the axes' names and a 10 cm scale bar.
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_rectangle(cr, view.px(0) - 5, view.py(0) - 5, 10, 10);
  cairo_fill(cr);
  ivy_demo::draw_text(cr, kSize - 12, kSize - 14, std::string(view.u_name) + " \u2192", 1.0, 13);
  ivy_demo::draw_text(cr, 10, 14, std::string(view.v_name) + " \u2191", 0.0, 13);
  const double bar = 0.1 / kSpan * kSize;
  cairo_set_line_width(cr, 2);
  cairo_move_to(cr, 12, kSize - 14);
  cairo_line_to(cr, 12 + bar, kSize - 14);
  cairo_stroke(cr);
  ivy_demo::draw_text(cr, 12 + bar + 6, kSize - 14, "10 cm", 0.0, 12);
  cairo_set_line_width(cr, 1);
  cairo_rectangle(cr, 0.5, 0.5, kSize - 1, kSize - 1);
  cairo_stroke(cr);
}

/** A tick step of 1, 2 or 5 times a power of ten giving about eight ticks over range. */
double tick_step(double range) {
  const double raw = range / 8, p = std::pow(10.0, std::floor(std::log10(raw)));
  for (const double m : {1.0, 2.0, 5.0})
    if (m * p >= raw) return m * p;
  return 10 * p;
}

/** A linear plot of one value per iteration, with an optional dashed reference line. */
void curve_panel(cairo_t* cr, const std::vector<double>& values, const std::string& y_label,
                 const Rgb& colour, const double* reference, const std::string& ref_label) {
  constexpr double left = 70, right = 14, top = 16, bottom = 52;
  double lo = *std::min_element(values.begin(), values.end());
  double hi = *std::max_element(values.begin(), values.end());
  if (reference) {
    lo = std::min(lo, *reference);
    hi = std::max(hi, *reference);
  }
  const double pad = std::max(1e-6, 0.08 * (hi - lo));
  lo -= pad;
  hi += pad;
  const double n = std::max<double>(1, static_cast<double>(values.size()) - 1);
  const auto x = [&](double i) { return left + (kSize - left - right) * i / n; };
  const auto y = [&](double v) {
    return kSize - bottom - (kSize - bottom - top) * (v - lo) / (hi - lo);
  };
  char label[32];
  cairo_set_line_width(cr, 1);
  const double ys = tick_step(hi - lo);
  for (double t = std::ceil(lo / ys) * ys; t <= hi; t += ys) {
    cairo_set_source_rgb(cr, 0.88, 0.88, 0.88);
    cairo_move_to(cr, left, y(t));
    cairo_line_to(cr, kSize - right, y(t));
    cairo_stroke(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    std::snprintf(label, sizeof label, "%g", std::abs(t) < ys / 2 ? 0.0 : t);
    ivy_demo::draw_text(cr, left - 6, y(t), label, 1.0, 12);
  }
  const double xs = std::max(1.0, tick_step(n));
  for (double i = 0; i <= n + 1e-9; i += xs) {
    cairo_move_to(cr, x(i), kSize - bottom);
    cairo_line_to(cr, x(i), kSize - bottom + 5);
    cairo_stroke(cr);
    std::snprintf(label, sizeof label, "%.0f", i);
    ivy_demo::draw_text(cr, x(i), kSize - bottom + 15, label, 0.5, 12);
  }
  ivy_demo::draw_text(cr, (left + kSize - right) / 2, kSize - 16, "iteration", 0.5, 13);
  cairo_save(cr);
  cairo_translate(cr, 16, (top + kSize - bottom) / 2);
  cairo_rotate(cr, -kPi / 2);
  ivy_demo::draw_text(cr, 0, 0, y_label, 0.5, 13);
  cairo_restore(cr);
  cairo_rectangle(cr, left, top, kSize - left - right, kSize - bottom - top);
  cairo_stroke(cr);
  if (reference) {
    const double dash[] = {6.0, 4.0};
    cairo_set_dash(cr, dash, 2, 0);
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    cairo_move_to(cr, left, y(*reference));
    cairo_line_to(cr, kSize - right, y(*reference));
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
    ivy_demo::draw_text(cr, kSize - right - 6, y(*reference) - 10, ref_label, 1.0, 12);
  }
  cairo_set_source_rgb(cr, colour.r, colour.g, colour.b);
  cairo_set_line_width(cr, 2.5);
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i == 0)
      cairo_move_to(cr, x(0), y(values[0]));
    else
      cairo_line_to(cr, x(static_cast<double>(i)), y(values[i]));
  }
  if (values.size() == 1) cairo_arc(cr, x(0), y(values[0]), 3, 0, 2 * kPi);
  cairo_stroke(cr);
}

void legend_panel(cairo_t* cr, const PlanResult& r, double clearance) {
  double y = 30;
  const auto row = [&](const std::string& s) {
    cairo_set_source_rgb(cr, 0, 0, 0);
    ivy_demo::draw_text(cr, 70, y, s, 0.0, 13);
    y += 30;
  };
  // The arm's colours along the path.
  for (int i = 0; i < 40; ++i) {
    const Rgb c = along_path(i / 39.0);
    cairo_set_source_rgb(cr, c.r, c.g, c.b);
    cairo_rectangle(cr, 16 + i, y - 3, 1.5, 6);
    cairo_fill(cr);
  }
  row("arm from start (blue) to target (orange)");
  cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
  cairo_set_line_width(cr, 1);
  const double dash[] = {4.0, 3.0};
  cairo_set_dash(cr, dash, 2, 0);
  cairo_move_to(cr, 16, y);
  cairo_line_to(cr, 56, y);
  cairo_stroke(cr);
  cairo_set_dash(cr, nullptr, 0, 0);
  row("end effector's path");
  cairo_set_source_rgb(cr, kCollisionColour.r, kCollisionColour.g, kCollisionColour.b);
  cairo_arc(cr, 36, y, 3, 0, 2 * kPi);
  cairo_fill(cr);
  char buf[96];
  std::snprintf(buf, sizeof buf, "link sample closer than %.0f mm", clearance * 1e3);
  row(buf);
  cairo_set_source_rgba(cr, 0.45, 0.45, 0.45, 0.45);
  cairo_rectangle(cr, 22, y - 8, 28, 16);
  cairo_fill(cr);
  row("obstacle (the wall)");
  cairo_set_source_rgb(cr, 0.93, 0.90, 0.84);
  cairo_rectangle(cr, 22, y - 8, 28, 16);
  cairo_fill(cr);
  row("floor");
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_rectangle(cr, 31, y - 5, 10, 10);
  cairo_fill(cr);
  row("arm's base (world origin)");
  y += 10;
  const IterationRecord& first = r.history.front();
  const IterationRecord& last = r.history.back();
  std::snprintf(buf, sizeof buf, "backend %s, %d iterations", r.backend.c_str(), r.iterations);
  row(buf);
  std::snprintf(buf, sizeof buf, "initial: %d samples too close, min %+.1f mm", first.colliding,
                first.min_sdf * 1e3);
  row(buf);
  std::snprintf(buf, sizeof buf, "final: %d samples too close, min %+.1f mm", last.colliding,
                last.min_sdf * 1e3);
  row(buf);
  row(r.collision_free ? "result: collision-free" : "result: NOT collision-free");
}

}  // namespace

void write_manipulator_figure(const std::string& path, const Scene& scene, const PlanResult& result,
                              double clearance) {
  std::vector<LabelledPanel> panels;
  for (const auto* p : {&result.initial, &result.final_path})
    for (int v = 0; v < 3; ++v) {
      Canvas c;
      path_view(c.cr, kViews[v], scene, *p, clearance);
      panels.push_back({std::string(p == &result.initial ? "initial path (straight in joint "
                                                           "space): "
                                                         : "optimised path: ") +
                            kViewNames[v],
                        c.image()});
    }
  std::vector<double> cost, min_sdf;
  for (const IterationRecord& r : result.history) {
    cost.push_back(r.cost);
    min_sdf.push_back(r.min_sdf * 1e3);
  }
  {
    Canvas c;
    curve_panel(c.cr, cost, "cost (length + 10 x collision)", {0.13, 0.35, 0.80}, nullptr, "");
    panels.push_back({"cost per iteration", c.image()});
  }
  {
    Canvas c;
    const double ref = clearance * 1e3;
    curve_panel(c.cr, min_sdf, "smallest distance to an obstacle (mm)", {0.85, 0.05, 0.05}, &ref,
                "clearance");
    panels.push_back({"smallest link-sample distance per iteration", c.image()});
  }
  {
    Canvas c;
    legend_panel(c.cr, result, clearance);
    panels.push_back({"legend", c.image()});
  }
  // The panels' cairo objects are gone here: write_labelled_figure releases cairo's caches.
  ivy_demo::write_labelled_figure(
      path, "ivy-manipulator: a Mico arm's joint-space spline optimised around obstacles", panels,
      3, 1);
}

}  // namespace ivy_manipulator
