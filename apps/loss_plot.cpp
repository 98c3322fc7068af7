#include "loss_plot.hpp"

#include "cairo_canvas.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>
#include <memory>
#include <numbers>
#include <stdexcept>

namespace ivy_demo {

namespace {

constexpr int kWidth = 900, kHeight = 760;
constexpr double kLeft = 90, kRight = 30;

struct Rgb {
  double r, g, b;
};
constexpr std::array<Rgb, 4> kColours = {
    {{0.84, 0.15, 0.16}, {0.12, 0.47, 0.71}, {0.17, 0.63, 0.17}, {0.58, 0.40, 0.74}}};

/** A plot area: epochs along x, log10 of the values (whole decades lo..hi) along y. */
struct Panel {
  double top, bottom;  // pixel rows
  double epochs, lo, hi;
  double x(double epoch) const { return kLeft + (kWidth - kLeft - kRight) * epoch / epochs; }
  double y(double value) const {
    return bottom - (bottom - top) * (std::log10(value) - lo) / (hi - lo);
  }
};

Panel panel_for(double top, double bottom, const std::vector<Curve>& curves) {
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  std::size_t epochs = 1;
  for (const Curve& c : curves) {
    epochs = std::max(epochs, c.values.size() - 1);
    for (const double v : c.values)
      if (v > 0 && std::isfinite(v)) {
        lo = std::min(lo, std::log10(v));
        hi = std::max(hi, std::log10(v));
      }
  }
  if (!std::isfinite(lo)) lo = hi = 0;
  return {top, bottom, static_cast<double>(epochs), std::floor(lo),
          std::max(std::ceil(hi), std::floor(lo) + 1)};
}

void horizontal(cairo_t* cr, double y) {
  cairo_move_to(cr, kLeft, y);
  cairo_line_to(cr, kWidth - kRight, y);
}

// Grid lines at 1, 2 and 5 times each decade (labelled at the decades), the frame, epoch ticks
// and the y label.
void axes(cairo_t* cr, const Panel& p, const std::string& y_label) {
  cairo_set_line_width(cr, 1);
  for (double d = p.lo; d < p.hi; ++d)
    for (const double m : {2.0, 5.0}) horizontal(cr, p.y(m * std::pow(10.0, d)));
  cairo_set_source_rgb(cr, 0.93, 0.93, 0.93);
  cairo_stroke(cr);
  for (double d = p.lo; d <= p.hi; ++d) horizontal(cr, p.y(std::pow(10.0, d)));
  cairo_set_source_rgb(cr, 0.8, 0.8, 0.8);
  cairo_stroke(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_rectangle(cr, kLeft, p.top, kWidth - kLeft - kRight, p.bottom - p.top);
  cairo_stroke(cr);
  char label[32];
  for (double d = p.lo; d <= p.hi; ++d) {
    std::snprintf(label, sizeof label, "1e%+.0f", d);
    draw_text(cr, kLeft - 8, p.y(std::pow(10.0, d)), label, 1.0, 13);
  }
  const double step = std::max(1.0, std::ceil(p.epochs / 10.0));
  for (double e = 0; e <= p.epochs; e += step) {
    cairo_move_to(cr, p.x(e), p.bottom);
    cairo_line_to(cr, p.x(e), p.bottom + 5);
    cairo_stroke(cr);
    std::snprintf(label, sizeof label, "%.0f", e);
    draw_text(cr, p.x(e), p.bottom + 16, label, 0.5, 13);
  }
  cairo_save(cr);
  cairo_translate(cr, 22, (p.top + p.bottom) / 2);
  cairo_rotate(cr, -std::numbers::pi / 2);
  draw_text(cr, 0, 0, y_label, 0.5, 14);
  cairo_restore(cr);
}

// Curve i's colour, width and dash: later curves are thinner and dashed, so curves lying on
// top of each other stay visible.
void pen(cairo_t* cr, std::size_t i) {
  const Rgb col = kColours[i % kColours.size()];
  cairo_set_source_rgb(cr, col.r, col.g, col.b);
  cairo_set_line_width(cr, std::max(1.5, 5.0 - 1.5 * static_cast<double>(i)));
  const double dash[] = {10.0, 6.0};
  cairo_set_dash(cr, dash, i == 0 ? 0 : 2, 0);
}

// Non-positive values (no difference at all) leave a gap in the log-scale line.
void curve(cairo_t* cr, const Panel& p, const std::vector<double>& values, std::size_t i) {
  pen(cr, i);
  bool drawing = false;
  for (std::size_t e = 0; e < values.size(); ++e) {
    const bool ok = values[e] > 0 && std::isfinite(values[e]);
    if (ok && drawing)
      cairo_line_to(cr, p.x(static_cast<double>(e)), p.y(values[e]));
    else if (ok)
      cairo_move_to(cr, p.x(static_cast<double>(e)), p.y(values[e]));
    drawing = ok;
  }
  cairo_stroke(cr);
  cairo_set_dash(cr, nullptr, 0, 0);
}

void legend(cairo_t* cr, const Panel& p, const std::vector<Curve>& curves) {
  const double x = kWidth - kRight - 260, y = p.top + 18;
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_rectangle(cr, x - 10, y - 13, 255, 24.0 * static_cast<double>(curves.size()) + 2);
  cairo_fill(cr);
  for (std::size_t i = 0; i < curves.size(); ++i) {
    const double yi = y + 24.0 * static_cast<double>(i);
    pen(cr, i);
    cairo_move_to(cr, x, yi);
    cairo_line_to(cr, x + 36, yi);
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
    cairo_set_source_rgb(cr, 0, 0, 0);
    draw_text(cr, x + 46, yi, curves[i].label, 0.0, 14);
  }
}

/** |c - reference| / reference per epoch for every curve after the first. */
std::vector<Curve> differences(const std::vector<Curve>& curves) {
  std::vector<Curve> out;
  for (std::size_t i = 1; i < curves.size(); ++i) {
    Curve d{curves[i].label, {}};
    for (std::size_t e = 0; e < curves[i].values.size(); ++e)
      d.values.push_back(std::abs(curves[i].values[e] - curves[0].values[e]) / curves[0].values[e]);
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace

void write_loss_plot(const std::string& path, const std::string& title,
                     const std::vector<Curve>& curves) {
  Canvas canvas(kWidth, kHeight);
  cairo_t* cr = canvas.cr();
  draw_text(cr, kWidth / 2.0, 24, title, 0.5, 16);

  const Panel top = panel_for(50, 460, curves);
  axes(cr, top, "mean squared error (log scale)");
  for (std::size_t i = 0; i < curves.size(); ++i) curve(cr, top, curves[i].values, i);
  legend(cr, top, curves);

  if (curves.size() > 1) {
    const std::vector<Curve> diffs = differences(curves);
    const Panel bottom = panel_for(510, kHeight - 60, diffs);
    axes(cr, bottom,
         "|loss - " + curves[0].label.substr(0, curves[0].label.find(' ')) + "| / loss");
    for (std::size_t i = 0; i < diffs.size(); ++i) curve(cr, bottom, diffs[i].values, i + 1);
  }
  cairo_set_source_rgb(cr, 0, 0, 0);
  draw_text(cr, (kLeft + kWidth - kRight) / 2, kHeight - 22, "epoch", 0.5, 15);
  canvas.write_png(path);
}

}  // namespace ivy_demo
