// Case handlers of the creation family (fixtures: scripts/fixtures/creation.py). Functions with
// no array argument get the backend under test through Options.
#include <cstdint>
#include <limits>
#include <string>
#include <utility>

#include "support/cases.hpp"
#include "support/json_scalar.hpp"

namespace {
using ivy::testing::CaseContext;
using ivy::testing::Outputs;

// JSON has no NaN or infinity: the fixtures spell them as strings.
ivy::Scalar scalar_param(const CaseContext& c, const std::string& name) {
  const nlohmann::json& v = c.params().at(name);
  if (v.is_string()) {
    const std::string s = v.get<std::string>();
    if (s == "nan") return std::numeric_limits<double>::quiet_NaN();
    return s == "-inf" ? -std::numeric_limits<double>::infinity()
                       : std::numeric_limits<double>::infinity();
  }
  return ivy::testing::json_scalar(v);
}

// The backend under test, plus the case's "dtype" when it names one.
ivy::Options options(const CaseContext& c) {
  ivy::Options o(c.backend());
  if (c.has("dtype")) o.with(ivy::dtype_from_name(c.param<std::string>("dtype")));
  return o;
}

// Options of the *_like functions: only what the case overrides (dtype through "as").
ivy::Options like_options(const CaseContext& c) {
  ivy::Options o;
  if (c.has("as")) o.with(ivy::dtype_from_name(c.param<std::string>("as")));
  return o;
}

// x's elements copied to a host buffer of x's own element type and read back by from_buffer.
template <class T>
ivy::Array through_buffer(const ivy::Array& x, const ivy::Shape& shape, ivy::DType d,
                          const ivy::Options& opts) {
  const std::vector<T> host = x.to_vector<T>();
  return ivy::from_buffer(host.data(), shape, d, opts);
}

ivy::Array through_buffer(const ivy::Array& x, const ivy::Shape& shape, const ivy::Options& opts) {
  switch (x.dtype()) {
    case ivy::DType::bool_:  // one byte per element, 0 or 1
    case ivy::DType::uint8:
      return through_buffer<std::uint8_t>(x, shape, x.dtype(), opts);
    case ivy::DType::int8:
      return through_buffer<std::int8_t>(x, shape, x.dtype(), opts);
    case ivy::DType::int16:
      return through_buffer<std::int16_t>(x, shape, x.dtype(), opts);
    case ivy::DType::int32:
      return through_buffer<std::int32_t>(x, shape, x.dtype(), opts);
    case ivy::DType::int64:
      return through_buffer<std::int64_t>(x, shape, x.dtype(), opts);
    case ivy::DType::float32:
      return through_buffer<float>(x, shape, x.dtype(), opts);
    default:
      return through_buffer<double>(x, shape, ivy::DType::float64, opts);
  }
}

// The nested brace lists of scripts/fixtures/creation.py LITERALS, as C++ literals.
ivy::Array literal(const std::string& name, const ivy::Options& o) {
  if (name == "f1") return ivy::array({1.5f, -2.0f, 3.25f}, o);
  if (name == "f2") return ivy::array({{1.0f, 2.0f, 3.0f}, {4.0f, 5.0f, 6.5f}}, o);
  if (name == "d3")
    return ivy::array(
        {{{1.0, 2.0}, {3.0, 4.0}}, {{5.0, 6.0}, {7.0, -8.5}}, {{0.0, 0.5}, {1e300, -1e-300}}}, o);
  if (name == "i2") return ivy::array({{1, -2}, {3, 4}, {-5, 6}}, o);
  if (name == "l3") return ivy::array<std::int64_t>({{{7, 8, 9}}, {{10, 11, 12}}}, o);
  if (name == "b2") return ivy::array({{true, false}, {false, true}}, o);
  if (name == "u1") return ivy::array<std::uint8_t>({0, 1, 255}, o);
  throw std::runtime_error("unknown literal " + name);
}

}  // namespace

IVY_CASE(array) {
  if (c.has("literal")) return {literal(c.param<std::string>("literal"), options(c))};
  // The vector + shape form: x's values as a std::vector of x's element type.
  const ivy::Array& x = c.in(0);
  const ivy::Shape shape = c.param<ivy::Shape>("shape", x.shape());
  const ivy::Options o = options(c);
  switch (x.dtype()) {
    case ivy::DType::bool_:
      return {ivy::array(x.to_vector<bool>(), shape, o)};
    case ivy::DType::int8:
      return {ivy::array(x.to_vector<std::int8_t>(), shape, o)};
    case ivy::DType::int64:
      return {ivy::array(x.to_vector<std::int64_t>(), shape, o)};
    case ivy::DType::float64:
      return {ivy::array(x.to_vector<double>(), shape, o)};
    default:
      return {ivy::array(x.to_vector<float>(), shape, o)};
  }
}

IVY_CASE(from_buffer) {
  ivy::Options o(c.backend());
  if (c.has("as")) o.with(ivy::dtype_from_name(c.param<std::string>("as")));
  if (c.num_inputs() == 0) {  // a bad shape: the buffer is never read
    const std::vector<float> none;
    return {ivy::from_buffer(none.data(), c.param<ivy::Shape>("shape"),
                             ivy::dtype_from_name(c.param<std::string>("buffer")), o)};
  }
  return {through_buffer(c.in(0), c.param<ivy::Shape>("shape", c.in(0).shape()), o)};
}

IVY_CASE(arange) {
  if (!c.has("start")) return {ivy::arange(scalar_param(c, "stop"), options(c))};
  return {ivy::arange(scalar_param(c, "start"), scalar_param(c, "stop"), scalar_param(c, "step"),
                      options(c))};
}

// linspace's and logspace's ends: array inputs come first (start, then stop); an end given as a
// parameter is a host scalar.
std::pair<ivy::Operand, ivy::Operand> range_ends(const CaseContext& c) {
  std::size_t next = 0;
  auto end = [&](const std::string& name) -> ivy::Operand {
    if (c.has(name)) return scalar_param(c, name);
    return c.in(next++);
  };
  ivy::Operand start = end("start");
  return {std::move(start), end("stop")};
}

IVY_CASE(linspace) {
  const auto [start, stop] = range_ends(c);
  return {ivy::linspace(start, stop, c.param<std::int64_t>("num"), c.param<int>("axis", -1),
                        c.param<bool>("endpoint", true), options(c))};
}

IVY_CASE(logspace) {
  const auto [start, stop] = range_ends(c);
  return {ivy::logspace(start, stop, c.param<std::int64_t>("num"), c.param<double>("base", 10.0),
                        c.param<int>("axis", -1), options(c))};
}

IVY_CASE(zeros) { return {ivy::zeros(c.param<ivy::Shape>("shape"), options(c))}; }
IVY_CASE(ones) { return {ivy::ones(c.param<ivy::Shape>("shape"), options(c))}; }
IVY_CASE(full) {
  return {ivy::full(c.param<ivy::Shape>("shape"), scalar_param(c, "value"), options(c))};
}
IVY_CASE(zeros_like) { return {ivy::zeros_like(c.in(0), like_options(c))}; }
IVY_CASE(ones_like) { return {ivy::ones_like(c.in(0), like_options(c))}; }
IVY_CASE(full_like) { return {ivy::full_like(c.in(0), scalar_param(c, "value"), like_options(c))}; }

IVY_CASE(eye) {
  return {ivy::eye(c.param<std::int64_t>("n"), c.param<std::int64_t>("m", -1),
                   c.param<std::int64_t>("k", 0), options(c))};
}

IVY_CASE(tril) { return {ivy::tril(c.in(0), c.param<std::int64_t>("k", 0))}; }
IVY_CASE(triu) { return {ivy::triu(c.in(0), c.param<std::int64_t>("k", 0))}; }

IVY_CASE(identity) {
  return {
      ivy::identity(c.param<std::int64_t>("n"), c.param<ivy::Shape>("batch_shape"), options(c))};
}

IVY_CASE(one_hot) {
  ivy::Options o;
  if (c.has("dtype")) o.with(ivy::dtype_from_name(c.param<std::string>("dtype")));
  return {ivy::one_hot(c.in(0), c.param<std::int64_t>("depth"), o)};
}

IVY_CASE(meshgrid) { return ivy::meshgrid(c.inputs(), c.param<std::string>("indexing", "ij")); }
