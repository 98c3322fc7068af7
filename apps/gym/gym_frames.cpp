#include "gym/gym_frames.hpp"

#include <gif_lib.h>

#include <cmath>
#include <filesystem>
#include <memory>
#include <numbers>
#include <stdexcept>

namespace ivy_demo::gym_frames {

HostState host_state(const ivy::gym::Env& env) {
  HostState out;
  const std::int64_t batch = ivy::numel(env.batch_shape());
  for (const ivy::Array& part : env.get_state()) {
    const std::vector<double> all = part.to_vector<double>();
    const std::size_t per_env = all.size() / static_cast<std::size_t>(batch);
    out.emplace_back(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(per_env));
  }
  return out;
}

namespace {

// World coordinates [-half, half]^2 mapped onto the square, y up.
struct View {
  double x0, y0, size, half;
  double px(double wx) const { return x0 + (wx / half + 1) * size / 2; }
  double py(double wy) const { return y0 + (1 - wy / half) * size / 2; }
  double len(double w) const { return w / half * size / 2; }
};

void disc(cairo_t* cr, const View& v, double wx, double wy, double r, double red, double green,
          double blue) {
  cairo_set_source_rgb(cr, red, green, blue);
  cairo_arc(cr, v.px(wx), v.py(wy), v.len(r), 0, 2 * std::numbers::pi);
  cairo_fill(cr);
}

void segment(cairo_t* cr, const View& v, double ax, double ay, double bx, double by, double width) {
  cairo_set_line_width(cr, v.len(width));
  cairo_move_to(cr, v.px(ax), v.py(ay));
  cairo_line_to(cr, v.px(bx), v.py(by));
  cairo_stroke(cr);
}

void cartpole(cairo_t* cr, const View& v, const HostState& s) {
  const double x = s[0][0], angle = s[2][0];
  cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
  segment(cr, v, -v.half, 0, v.half, 0, 0.02);
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
  cairo_rectangle(cr, v.px(x - 0.25), v.py(0.15), v.len(0.5), v.len(0.3));
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 0.8, 0.5, 0.2);  // the pole, 1 long, angle 0 upright
  segment(cr, v, x, 0, x + std::sin(angle), std::cos(angle), 0.08);
}

void pendulum(cairo_t* cr, const View& v, const HostState& s) {
  const double angle = s[0][0];
  cairo_set_source_rgb(cr, 0.8, 0.3, 0.3);
  segment(cr, v, 0, 0, std::sin(angle), std::cos(angle), 0.1);
  disc(cr, v, 0, 0, 0.05, 0.1, 0.1, 0.1);
}

void mountain_car(cairo_t* cr, const View& v, const HostState& s) {
  // The valley y = 0.45 sin(3x) + 0.55 over x in [-1.2, 0.6], centred in the view.
  auto height = [](double x) { return 0.45 * std::sin(3 * x) + 0.55; };
  auto wx = [](double x) { return (x + 0.3) * 1.6; };
  auto wy = [&](double x) { return (height(x) - 0.5) * 1.6; };
  cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
  cairo_set_line_width(cr, v.len(0.02));
  for (int i = 0; i <= 100; ++i) {
    const double x = -1.2 + 1.8 * i / 100;
    if (i == 0)
      cairo_move_to(cr, v.px(wx(x)), v.py(wy(x)));
    else
      cairo_line_to(cr, v.px(wx(x)), v.py(wy(x)));
  }
  cairo_stroke(cr);
  cairo_set_source_rgb(cr, 0.2, 0.7, 0.2);  // the goal flag
  segment(cr, v, wx(0.45), wy(0.45), wx(0.45), wy(0.45) + 0.3, 0.02);
  const double x = s[0][0];
  disc(cr, v, wx(x), wy(x) + 0.08, 0.08, 0.2, 0.3, 0.8);
}

void reacher(cairo_t* cr, const View& v, const HostState& s) {
  const std::vector<double>& angles = s[0];
  disc(cr, v, s[2][0], s[2][1], 0.12, 0.2, 0.7, 0.2);  // the goal
  double x = 0, y = 0;
  cairo_set_source_rgb(cr, 0.2, 0.3, 0.8);
  for (double a : angles) {  // unit links at absolute angles, as the task's reward
    segment(cr, v, x, y, x + std::cos(a), y + std::sin(a), 0.08);
    x += std::cos(a);
    y += std::sin(a);
  }
  disc(cr, v, 0, 0, 0.08, 0.1, 0.1, 0.1);
}

void swimmer(cairo_t* cr, const View& v, const HostState& s) {
  const std::vector<double>& urchins = s[0];
  for (std::size_t u = 0; u + 1 < urchins.size(); u += 2)
    disc(cr, v, urchins[u], urchins[u + 1], 0.08, 0.8, 0.2, 0.2);
  disc(cr, v, s[3][0], s[3][1], 0.07, 0.2, 0.7, 0.2);  // the goal
  disc(cr, v, s[1][0], s[1][1], 0.06, 0.2, 0.3, 0.8);  // the swimmer
}

}  // namespace

void draw_frame(cairo_t* cr, const std::string& env_name, const HostState& s, double x, double y,
                double size) {
  cairo_save(cr);
  cairo_rectangle(cr, x, y, size, size);
  cairo_clip(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  const double half = env_name == "CartPole"  ? 2.5
                      : env_name == "Reacher" ? static_cast<double>(s[0].size()) + 0.5
                      : env_name == "Swimmer" ? 1.6
                                              : 1.3;
  const View v{x, y, size, half};
  if (env_name == "CartPole") cartpole(cr, v, s);
  if (env_name == "Pendulum") pendulum(cr, v, s);
  if (env_name == "MountainCar") mountain_car(cr, v, s);
  if (env_name == "Reacher") reacher(cr, v, s);
  if (env_name == "Swimmer") swimmer(cr, v, s);
  cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
  cairo_set_line_width(cr, 1);
  cairo_rectangle(cr, x + 0.5, y + 0.5, size - 1, size - 1);
  cairo_stroke(cr);
  cairo_restore(cr);
}

namespace {

// A fixed palette, the 6 x 6 x 6 colour cube: frames are drawn in few flat colours.
constexpr int kLevels = 6;

GifByteType palette_index(std::uint32_t argb) {
  auto level = [](std::uint32_t c) {
    return static_cast<int>(std::lround(c / 255.0 * (kLevels - 1)));
  };
  const int r = level((argb >> 16) & 0xff), g = level((argb >> 8) & 0xff), b = level(argb & 0xff);
  return static_cast<GifByteType>((r * kLevels + g) * kLevels + b);
}

[[noreturn]] void gif_error(const std::string& path, int code) {
  throw std::runtime_error("cannot write " + path + ": " + GifErrorString(code));
}

}  // namespace

void write_gif(const std::string& path, const std::string& env_name,
               const std::vector<HostState>& states, int size, int delay_cs) {
  int error = 0;
  GifFileType* gif = EGifOpenFileName(path.c_str(), false, &error);
  if (!gif) gif_error(path, error);
  auto close = [&] {
    int e = 0;
    if (EGifCloseFile(gif, &e) == GIF_ERROR) gif_error(path, e);
  };
  std::vector<GifColorType> colours(256, GifColorType{0, 0, 0});
  for (int i = 0; i < kLevels * kLevels * kLevels; ++i) {
    auto c = [](int l) { return static_cast<GifByteType>(l * 255 / (kLevels - 1)); };
    colours[static_cast<std::size_t>(i)] = {c(i / 36), c(i / 6 % 6), c(i % 6)};
  }
  ColorMapObject* map = GifMakeMapObject(256, colours.data());
  const bool header_ok = EGifPutScreenDesc(gif, size, size, 8, 0, map) != GIF_ERROR;
  GifFreeMapObject(map);
  if (!header_ok) {
    error = gif->Error;
    close();
    gif_error(path, error);
  }
  // Loop forever (the NETSCAPE2.0 application extension).
  const GifByteType app[] = {'N', 'E', 'T', 'S', 'C', 'A', 'P', 'E', '2', '.', '0'};
  const GifByteType loop[] = {1, 0, 0};
  EGifPutExtensionLeader(gif, APPLICATION_EXT_FUNC_CODE);
  EGifPutExtensionBlock(gif, sizeof app, app);
  EGifPutExtensionBlock(gif, sizeof loop, loop);
  EGifPutExtensionTrailer(gif);
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, size, size), cairo_surface_destroy);
  std::vector<GifByteType> line(static_cast<std::size_t>(size));
  for (const HostState& s : states) {
    {
      std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()),
                                                            cairo_destroy);
      draw_frame(cr.get(), env_name, s, 0, 0, size);
    }
    cairo_surface_flush(surface.get());
    GraphicsControlBlock gcb{DISPOSAL_UNSPECIFIED, false, delay_cs, NO_TRANSPARENT_COLOR};
    GifByteType ext[4];
    EGifGCBToExtension(&gcb, ext);
    bool ok = EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, sizeof ext, ext) != GIF_ERROR &&
              EGifPutImageDesc(gif, 0, 0, size, size, false, nullptr) != GIF_ERROR;
    const unsigned char* data = cairo_image_surface_get_data(surface.get());
    const int stride = cairo_image_surface_get_stride(surface.get());
    for (int row = 0; ok && row < size; ++row) {
      const auto* px = reinterpret_cast<const std::uint32_t*>(data + row * stride);
      for (int col = 0; col < size; ++col)
        line[static_cast<std::size_t>(col)] = palette_index(px[col]);
      ok = EGifPutLine(gif, line.data(), size) != GIF_ERROR;
    }
    if (!ok) {
      error = gif->Error;
      close();
      gif_error(path, error);
    }
  }
  close();
  // giflib creates the file for its owner only; a picture is for everyone to read.
  std::filesystem::permissions(
      path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
                std::filesystem::perms::group_read | std::filesystem::perms::others_read);
}

}  // namespace ivy_demo::gym_frames
