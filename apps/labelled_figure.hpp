#pragma once
// A grid of labelled image panels under a title, drawn with cairo and written as a PNG.
#include <string>
#include <vector>

#include "png_writer.hpp"

namespace ivy_demo {

struct LabelledPanel {
  std::string label;
  Image image;
};

/**
 * Writes the panels in rows of `columns`, each scaled up by the whole factor `zoom` (nearest
 * neighbour, so pixels stay visible) with its label above it. Throws std::runtime_error naming
 * the path when the file cannot be written.
 */
void write_labelled_figure(const std::string& path, const std::string& title,
                           const std::vector<LabelledPanel>& panels, int columns, int zoom);

}  // namespace ivy_demo
