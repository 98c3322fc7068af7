#include "gym/gym_figure.hpp"

#include <algorithm>
#include <cstdio>

#include "cairo_canvas.hpp"

namespace ivy_demo {

namespace {
constexpr int kWidth = 960, kPlotTop = 50, kPlotHeight = 300, kFrames = 8, kMargin = 70;
constexpr double kColours[][3] = {
    {0.85, 0.33, 0.1}, {0.0, 0.45, 0.74}, {0.47, 0.67, 0.19}, {0.49, 0.18, 0.56}, {0.3, 0.3, 0.3}};

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}
}  // namespace

void write_gym_figure(const std::string& path, const gym_training::Settings& s,
                      const std::vector<gym_training::Result>& results) {
  const double frame = (kWidth - 2.0 * 20) / kFrames;
  const int height = kPlotTop + kPlotHeight + 60 + static_cast<int>(frame) + 30;
  Canvas canvas(kWidth, height);
  cairo_t* cr = canvas.cr();
  draw_text(cr, kWidth / 2.0, 22,
            s.env + ": " + (s.mode == "policy" ? "MLP policy" : "open-loop actions") +
                " trained through the differentiable environment",
            0.5, 16);
  double lo = 1e300, hi = -1e300;
  for (const auto& r : results)
    for (double v : r.mean_reward) {
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  if (hi - lo < 1e-9) hi = lo + 1e-9;
  const double x0 = kMargin, x1 = kWidth - 30, y0 = kPlotTop, y1 = kPlotTop + kPlotHeight;
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, 1);
  cairo_move_to(cr, x0, y0);
  cairo_line_to(cr, x0, y1);
  cairo_line_to(cr, x1, y1);
  cairo_stroke(cr);
  draw_text(cr, x0 - 6, y0, number(hi), 1, 11);
  draw_text(cr, x0 - 6, y1, number(lo), 1, 11);
  draw_text(cr, (x0 + x1) / 2, y1 + 18, "iteration", 0.5, 12);
  draw_text(cr, x0 + 4, y0 - 12, "mean reward per step", 0, 12);
  for (std::size_t k = 0; k < results.size(); ++k) {
    const auto& v = results[k].mean_reward;
    const double* c = kColours[k % 5];
    cairo_set_source_rgb(cr, c[0], c[1], c[2]);
    cairo_set_line_width(cr, 2);
    for (std::size_t i = 0; i < v.size(); ++i) {
      const double x = x0 + (x1 - x0) * (v.size() > 1 ? double(i) / double(v.size() - 1) : 0.0);
      const double y = y1 - (y1 - y0) * (v[i] - lo) / (hi - lo);
      if (i == 0)
        cairo_move_to(cr, x, y);
      else
        cairo_line_to(cr, x, y);
    }
    cairo_stroke(cr);
    draw_text(
        cr, x1 - 200, y1 - 20 - 18.0 * static_cast<double>(k),
        results[k].backend + ": " + number(results[k].before) + " -> " + number(results[k].after),
        0, 12);
  }
  const auto& rollout = results.front().trained_rollout;
  const double strip_y = y1 + 50;
  cairo_set_source_rgb(cr, 0, 0, 0);
  draw_text(cr, 20, strip_y - 12,
            "trained roll-out on " + results.front().backend + ", steps 1 to " +
                std::to_string(rollout.size()),
            0, 12);
  for (int f = 0; f < kFrames && !rollout.empty(); ++f) {
    const std::size_t t = (rollout.size() - 1) * static_cast<std::size_t>(f) / (kFrames - 1);
    gym_frames::draw_frame(cr, s.env, rollout[t], 20 + frame * f, strip_y, frame - 4);
  }
  canvas.write_png(path);
}

}  // namespace ivy_demo
