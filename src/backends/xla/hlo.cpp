#include "backends/xla/hlo.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "backends/xla/xla_array.hpp"

namespace ivy::backends::xla_impl {
namespace {

// The bits of a non-finite value in a float dtype, as MLIR's hexadecimal literal.
std::string non_finite_literal(double v, DType d) {
  const bool negative = std::signbit(v);
  const bool nan = std::isnan(v);
  std::uint64_t bits = 0;
  int digits = 0;
  switch (d) {
    case DType::float16:
      bits = nan ? 0x7E00 : 0x7C00;
      bits |= negative ? 0x8000 : 0;
      digits = 4;
      break;
    case DType::bfloat16:
      bits = nan ? 0x7FC0 : 0x7F80;
      bits |= negative ? 0x8000 : 0;
      digits = 4;
      break;
    case DType::float32:
      bits = nan ? 0x7FC00000 : 0x7F800000;
      bits |= negative ? 0x80000000 : 0;
      digits = 8;
      break;
    default:
      bits = nan ? 0x7FF8000000000000ULL : 0x7FF0000000000000ULL;
      bits |= negative ? 0x8000000000000000ULL : 0;
      digits = 16;
  }
  char out[24];
  std::snprintf(out, sizeof out, "0x%0*llX", digits, static_cast<unsigned long long>(bits));
  return out;
}

}  // namespace

const char* element_type(DType d) {
  switch (d) {
    case DType::bool_:
      return "i1";
    case DType::int8:
      return "i8";
    case DType::int16:
      return "i16";
    case DType::int32:
      return "i32";
    case DType::int64:
      return "i64";
    case DType::uint8:
      return "ui8";
    case DType::float16:
      return "f16";
    case DType::bfloat16:
      return "bf16";
    case DType::float32:
      return "f32";
    case DType::float64:
      return "f64";
  }
  return "f32";
}

std::string tensor_type(DType d, const Shape& s) {
  std::string t = "tensor<";
  for (std::int64_t v : s) t += std::to_string(v) + "x";
  return t + element_type(d) + ">";
}

std::string literal(const Scalar& value, DType d) {
  if (d == DType::bool_) return value.as_bool() ? "true" : "false";
  if (!is_floating(d)) return std::to_string(value.as_int());
  const double v = value.as_double();
  if (!std::isfinite(v)) return non_finite_literal(v, d);
  // 17 significant digits name the double exactly; MLIR rounds that once to d.
  char out[40];
  std::snprintf(out, sizeof out, "%.17e", v);
  return out;
}

std::string int_list(const std::vector<std::int64_t>& values) {
  std::string s = "[";
  for (std::size_t i = 0; i < values.size(); ++i) s += (i ? ", " : "") + std::to_string(values[i]);
  return s + "]";
}

Value Builder::parameter(DType d, const Shape& s) {
  parameters_.push_back(
      Value{std::string("%arg").append(std::to_string(parameters_.size())), d, s});
  return parameters_.back();
}

Value Builder::op(const std::string& text, DType d, const Shape& s) {
  Value v{fresh(), d, s};
  body_ += "    " + v.name + " = " + text + "\n";
  return v;
}

std::vector<Value> Builder::ops(const std::string& text,
                                const std::vector<std::pair<DType, Shape>>& types) {
  const std::string name = fresh();
  body_ += "    " + name + ":" + std::to_string(types.size()) + " = " + text + "\n";
  std::vector<Value> out;
  for (std::size_t i = 0; i < types.size(); ++i)
    out.push_back(Value{name + "#" + std::to_string(i), types[i].first, types[i].second});
  return out;
}

void Builder::line(const std::string& text) { body_ += "    " + text + "\n"; }

std::string Builder::fresh() { return std::string("%").append(std::to_string(next_++)); }

Value Builder::unary(std::string_view name, const Value& x) {
  return op("stablehlo." + std::string(name) + " " + x.name + " : " + tensor_type(x.dtype, x.shape),
            x.dtype, x.shape);
}

Value Builder::binary(std::string_view name, const Value& a, const Value& b) {
  return op("stablehlo." + std::string(name) + " " + a.name + ", " + b.name + " : " +
                tensor_type(a.dtype, a.shape),
            a.dtype, a.shape);
}

Value Builder::compare(std::string_view direction, const Value& a, const Value& b) {
  const char* kind = is_floating(a.dtype)                          ? "FLOAT"
                     : a.dtype == DType::uint8 || is_bool(a.dtype) ? "UNSIGNED"
                                                                   : "SIGNED";
  const std::string t = tensor_type(a.dtype, a.shape);
  return op("stablehlo.compare " + std::string(direction) + ", " + a.name + ", " + b.name + ", " +
                kind + " : (" + t + ", " + t + ") -> " + tensor_type(DType::bool_, a.shape),
            DType::bool_, a.shape);
}

Value Builder::select(const Value& cond, const Value& a, const Value& b) {
  const std::string t = tensor_type(a.dtype, a.shape);
  return op("\"stablehlo.select\"(" + cond.name + ", " + a.name + ", " + b.name + ") : (" +
                tensor_type(DType::bool_, cond.shape) + ", " + t + ", " + t + ") -> " + t,
            a.dtype, a.shape);
}

Value Builder::convert(const Value& x, DType d) {
  if (x.dtype == d) return x;
  return op("stablehlo.convert " + x.name + " : (" + tensor_type(x.dtype, x.shape) + ") -> " +
                tensor_type(d, x.shape),
            d, x.shape);
}

Value Builder::constant(const Scalar& value, DType d, const Shape& s) {
  return op("stablehlo.constant dense<" + literal(value, d) + "> : " + tensor_type(d, s), d, s);
}

Value Builder::broadcast(const Value& x, const Shape& s) {
  if (x.shape == s) return x;
  std::vector<std::int64_t> dims;
  const std::size_t offset = s.size() - x.shape.size();
  for (std::size_t i = 0; i < x.shape.size(); ++i)
    dims.push_back(static_cast<std::int64_t>(offset + i));
  return op("stablehlo.broadcast_in_dim " + x.name + ", dims = " + int_list(dims) + " : (" +
                tensor_type(x.dtype, x.shape) + ") -> " + tensor_type(x.dtype, s),
            x.dtype, s);
}

Value Builder::reshape(const Value& x, const Shape& s) {
  if (x.shape == s) return x;
  return op("stablehlo.reshape " + x.name + " : (" + tensor_type(x.dtype, x.shape) + ") -> " +
                tensor_type(x.dtype, s),
            x.dtype, s);
}

Value Builder::transpose(const Value& x, const std::vector<std::int64_t>& perm) {
  Shape s;
  for (std::int64_t p : perm) s.push_back(x.shape[static_cast<std::size_t>(p)]);
  return op("stablehlo.transpose " + x.name + ", dims = " + int_list(perm) + " : (" +
                tensor_type(x.dtype, x.shape) + ") -> " + tensor_type(x.dtype, s),
            x.dtype, s);
}

std::string Builder::module(const std::vector<Value>& results) const {
  std::string params, types, names;
  for (std::size_t i = 0; i < parameters_.size(); ++i)
    params += (i ? ", " : "") + parameters_[i].name + ": " +
              tensor_type(parameters_[i].dtype, parameters_[i].shape);
  for (std::size_t i = 0; i < results.size(); ++i) {
    types += (i ? ", " : "") + tensor_type(results[i].dtype, results[i].shape);
    names += (i ? ", " : "") + results[i].name;
  }
  return "module @ivy {\n  func.func public @main(" + params + ") -> (" + types + ") {\n" + body_ +
         "    return " + names + " : " + types + "\n  }\n}\n";
}

namespace {

// Level 0 saves a quarter of the compile time of a small kernel, but its code is up to 16 times
// slower on large arrays (the sum of 10^6 floats: 3.1 ms against 0.19 ms fully optimised;
// docs/benchmarks.md): kernels touching this many elements are optimised fully.
constexpr std::int64_t kOptimisedFrom = 4096;

Optimisation optimisation_for(const std::vector<Value>& parameters,
                              const std::vector<Value>& results) {
  std::int64_t largest = 0;
  for (const auto* values : {&parameters, &results})
    for (const Value& v : *values) largest = std::max(largest, numel(v.shape));
  return largest >= kOptimisedFrom ? Optimisation::full : Optimisation::fast_compile;
}

}  // namespace

std::vector<Array> run(std::string_view fn, const std::vector<Array>& inputs, const Emitter& emit) {
  Builder b;
  std::vector<Value> parameters;
  std::vector<PJRT_Buffer*> buffers;
  for (const Array& x : inputs) {
    const BufferNode& n = node(x);
    parameters.push_back(b.parameter(n.dtype, n.shape));
    buffers.push_back(n.buffer);
  }
  const std::vector<Value> results = emit(b, parameters);
  const std::shared_ptr<const Executable> exe =
      compiled(b.module(results), fn, optimisation_for(parameters, results));
  const std::vector<PJRT_Buffer*> outs = exe->run(buffers, fn);
  std::vector<Array> arrays;
  for (std::size_t i = 0; i < outs.size(); ++i)
    arrays.push_back(adopt(outs[i], results[i].dtype, results[i].shape));
  if (tracing()) record(inputs, emit, arrays);
  return arrays;
}

Array run1(std::string_view fn, const std::vector<Array>& inputs,
           const std::function<Value(Builder&, const std::vector<Value>&)>& emit) {
  return run(fn, inputs, [&](Builder& b, const std::vector<Value>& in) {
    return std::vector<Value>{emit(b, in)};
  })[0];
}

}  // namespace ivy::backends::xla_impl
