#pragma once
/// ivy::vision implicit (NeRF-style) rendering helpers: positional encodings, sampling of
/// images and of ray depths, volume densities to occupancy and ray-termination probabilities,
/// and rendering features and depth along rays from an implicit function. Any leading batch
/// shape BS; rays have a further ray batch shape RBS. See docs/vision.md.
#include <cstdint>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

#include "ivy/core/array.hpp"

namespace ivy::vision {

/**
 * NeRF's positional encoding of x [..., D]: each coordinate x_d followed by sin(pi f_k x_d) for
 * the num_bands frequencies f_k, then cos(pi f_k x_d), flattened to [..., D (2 num_bands + 1)]
 * (ivy::fourier_encode with concat, the last two axes merged). The frequencies run from 1 to
 * max_freq / 2, geometrically (or evenly when linear); the default max_freq = 2^num_bands gives
 * NeRF's f_k = 2^k, k = 0 .. num_bands - 1. ValueError for num_bands < 0 or max_freq not
 * finite and positive, ShapeError for a 0-d x.
 */
Array positional_encoding(const Array& x, std::int64_t num_bands = 4,
                          std::optional<double> max_freq = std::nullopt, bool linear = false);

/**
 * Samples aligned images [BS..., H, W, D_i] (equal BS, H, W) at the same random pixels: the
 * {H', W'} grid of downsampled_image_dims_from_desired_num_pixels({H, W}, num_pixels), one pixel
 * drawn in each window (create_sampled_pixel_coords_image with randomize) -> one array
 * [BS..., H' W', D_i] per image, in row-major grid order. num_pixels > 0.
 */
std::vector<Array> sample_images(const std::vector<Array>& list_of_images, std::int64_t num_pixels);

/**
 * The probability 1 - exp(-density * inter_sample_distance) that a ray segment of that length
 * through a constant density is occupied (ends in it); both arrays of one shape.
 */
Array sampled_volume_density_to_occupancy_probability(const Array& density,
                                                      const Array& inter_sample_distance);

/**
 * The probability that a ray terminates in each of its segments, density and
 * inter_sample_distance [BS..., N] (one shape): w_i = (1 - exp(-s_i d_i)) exp(-sum_{j<i} s_j d_j),
 * the occupancy of segment i times the transmittance up to it -> [BS..., N].
 */
Array ray_termination_probabilities(const Array& density, const Array& inter_sample_distance);

/**
 * Stratified samples between starts and ends [BS...] (one shape): [start, end] split into
 * num_samples equal strata and one uniform sample (ivy::random_uniform; seed with ivy::seed)
 * drawn in each: start + (i + u_i) (end - start) / num_samples -> [BS..., num_samples], sorted
 * when end > start. num_samples > 0.
 */
Array stratified_sample(const Array& starts, const Array& ends, std::int64_t num_samples);

/** A rendering along rays and, when asked for, its variance. */
struct RayRendering {
  Array rendering;                ///< [BS..., F]
  std::optional<Array> variance;  ///< [BS..., F]
};

/**
 * Features [BS..., N, F] rendered with the ray termination probabilities w [BS..., N]: the
 * expectation m = sum_i w_i f_i and, with render_variance, sum_i w_i (f_i - m)^2 -> [BS..., F].
 * The weights are used as given (not normalised).
 */
RayRendering render_rays_via_termination_probabilities(const Array& ray_term_probs,
                                                       const Array& features,
                                                       bool render_variance = false);

/**
 * An implicit function: points [BS..., R, S, 3] (R = the number of rays, S samples per ray),
 * features at them [BS..., R, S, F] or nullopt, and the timestamps as given -> (features with
 * BS R S elements times any feature size, densities with BS R S elements).
 */
using ImplicitFunction =
    std::function<std::pair<Array, Array>(const Array& points, const std::optional<Array>& features,
                                          const std::optional<Array>& timestamps)>;
/** Interpolated features at world points [BS..., RBS..., S, 3] -> [BS..., RBS..., S, F]. */
using PointFeatureFunction = std::function<Array(const Array& points)>;

/** What render_implicit_features_and_depth returns: the renderings asked for. */
struct ImplicitRendering {
  std::optional<Array> features;           ///< [BS..., RBS..., F], clipped to [0, 1]
  std::optional<Array> features_variance;  ///< [BS..., RBS..., F]
  std::optional<Array> depth;              ///< [BS..., RBS..., 1]
  std::optional<Array> depth_variance;     ///< [BS..., RBS..., 1]
};

/**
 * Renders features and depth along rays from an implicit function (NeRF's volume rendering):
 * samples_per_ray stratified depths t between near and far [BS..., RBS...], points
 * rays_o [BS..., 3] + t rays_d [BS..., RBS..., 3], the network's features and densities there
 * (with the features of inter_feat_fn at the points when given), the ray termination
 * probabilities of the segments between consecutive samples (the last reaching to 1e10) and the
 * renderings of the features (clipped to [0, 1]) and of the depth t, each with its variance when
 * render_variance. Depths are in units of |rays_d|.
 */
ImplicitRendering render_implicit_features_and_depth(
    const ImplicitFunction& network_fn, const Array& rays_o, const Array& rays_d, const Array& near,
    const Array& far, std::int64_t samples_per_ray,
    const std::optional<Array>& timestamps = std::nullopt, bool render_depth = true,
    bool render_feats = true, bool render_variance = false,
    const PointFeatureFunction& inter_feat_fn = nullptr);

}  // namespace ivy::vision
