#include "drone_figure.hpp"

#include "cairo_canvas.hpp"

#include <cairo.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

namespace ivy_drone {
namespace {

using ivy_demo::draw_text;

constexpr int kWidth = 1400, kHeight = 1060;

using Point2 = std::array<double, 2>;
using Point3 = std::array<double, 3>;

struct Rgb {
  double r, g, b;
};
constexpr Rgb kInitial{0.45, 0.45, 0.75}, kFinal{0.10, 0.55, 0.20}, kCollide{0.85, 0.10, 0.10},
    kBody{0.05, 0.05, 0.05}, kObstacle{0.62, 0.55, 0.45};

void colour(cairo_t* cr, Rgb c, double alpha = 1.0) {
  cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha);
}

std::string fixed(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

/** The convex hull of points (monotone chain), counter-clockwise. */
std::vector<Point2> hull(std::vector<Point2> p) {
  std::sort(p.begin(), p.end());
  auto cross = [](const Point2& o, const Point2& a, const Point2& b) {
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  };
  std::vector<Point2> h(2 * p.size());
  std::size_t k = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    while (k >= 2 && cross(h[k - 2], h[k - 1], p[i]) <= 0) --k;
    h[k++] = p[i];
  }
  for (std::size_t i = p.size() - 1, t = k + 1; i-- > 0;) {
    while (k >= t && cross(h[k - 2], h[k - 1], p[i]) <= 0) --k;
    h[k++] = p[i];
  }
  h.resize(k - 1);
  return h;
}

/** The 8 world corners of cuboid i. */
std::vector<Point3> corners(const Scene& scene, std::size_t i) {
  const std::vector<double>& m = scene.cuboid_inv_ext_mats[i];  // 3x4 object-to-world
  const std::vector<double>& d = scene.cuboid_dims[i];
  std::vector<Point3> out;
  for (int c = 0; c < 8; ++c) {
    const Point3 local{(c & 1 ? 0.5 : -0.5) * d[0], (c & 2 ? 0.5 : -0.5) * d[1],
                       (c & 4 ? 0.5 : -0.5) * d[2]};
    Point3 w{};
    for (int r = 0; r < 3; ++r)
      w[r] = m[r * 4] * local[0] + m[r * 4 + 1] * local[1] + m[r * 4 + 2] * local[2] + m[r * 4 + 3];
    out.push_back(w);
  }
  return out;
}

/** A view of the room onto two world axes, fitted into a pixel box with equal scales. */
struct View {
  int u, v;             // world axes shown left-right and bottom-up
  double x0, y0, w, h;  // pixel box
  double lo_u, lo_v, scale;
  Point2 px(const Point3& p) const {
    return {x0 + (p[u] - lo_u) * scale, y0 + h - (p[v] - lo_v) * scale};
  }
};

View fit(int u, int v, double x0, double y0, double w, double h, const std::vector<Point3>& pts) {
  double lu = 1e30, hu = -1e30, lv = 1e30, hv = -1e30;
  for (const Point3& p : pts) {
    lu = std::min(lu, p[u]);
    hu = std::max(hu, p[u]);
    lv = std::min(lv, p[v]);
    hv = std::max(hv, p[v]);
  }
  const double margin = 0.15;
  lu -= margin, hu += margin, lv -= margin, hv += margin;
  const double scale = std::min(w / (hu - lu), h / (hv - lv));
  // Centre the content in the box.
  const double cu = (lu + hu) / 2, cv = (lv + hv) / 2;
  return {u, v, x0, y0, w, h, cu - w / 2 / scale, cv - h / 2 / scale, scale};
}

Point3 body_point(const PathSnapshot& s, int sample, int point) {
  const std::size_t k = (static_cast<std::size_t>(sample) * s.body_points + point) * 3;
  return {s.body[k], s.body[k + 1], s.body[k + 2]};
}

double sample_min_sdf(const PathSnapshot& s, int sample) {
  double m = std::numeric_limits<double>::infinity();
  for (int b = 0; b < s.body_points; ++b)
    m = std::min(m, s.sdf[static_cast<std::size_t>(sample) * s.body_points + b]);
  return m;
}

void draw_path(cairo_t* cr, const View& view, const PathSnapshot& s, Rgb c, bool dashed) {
  colour(cr, c);
  cairo_set_line_width(cr, 2.5);
  const double dash[] = {8.0, 5.0};
  cairo_set_dash(cr, dash, dashed ? 2 : 0, 0);
  for (int i = 0; i < s.samples; ++i) {
    const Point2 p = view.px(body_point(s, i, 0));
    if (i == 0)
      cairo_move_to(cr, p[0], p[1]);
    else
      cairo_line_to(cr, p[0], p[1]);
  }
  cairo_stroke(cr);
  cairo_set_dash(cr, dash, 0, 0);
}

void mark_collisions(cairo_t* cr, const View& view, const PathSnapshot& s, double clearance) {
  colour(cr, kCollide);
  for (int i = 0; i < s.samples; ++i) {
    if (sample_min_sdf(s, i) >= clearance) continue;
    const Point2 p = view.px(body_point(s, i, 0));
    cairo_arc(cr, p[0], p[1], 3.5, 0, 2 * M_PI);
    cairo_fill(cr);
  }
}

/** The body (centre joined to every other body point) at a few samples of the path. */
void draw_bodies(cairo_t* cr, const View& view, const PathSnapshot& s) {
  colour(cr, kBody);
  cairo_set_line_width(cr, 1.6);
  for (int i = 0; i < s.samples; i += std::max(1, s.samples / 8)) {
    const Point2 c = view.px(body_point(s, i, 0));
    for (int b = 1; b < s.body_points; ++b) {
      const Point2 p = view.px(body_point(s, i, b));
      cairo_move_to(cr, c[0], c[1]);
      cairo_line_to(cr, p[0], p[1]);
      cairo_stroke(cr);
      cairo_arc(cr, p[0], p[1], 2.5, 0, 2 * M_PI);
      cairo_fill(cr);
    }
  }
}

void draw_view(cairo_t* cr, const View& view, const std::string& title, const Scene& scene,
               const PlanResult& r, double clearance) {
  cairo_set_source_rgb(cr, 0.97, 0.97, 0.97);
  cairo_rectangle(cr, view.x0, view.y0, view.w, view.h);
  cairo_fill(cr);
  for (std::size_t i = 0; i < scene.cuboid_dims.size(); ++i) {
    std::vector<Point2> pts;
    for (const Point3& c : corners(scene, i)) pts.push_back(view.px(c));
    const std::vector<Point2> h = hull(pts);
    for (std::size_t k = 0; k < h.size(); ++k)
      k == 0 ? cairo_move_to(cr, h[k][0], h[k][1]) : cairo_line_to(cr, h[k][0], h[k][1]);
    cairo_close_path(cr);
    colour(cr, kObstacle, 0.45);
    cairo_fill_preserve(cr);
    colour(cr, kObstacle);
    cairo_set_line_width(cr, 1.2);
    cairo_stroke(cr);
  }
  draw_path(cr, view, r.initial, kInitial, true);
  mark_collisions(cr, view, r.initial, clearance);
  draw_path(cr, view, r.final_path, kFinal, false);
  mark_collisions(cr, view, r.final_path, clearance);
  draw_bodies(cr, view, r.final_path);
  cairo_set_source_rgb(cr, 0, 0, 0);
  const int last = r.final_path.samples - 1;
  const Point2 start = view.px(body_point(r.final_path, 0, 0));
  const Point2 target = view.px(body_point(r.final_path, last, 0));
  draw_text(cr, start[0] + 10, start[1] + 16, "start", 0.0, 14);
  draw_text(cr, target[0] + 10, target[1] - 16, "target", 0.0, 14);
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, 1);
  cairo_rectangle(cr, view.x0, view.y0, view.w, view.h);
  cairo_stroke(cr);
  const char* names = "xyz";
  draw_text(cr, view.x0, view.y0 - 14,
            title + " (" + names[view.u] + " right, " + names[view.v] +
                " up; 1 m = " + fixed(view.scale, 0) + " px)",
            0.0, 15);
}

void legend(cairo_t* cr, double x, double y) {
  struct Item {
    Rgb c;
    bool dashed, dot;
    const char* label;
  };
  const Item items[] = {{kInitial, true, false, "initial path (straight line, drone centre)"},
                        {kFinal, false, false, "optimised path (drone centre)"},
                        {kBody, false, true, "drone body along the optimised path"},
                        {kCollide, false, true, "samples closer than the clearance"},
                        {kObstacle, false, true, "obstacles (cuboids)"}};
  for (const Item& it : items) {
    colour(cr, it.c);
    if (it.dot) {
      cairo_arc(cr, x + 15, y - 5, 5, 0, 2 * M_PI);
      cairo_fill(cr);
    } else {
      const double dash[] = {8.0, 5.0};
      cairo_set_dash(cr, dash, it.dashed ? 2 : 0, 0);
      cairo_set_line_width(cr, 2.5);
      cairo_move_to(cr, x, y - 5);
      cairo_line_to(cr, x + 30, y - 5);
      cairo_stroke(cr);
      cairo_set_dash(cr, dash, 0, 0);
    }
    cairo_set_source_rgb(cr, 0, 0, 0);
    draw_text(cr, x + 40, y - 5, it.label, 0.0, 14);
    y += 22;
  }
}

/** A line chart of values per iteration in a pixel box, with its axis range labelled. */
void chart(cairo_t* cr, double x0, double y0, double w, double h, const std::string& title,
           const std::vector<double>& values, Rgb c, double reference) {
  double lo = *std::min_element(values.begin(), values.end());
  double hi = *std::max_element(values.begin(), values.end());
  if (std::isfinite(reference)) lo = std::min(lo, reference), hi = std::max(hi, reference);
  if (hi - lo < 1e-9) hi = lo + 1;
  const double n = std::max<double>(1, values.size() - 1);
  auto px = [&](double i, double v) {
    return Point2{x0 + w * i / n, y0 + h - h * (v - lo) / (hi - lo)};
  };
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, 1);
  cairo_rectangle(cr, x0, y0, w, h);
  cairo_stroke(cr);
  draw_text(cr, x0, y0 - 14, title, 0.0, 15);
  draw_text(cr, x0 - 6, y0 + 8, fixed(hi, 3), 1.0, 12);
  draw_text(cr, x0 - 6, y0 + h - 4, fixed(lo, 3), 1.0, 12);
  draw_text(cr, x0, y0 + h + 12, "0", 0.5, 12);
  draw_text(cr, x0 + w, y0 + h + 12, std::to_string(values.size() - 1), 0.5, 12);
  draw_text(cr, x0 + w / 2, y0 + h + 12, "iteration", 0.5, 12);
  if (std::isfinite(reference)) {
    cairo_set_source_rgb(cr, 0.5, 0.5, 0.5);
    const double dash[] = {4.0, 4.0};
    cairo_set_dash(cr, dash, 2, 0);
    const Point2 a = px(0, reference), b = px(n, reference);
    cairo_move_to(cr, a[0], a[1]);
    cairo_line_to(cr, b[0], b[1]);
    cairo_stroke(cr);
    cairo_set_dash(cr, dash, 0, 0);
    draw_text(cr, b[0] - 4, b[1] - 10, "clearance", 1.0, 12);
  }
  colour(cr, c);
  cairo_set_line_width(cr, 2);
  for (std::size_t i = 0; i < values.size(); ++i) {
    const Point2 p = px(static_cast<double>(i), values[i]);
    i == 0 ? cairo_move_to(cr, p[0], p[1]) : cairo_line_to(cr, p[0], p[1]);
  }
  cairo_stroke(cr);
}

}  // namespace

void write_drone_figure(const std::string& path, const Scene& scene, const PlanResult& r,
                        double clearance) {
  ivy_demo::Canvas canvas(kWidth, kHeight);
  cairo_t* cr = canvas.cr();
  const std::string outcome = r.collision_free ? "collision-free after " : "still colliding after ";
  draw_text(cr, kWidth / 2.0, 26,
            "ivy-drone on " + r.backend + ": spline path through " +
                std::to_string(r.final_anchors.size() / 6) + " learnable anchors, " + outcome +
                std::to_string(r.iterations) + " iterations",
            0.5, 18);

  std::vector<Point3> pts;
  for (std::size_t i = 0; i < scene.cuboid_dims.size(); ++i)
    for (const Point3& c : corners(scene, i)) pts.push_back(c);
  for (const PathSnapshot* s : {&r.initial, &r.final_path})
    for (int i = 0; i < s->samples; ++i)
      for (int b = 0; b < s->body_points; ++b) pts.push_back(body_point(*s, i, b));
  draw_view(cr, fit(0, 1, 40, 70, 640, 560, pts), "top view", scene, r, clearance);
  draw_view(cr, fit(0, 2, 720, 70, 640, 560, pts), "side view", scene, r, clearance);

  std::vector<double> cost, clear;
  for (const IterationRecord& it : r.history) {
    cost.push_back(it.cost);
    clear.push_back(it.min_sdf);
  }
  chart(cr, 110, 700, 520, 230, "cost per iteration", cost, kFinal,
        std::numeric_limits<double>::quiet_NaN());
  chart(cr, 760, 700, 290, 230, "minimum signed distance (m)", clear, kCollide, clearance);
  legend(cr, 1070, 720);
  canvas.write_png(path);
}

}  // namespace ivy_drone
