#include "support/fixture.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>

#ifndef IVY_TEST_DATA_DIR
#error "IVY_TEST_DATA_DIR must name tests/data"
#endif

namespace ivy::testing {
namespace {

double number(const nlohmann::json& v) {
  if (v.is_string()) {
    const std::string s = v.get<std::string>();
    if (s == "nan") return std::numeric_limits<double>::quiet_NaN();
    if (s == "-nan") return std::copysign(std::numeric_limits<double>::quiet_NaN(), -1.0);
    if (s == "inf") return std::numeric_limits<double>::infinity();
    if (s == "-inf") return -std::numeric_limits<double>::infinity();
    throw std::runtime_error("bad number in fixture: " + s);
  }
  if (v.is_boolean()) return v.get<bool>() ? 1.0 : 0.0;
  return v.get<double>();
}

HostArray host_array(const nlohmann::json& j) {
  HostArray h;
  h.dtype = dtype_from_name(j.at("dtype").get<std::string>());
  h.shape = j.at("shape").get<Shape>();
  for (const auto& v : j.at("data")) h.values.push_back(number(v));
  return h;
}

std::vector<FixtureCase> load() {
  std::vector<FixtureCase> out;
  for (const auto& entry : std::filesystem::directory_iterator(IVY_TEST_DATA_DIR)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    const nlohmann::json doc = nlohmann::json::parse(in);
    for (const auto& c : doc.at("cases")) {
      FixtureCase f;
      f.family = doc.at("family").get<std::string>();
      f.fn = c.at("fn").get<std::string>();
      f.id = c.at("id").get<std::string>();
      for (const auto& a : c.value("inputs", nlohmann::json::array()))
        f.inputs.push_back(host_array(a));
      f.params = c.value("params", nlohmann::json::object());
      if (c.contains("error")) f.error = c.at("error").get<std::string>();
      for (const auto& a : c.value("expected", nlohmann::json::array()))
        f.expected.push_back(host_array(a));
      f.rtol = c.value("rtol", f.rtol);
      f.atol = c.value("atol", f.atol);
      out.push_back(std::move(f));
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return out;
}

}  // namespace

const std::vector<FixtureCase>& all_fixture_cases() {
  static const std::vector<FixtureCase> cases = load();
  return cases;
}

Array to_device_array(const HostArray& h, const Backend& b) {
  const DType d = h.dtype;
  switch (d) {
    case DType::bool_: {
      std::vector<bool> v;
      for (double x : h.values) v.push_back(x != 0);
      return array(v, h.shape, b);
    }
    case DType::float64:
      return array(h.values, h.shape, b);
    case DType::float32:
    case DType::float16:
    case DType::bfloat16: {
      std::vector<float> v(h.values.begin(), h.values.end());
      return cast(array(v, h.shape, b), d);
    }
    default: {
      std::vector<std::int64_t> v;
      for (double x : h.values) v.push_back(static_cast<std::int64_t>(x));
      return cast(array(v, h.shape, b), d);
    }
  }
}

std::string error_class(const ivy::Error& e) {
  if (dynamic_cast<const ShapeError*>(&e)) return "ShapeError";
  if (dynamic_cast<const DTypeError*>(&e)) return "DTypeError";
  if (dynamic_cast<const IndexError*>(&e)) return "IndexError";
  if (dynamic_cast<const ValueError*>(&e)) return "ValueError";
  if (dynamic_cast<const BackendError*>(&e)) return "BackendError";
  if (dynamic_cast<const UnsupportedError*>(&e)) return "UnsupportedError";
  if (dynamic_cast<const IOError*>(&e)) return "IOError";
  return "Error";
}

std::string case_dtype(const FixtureCase& fc) {
  if (fc.params.contains("dtype")) return fc.params.at("dtype").get<std::string>();
  if (!fc.inputs.empty()) return std::string(dtype_name(fc.inputs[0].dtype));
  if (!fc.expected.empty()) return std::string(dtype_name(fc.expected[0].dtype));
  return "-";
}

std::vector<std::string> case_dtypes(const FixtureCase& fc) {
  std::vector<std::string> out{case_dtype(fc)};
  for (const HostArray& h : fc.inputs) out.emplace_back(dtype_name(h.dtype));
  for (const HostArray& h : fc.expected) out.emplace_back(dtype_name(h.dtype));
  // The dtype mixed inputs promote to is involved too (uint8 with int8 computes in int16).
  for (std::size_t i = 1; i < fc.inputs.size(); ++i)
    out.emplace_back(dtype_name(promote_types(fc.inputs[0].dtype, fc.inputs[i].dtype)));
  for (const auto& [key, value] : fc.params.items())
    if (value.is_string()) out.push_back(value.get<std::string>());  // a non-dtype never matches
  return out;
}

}  // namespace ivy::testing
