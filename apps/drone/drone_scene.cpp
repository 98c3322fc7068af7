#include "drone_scene.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

namespace ivy_drone {
namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::string& path, const std::string& field, const std::string& what) {
  throw SceneError("scene file " + path + ": field '" + field + "': " + what);
}

/** A list of finite numbers of the given length (any length when n < 0). */
std::vector<double> numbers(const json& j, const std::string& path, const std::string& field,
                            long n) {
  if (!j.is_array()) fail(path, field, "expected a list of numbers");
  if (n >= 0 && static_cast<long>(j.size()) != n)
    fail(path, field,
         "expected " + std::to_string(n) + " numbers, got " + std::to_string(j.size()));
  std::vector<double> out;
  for (const json& v : j) {
    if (!v.is_number() || !std::isfinite(v.get<double>()))
      fail(path, field, "expected finite numbers, got " + v.dump());
    out.push_back(v.get<double>());
  }
  return out;
}

/** A non-empty list of rows x cols matrices (cols only when rows == 0), each flattened. */
std::vector<std::vector<double>> items(const json& doc, const std::string& path,
                                       const std::string& field, long rows, long cols) {
  if (!doc.contains(field)) fail(path, field, "missing");
  const json& j = doc.at(field);
  if (!j.is_array() || j.empty()) fail(path, field, "expected a non-empty list");
  std::vector<std::vector<double>> out;
  for (std::size_t i = 0; i < j.size(); ++i) {
    const std::string at = field + "[" + std::to_string(i) + "]";
    if (rows == 0) {
      out.push_back(numbers(j[i], path, at, cols));
      continue;
    }
    if (!j[i].is_array() || static_cast<long>(j[i].size()) != rows)
      fail(path, at, "expected " + std::to_string(rows) + " rows of " + std::to_string(cols));
    std::vector<double> flat;
    for (long r = 0; r < rows; ++r) {
      const std::vector<double> row =
          numbers(j[i][r], path, at + "[" + std::to_string(r) + "]", cols);
      flat.insert(flat.end(), row.begin(), row.end());
    }
    out.push_back(flat);
  }
  return out;
}

std::vector<double> pose(const json& doc, const std::string& path, const std::string& field) {
  if (!doc.contains(field)) fail(path, field, "missing");
  return numbers(doc.at(field), path, field, 6);
}

}  // namespace

Scene load_scene(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw SceneError("scene file " + path + ": cannot be opened");
  json doc;
  try {
    doc = json::parse(in);
  } catch (const json::parse_error& e) {
    throw SceneError("scene file " + path + ": not valid JSON: " + e.what());
  }
  if (!doc.is_object()) throw SceneError("scene file " + path + ": expected a JSON object");
  Scene s;
  s.cuboid_inv_ext_mats = items(doc, path, "cuboid_inv_ext_mats", 3, 4);
  s.cuboid_dims = items(doc, path, "cuboid_dims", 0, 3);
  if (s.cuboid_dims.size() != s.cuboid_inv_ext_mats.size())
    fail(path, "cuboid_dims",
         "expected one entry per cuboid (" + std::to_string(s.cuboid_inv_ext_mats.size()) +
             "), got " + std::to_string(s.cuboid_dims.size()));
  for (std::size_t i = 0; i < s.cuboid_dims.size(); ++i)
    for (double d : s.cuboid_dims[i])
      if (!(d > 0.0))
        fail(path, "cuboid_dims[" + std::to_string(i) + "]", "side lengths must be positive");
  s.rel_body_points = items(doc, path, "rel_body_points", 0, 3);
  s.start_pose = pose(doc, path, "start_pose_rot_vec");
  s.target_pose = pose(doc, path, "target_pose_rot_vec");
  return s;
}

std::string default_scene_path() {
  namespace fs = std::filesystem;
  for (const fs::path p : {fs::path(IVY_DRONE_SOURCE_SCENE), fs::path(IVY_DRONE_INSTALLED_SCENE)})
    if (fs::exists(p)) return p.string();
  return IVY_DRONE_INSTALLED_SCENE;
}

}  // namespace ivy_drone
