#pragma once
/// ivy::vision meshes: triangle meshes over image grids and the rasterization of image-space
/// triangles. Pixel coordinates are (x, y) = (column, row) as everywhere in ivy::vision; a pixel
/// (x, y) is the point at its centre. See docs/vision.md.
#include <array>
#include <cstdint>
#include <optional>

#include "ivy/core/array.hpp"
#include "ivy/core/options.hpp"
#include "ivy/core/shape.hpp"

namespace ivy::vision {

/**
 * Vertex indices of the triangles that tile an {H, W} grid of vertices numbered row-major
 * (vertex (r, c) is r W + c) -> [BS..., 2 (H - 1) (W - 1), 3]. For the cell whose top-left
 * vertex is t = r W + c the triangles are (t, t + 1, t + W) and (t + W + 1, t + 1, t + W); all
 * the first triangles come first, cells in row-major order, then all the second ones. H, W
 * positive (ValueError otherwise). int64 unless opts says otherwise.
 */
Array create_trimesh_indices_for_image(const Shape& batch_shape,
                                       const std::array<std::int64_t, 2>& image_dims,
                                       const Options& opts = {});

/** A triangle mesh: vertices and vertex indices of its triangles. */
struct TriMesh {
  Array vertices;
  Array triangle_indices;
};

/**
 * The mesh of a co-ordinate image [BS..., H, W, C]: vertices [BS..., H W, C] (the pixels in
 * row-major order) and the triangles of create_trimesh_indices_for_image [BS..., 2 (H - 1)
 * (W - 1), 3] (int64, on the image's backend). With validity_mask [BS..., H, W, 1] (bool, or
 * non-zero for valid), only the triangles whose three vertices are valid are kept, as a list
 * [N, 3] of every batch entry's valid triangles in order (the original's layout; without a
 * batch shape it is the image's list).
 */
TriMesh coord_image_to_trimesh(const Array& coord_img,
                               const std::optional<Array>& validity_mask = std::nullopt);

/**
 * Rasterizes image-space triangles pixel_coords_triangles [BS..., IS..., 3, 2|3] (the three
 * vertices' (x, y), any third component is ignored) into a bool image [BS..., H, W, 1] that is
 * true at every pixel whose centre lies inside or on the edge of at least one triangle, of
 * either winding. batch_shape must lead the input's shape (ShapeError otherwise); the
 * remaining leading dimensions IS list the triangles. Pixels outside {H, W} are dropped; H, W
 * positive (ValueError otherwise).
 */
Array rasterize_triangles(const Array& pixel_coords_triangles,
                          const std::array<std::int64_t, 2>& image_dims,
                          const Shape& batch_shape = {});

}  // namespace ivy::vision
