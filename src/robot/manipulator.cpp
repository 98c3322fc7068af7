// ivy::robot::Manipulator: standard Denavit-Hartenberg forward kinematics and link sampling (the
// original ivy_robot.manipulator), written over the unified functions.
#include "ivy/robot/manipulator.hpp"

#include <cmath>
#include <string>
#include <string_view>
#include <utility>

#include "ivy/mech.hpp"
#include "robot/detail.hpp"

namespace ivy::robot {
using namespace ivy::robot::detail;

namespace {

/** x[..., begin:end] along axis (negative from the end). */
Array range_along(const Array& x, int axis, std::int64_t begin, std::int64_t end) {
  std::vector<Slice> s(static_cast<std::size_t>(x.ndim()));
  s[static_cast<std::size_t>(axis < 0 ? x.ndim() + axis : axis)] = Slice{begin, end};
  return ivy::slice(x, s);
}

std::vector<double> host_values(std::string_view fn, std::string_view what, const Array& x) {
  need_float(fn, what, x);
  if (x.ndim() != 1)
    shape_error(fn, x, std::string(what) + ": expected shape [NJ], got " + shape_str(x.shape()));
  return x.to_vector<double>();
}

void need_finite(std::string_view fn, std::string_view backend, std::string_view what,
                 const std::vector<double>& v) {
  for (const double x : v)
    if (!std::isfinite(x)) value_error(fn, backend, std::string(what) + " must be finite");
}

/** One point of sample_links: (1 - t) origin[link] + t origin[link + 1]. */
struct LinkSample {
  std::size_t link;
  double t;
};

/**
 * The points sample_links takes on links 0..link_num-1 of these lengths: ceil(length * spm)
 * evenly spaced from each link's start to its end (one point is the start alone, zero points a
 * zero-length link), the end of a link dropped when a later link is sampled (it starts there).
 */
std::vector<LinkSample> link_sample_plan(std::string_view fn, std::string_view backend,
                                         const std::vector<double>& lengths, std::int64_t link_num,
                                         double spm) {
  if (!std::isfinite(spm) || spm <= 0)
    value_error(fn, backend,
                "samples_per_metre must be finite and > 0, got " + std::to_string(spm));
  constexpr double kMaxSamples = 1e8;  // beyond this the result could not be held anyway
  std::vector<std::int64_t> counts(static_cast<std::size_t>(link_num));
  double total = 0;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    const double c = std::ceil(lengths[i] * spm);
    total += c;
    if (total > kMaxSamples)
      value_error(fn, backend,
                  "samples_per_metre " + std::to_string(spm) + " asks for over 1e8 samples");
    counts[i] = static_cast<std::int64_t>(c);
  }
  std::size_t last_sampled = 0;
  for (std::size_t i = 0; i < counts.size(); ++i)
    if (counts[i] > 0) last_sampled = i;
  std::vector<LinkSample> plan;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    const std::int64_t c = counts[i];
    const std::int64_t kept = c >= 2 && i < last_sampled ? c - 1 : c;
    for (std::int64_t k = 0; k < kept; ++k)
      plan.push_back({i, c == 1 ? 0.0 : static_cast<double>(k) / static_cast<double>(c - 1)});
  }
  return plan;
}

}  // namespace

Manipulator::Manipulator(const Array& a_s, const Array& d_s, const Array& alpha_s,
                         const Array& dh_joint_scales, const Array& dh_joint_offsets,
                         const std::optional<Array>& base_inv_ext_mat)
    : a_s_(a_s),
      d_s_(d_s),
      alpha_s_(alpha_s),
      scales_s_(dh_joint_scales),
      offsets_s_(dh_joint_offsets) {
  constexpr std::string_view fn = "Manipulator";
  DHParameters dh{host_values(fn, "a_s", a_s), host_values(fn, "d_s", d_s),
                  host_values(fn, "alpha_s", alpha_s),
                  host_values(fn, "dh_joint_scales", dh_joint_scales),
                  host_values(fn, "dh_joint_offsets", dh_joint_offsets)};
  init(fn, a_s.backend_name(), std::move(dh), base_inv_ext_mat);
  base_s_ = ivy::array(base_, {4, 4}, like(base_inv_ext_mat ? *base_inv_ext_mat : a_s));
}

Manipulator::Manipulator(const DHParameters& dh, const std::optional<Array>& base_inv_ext_mat,
                         const Options& opts) {
  Options o = opts;
  if (!o.dtype) o.dtype = float32;
  init("Manipulator", base_inv_ext_mat ? base_inv_ext_mat->backend_name() : "none", dh,
       base_inv_ext_mat);
  const Shape nj{num_joints()};
  a_s_ = ivy::array(a_, nj, o);
  d_s_ = ivy::array(d_, nj, o);
  alpha_s_ = ivy::array(alpha_, nj, o);
  scales_s_ = ivy::array(scales_, nj, o);
  offsets_s_ = ivy::array(offsets_, nj, o);
  base_s_ = ivy::array(base_, {4, 4}, o);
}

void Manipulator::init(std::string_view fn, std::string_view backend, DHParameters dh,
                       const std::optional<Array>& base_inv_ext_mat) {
  const std::size_t nj = dh.a.size();
  if (nj == 0 || dh.d.size() != nj || dh.alpha.size() != nj || dh.joint_scales.size() != nj ||
      dh.joint_offsets.size() != nj)
    ivy::detail::raise<ShapeError>(
        qualified(fn), backend,
        "a_s, d_s, alpha_s, dh_joint_scales and dh_joint_offsets must have one length NJ >= 1, "
        "got " +
            std::to_string(dh.a.size()) + ", " + std::to_string(dh.d.size()) + ", " +
            std::to_string(dh.alpha.size()) + ", " + std::to_string(dh.joint_scales.size()) + ", " +
            std::to_string(dh.joint_offsets.size()));
  need_finite(fn, backend, "a_s", dh.a);
  need_finite(fn, backend, "d_s", dh.d);
  need_finite(fn, backend, "alpha_s", dh.alpha);
  need_finite(fn, backend, "dh_joint_scales", dh.joint_scales);
  need_finite(fn, backend, "dh_joint_offsets", dh.joint_offsets);
  a_ = std::move(dh.a);
  d_ = std::move(dh.d);
  alpha_ = std::move(dh.alpha);
  scales_ = std::move(dh.joint_scales);
  offsets_ = std::move(dh.joint_offsets);

  base_ = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
  if (!base_inv_ext_mat) return;
  const Array& b = *base_inv_ext_mat;
  need_float(fn, "base_inv_ext_mat", b);
  const Shape s = b.shape();
  if (s.size() != 2 || s[1] != 4 || (s[0] != 3 && s[0] != 4))
    shape_error(fn, b, "base_inv_ext_mat: expected shape [3,4] or [4,4], got " + shape_str(s));
  const std::vector<double> v = b.to_vector<double>();
  need_finite(fn, b.backend_name(), "base_inv_ext_mat", v);
  if (s[0] == 4 && (v[12] != 0 || v[13] != 0 || v[14] != 0 || v[15] != 1))
    value_error(fn, b.backend_name(), "base_inv_ext_mat [4,4] must have the last row 0 0 0 1");
  std::copy(v.begin(), v.begin() + 12, base_.begin());
}

std::vector<double> Manipulator::link_lengths() const {
  std::vector<double> l(a_.size());
  for (std::size_t i = 0; i < l.size(); ++i) l[i] = std::hypot(a_[i], d_[i]);
  return l;
}

std::int64_t Manipulator::checked_link_num(std::string_view fn, std::string_view backend,
                                           std::int64_t link_num) const {
  if (link_num < 1 || link_num > num_joints())
    value_error(fn, backend,
                "link_num must be in [1, " + std::to_string(num_joints()) + "], got " +
                    std::to_string(link_num));
  return link_num;
}

void Manipulator::check_angles(std::string_view fn, const Array& joint_angles) const {
  need_float(fn, "joint_angles", joint_angles);
  need_shape(fn, "joint_angles", joint_angles, 1, num_joints(),
             "[...," + std::to_string(num_joints()) + "] (one angle per joint)");
}

Array Manipulator::link_matrices(const Array& joint_angles, std::int64_t link_num) const {
  const auto n = static_cast<std::size_t>(link_num);
  const Options o = like(joint_angles);
  const auto row = [&](const std::vector<double>& v) {
    return ivy::array(std::vector<double>(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(n)),
                      {link_num}, o);
  };
  std::vector<double> cos_alpha(n), sin_alpha(n);
  for (std::size_t i = 0; i < n; ++i) {
    cos_alpha[i] = std::cos(alpha_[i]);
    sin_alpha[i] = std::sin(alpha_[i]);
  }

  // BS x LN: the effective DH angles of the joints used.
  const Array q = ivy::subtract(ivy::multiply(last_range(joint_angles, 0, link_num), row(scales_)),
                                row(offsets_));
  const Shape qs = q.shape();
  const Array c = ivy::cos(q), s = ivy::sin(q);
  const auto bc = [&](const std::vector<double>& v) { return ivy::broadcast_to(row(v), qs); };
  const Array a = bc(a_), d = bc(d_), ca = bc(cos_alpha), sa = bc(sin_alpha);
  const Array zero = ivy::zeros_like(q), one = ivy::ones_like(q);
  // A_i = Rot_z(q) Trans_z(d) Trans_x(a) Rot_x(alpha), multiplied out (Siciliano et al.).
  const Array entries = ivy::stack(
      {c, ivy::negative(ivy::multiply(s, ca)), ivy::multiply(s, sa), ivy::multiply(a, c),  // row 0
       s, ivy::multiply(c, ca), ivy::negative(ivy::multiply(c, sa)), ivy::multiply(a, s),  // row 1
       zero, sa, ca, d,                                                                    // row 2
       zero, zero, zero, one},
      -1);
  Shape as = qs;
  as.push_back(4);
  as.push_back(4);
  const Array dh = ivy::reshape(entries, as);  // BS x LN x 4 x 4

  Shape base_shape(qs.begin(), qs.end() - 1);
  const int batch_rank = static_cast<int>(base_shape.size());
  base_shape.push_back(4);
  base_shape.push_back(4);
  std::vector<Array> frames{ivy::broadcast_to(ivy::array(base_, {4, 4}, o), base_shape)};
  for (std::int64_t i = 0; i < link_num; ++i)
    frames.push_back(
        ivy::matmul(frames.back(), ivy::squeeze(range_along(dh, -3, i, i + 1), Axes{batch_rank})));
  return ivy::stack(frames, batch_rank);  // BS x LN+1 x 4 x 4
}

Array Manipulator::compute_link_matrices(const Array& joint_angles, std::int64_t link_num) const {
  constexpr std::string_view fn = "Manipulator.compute_link_matrices";
  check_angles(fn, joint_angles);
  return link_matrices(joint_angles, checked_link_num(fn, joint_angles.backend_name(), link_num));
}

Array Manipulator::compute_link_poses(const Array& joint_angles, std::int64_t link_num) const {
  constexpr std::string_view fn = "Manipulator.compute_link_poses";
  check_angles(fn, joint_angles);
  const Array m =
      link_matrices(joint_angles, checked_link_num(fn, joint_angles.backend_name(), link_num));
  return ivy::mech::mat_pose_to_rot_vec_pose(row_range(m, 0, 3));
}

std::int64_t Manipulator::num_link_samples(std::optional<std::int64_t> link_num,
                                           double samples_per_metre) const {
  constexpr std::string_view fn = "Manipulator.num_link_samples";
  const std::int64_t ln = checked_link_num(fn, "none", link_num.value_or(num_joints()));
  return static_cast<std::int64_t>(
      link_sample_plan(fn, "none", link_lengths(), ln, samples_per_metre).size());
}

Array Manipulator::sample_links(const Array& joint_angles, std::optional<std::int64_t> link_num,
                                double samples_per_metre) const {
  constexpr std::string_view fn = "Manipulator.sample_links";
  check_angles(fn, joint_angles);
  const std::string_view backend = joint_angles.backend_name();
  const std::int64_t ln = checked_link_num(fn, backend, link_num.value_or(num_joints()));
  const std::vector<LinkSample> plan =
      link_sample_plan(fn, backend, link_lengths(), ln, samples_per_metre);

  // Every sample is a fixed blend of two frame origins: samples = W origins, one matmul that
  // serves any batch shape (and whose gradient is W^T).
  const auto rows = static_cast<std::int64_t>(plan.size());
  std::vector<double> w(static_cast<std::size_t>(rows * (ln + 1)), 0.0);
  for (std::size_t r = 0; r < plan.size(); ++r) {
    const std::size_t at = r * static_cast<std::size_t>(ln + 1) + plan[r].link;
    w[at] += 1 - plan[r].t;
    w[at + 1] += plan[r].t;
  }
  const Array m = link_matrices(joint_angles, ln);  // BS x LN+1 x 4 x 4
  const Array origins =
      ivy::squeeze(last_range(row_range(m, 0, 3), 3, 4), Axes{-1});  // BS x LN+1 x 3
  return ivy::matmul(ivy::array(w, {rows, ln + 1}, like(joint_angles)), origins);
}

}  // namespace ivy::robot
