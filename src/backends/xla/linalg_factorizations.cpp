// cholesky, eigh and qr with XLA's own expanders: stablehlo.cholesky, the @Eigh custom call
// (Jacobi) and @Qr + @ProductOfElementaryHouseholderReflectors. Each is one module over the
// whole batch; core fixes the signs of eigenvectors and of QR afterwards.
#include <string>
#include <vector>

#include "backends/xla/hlo.hpp"
#include "backends/xla/linalg.hpp"
#include "backends/xla/xla_array.hpp"

namespace ivy::backends::xla_impl {
namespace {

std::string dim_str(std::size_t d) { return std::to_string(d); }

// "array<i64: 0, 2>": a dense integer array attribute.
std::string i64_array(const std::vector<std::int64_t>& values) {
  const std::string list = int_list(values);
  return "array<i64: " + list.substr(1, list.size() - 2) + ">";
}

Shape with_last_two(const Shape& s, std::int64_t rows, std::int64_t cols) {
  Shape out(s.begin(), s.end() - 2);
  out.insert(out.end(), {rows, cols});
  return out;
}

// True where (row direction col) holds, for matrices [..., r, c] of shape s: "GE" marks the
// lower triangle, "LE" the upper one, "EQ" the diagonal.
Value triangle_mask(Builder& h, const Shape& s, std::string_view direction) {
  const std::string t = tensor_type(DType::int32, s);
  const Value rows =
      h.op("stablehlo.iota dim = " + dim_str(s.size() - 2) + " : " + t, DType::int32, s);
  const Value cols =
      h.op("stablehlo.iota dim = " + dim_str(s.size() - 1) + " : " + t, DType::int32, s);
  return h.compare(direction, rows, cols);
}

// x with zeros outside the triangle that direction marks.
Value keep_triangle(Builder& h, const Value& x, std::string_view direction) {
  return h.select(triangle_mask(h, x.shape, direction), x, h.constant(0, x.dtype, x.shape));
}

// The leading [rows, cols] block of each matrix of x.
Value top_left(Builder& h, const Value& x, std::int64_t rows, std::int64_t cols) {
  const Shape out = with_last_two(x.shape, rows, cols);
  if (out == x.shape) return x;
  std::vector<std::int64_t> zeros(x.shape.size(), 0), ones(x.shape.size(), 1);
  return h.op("\"stablehlo.slice\"(" + x.name + ") {start_indices = " + i64_array(zeros) +
                  ", limit_indices = " + i64_array(out) + ", strides = " + i64_array(ones) +
                  "} : (" + tensor_type(x.dtype, x.shape) + ") -> " + tensor_type(x.dtype, out),
              x.dtype, out);
}

// x padded with zeros at the end of its last dimension, to size.
Value pad_last(Builder& h, const Value& x, std::int64_t size) {
  if (x.shape.back() == size) return x;
  Shape out = x.shape;
  out.back() = size;
  std::vector<std::int64_t> none(x.shape.size(), 0), high = none;
  high.back() = size - x.shape.back();
  const Value zero = h.constant(0, x.dtype);
  return h.op(
      "\"stablehlo.pad\"(" + x.name + ", " + zero.name +
          ") {edge_padding_low = " + i64_array(none) + ", edge_padding_high = " + i64_array(high) +
          ", interior_padding = " + i64_array(none) + "} : (" + tensor_type(x.dtype, x.shape) +
          ", " + tensor_type(x.dtype, {}) + ") -> " + tensor_type(x.dtype, out),
      x.dtype, out);
}

// Whether every element of the bool array x is true: a 0-d bool.
Value all_true(Builder& h, const Value& x) {
  std::vector<std::int64_t> dims(x.shape.size());
  for (std::size_t i = 0; i < dims.size(); ++i) dims[i] = static_cast<std::int64_t>(i);
  const Value init = h.constant(true, DType::bool_);
  return h.op("stablehlo.reduce(" + x.name + " init: " + init.name +
                  ") applies stablehlo.and across dimensions = " + int_list(dims) + " : (" +
                  tensor_type(DType::bool_, x.shape) + ", " + tensor_type(DType::bool_, {}) +
                  ") -> " + tensor_type(DType::bool_, {}),
              DType::bool_, {});
}

}  // namespace

Array cholesky(const Array& x) {
  const std::vector<Array> out = run("cholesky", {x}, [](Builder& h, const std::vector<Value>& in) {
    const Value& a = in[0];
    const std::string t = tensor_type(a.dtype, a.shape);
    // XLA leaves the strict upper triangle unspecified: zeroed here.
    const Value l = keep_triangle(
        h, h.op("stablehlo.cholesky " + a.name + ", lower = true : " + t, a.dtype, a.shape), "GE");
    // XLA gives NaN instead of an error, and a zero pivot (LAPACK's failure too) may stay
    // finite: the factor is valid when it is finite with a positive diagonal.
    const Value finite = h.op(
        "stablehlo.is_finite " + l.name + " : (" + t + ") -> " + tensor_type(DType::bool_, a.shape),
        DType::bool_, a.shape);
    const Value positive = h.compare("GT", l, h.constant(0, a.dtype, a.shape));
    const Value off_diagonal = h.unary("not", triangle_mask(h, a.shape, "EQ"));
    const Value valid = h.binary("and", finite, h.binary("or", off_diagonal, positive));
    return std::vector<Value>{l, all_true(h, valid)};
  });
  if (!*static_cast<const bool*>(host_data(out[1], "cholesky")))
    detail::raise<ValueError>(
        "cholesky", "xla",
        "the matrix of shape " + shape_str(x.shape()) + " is not positive definite");
  return out[0];
}

EighResult eigh(const Array& x) {
  // XLA's Jacobi expander stalls near sqrt(eps) in float64 (eigenvectors off by 1e-9 to 1e-7
  // for 5x5 to 30x30, whatever the tolerance, against LAPACK's 1e-15): float64 runs on the host.
  if (x.dtype() == DType::float64) return eigh_on_host(x);
  const std::vector<Array> out = run("eigh", {x}, [](Builder& h, const std::vector<Value>& in) {
    const Value& a = in[0];
    const std::int64_t rank = static_cast<std::int64_t>(a.shape.size());
    std::vector<std::int64_t> swap(a.shape.size());
    for (std::int64_t i = 0; i < rank; ++i) swap[static_cast<std::size_t>(i)] = i;
    std::swap(swap[swap.size() - 1], swap[swap.size() - 2]);
    // Only the lower triangle is read: the matrix is made symmetric from it.
    const Value symmetric = h.select(triangle_mask(h, a.shape, "GE"), a, h.transpose(a, swap));
    Shape values_shape(a.shape.begin(), a.shape.end() - 1);
    // backend_config: lower, sort ascending, at most 100 sweeps, tolerance (JAX's values).
    return h.ops("stablehlo.custom_call @Eigh(" + symmetric.name +
                     ") {backend_config = \"1,1,100,1.0e-6\"} : (" + tensor_type(a.dtype, a.shape) +
                     ") -> (" + tensor_type(a.dtype, a.shape) + ", " +
                     tensor_type(a.dtype, values_shape) + ")",
                 {{a.dtype, a.shape}, {a.dtype, values_shape}});
  });
  return EighResult{out[1], out[0]};
}

QrResult qr(const Array& x, bool complete) {
  const std::int64_t m = x.shape()[x.shape().size() - 2], n = x.shape().back();
  const std::int64_t k = std::min(m, n), q_cols = complete ? m : k;
  const std::vector<Array> out = run("qr", {x}, [&](Builder& h, const std::vector<Value>& in) {
    const Value& a = in[0];
    Shape tau_shape(a.shape.begin(), a.shape.end() - 2);
    tau_shape.push_back(k);
    // Householder form: R on and above the diagonal, the reflectors below, and their taus.
    const std::vector<Value> householder = h.ops(
        "stablehlo.custom_call @Qr(" + a.name + ") : (" + tensor_type(a.dtype, a.shape) + ") -> (" +
            tensor_type(a.dtype, a.shape) + ", " + tensor_type(a.dtype, tau_shape) + ")",
        {{a.dtype, a.shape}, {a.dtype, tau_shape}});
    // Q's columns are the reflectors' product applied to the identity's first q_cols columns;
    // columns past k (complete, m > n) come from zero reflectors with zero taus.
    const Value v = pad_last(h, top_left(h, householder[0], m, std::min(n, q_cols)), q_cols);
    const Value taus = pad_last(h, householder[1], q_cols);
    const Value q =
        h.op("stablehlo.custom_call @ProductOfElementaryHouseholderReflectors(" + v.name + ", " +
                 taus.name + ") : (" + tensor_type(v.dtype, v.shape) + ", " +
                 tensor_type(taus.dtype, taus.shape) + ") -> " + tensor_type(v.dtype, v.shape),
             v.dtype, v.shape);
    const Value r = keep_triangle(h, top_left(h, householder[0], q_cols, n), "LE");
    return std::vector<Value>{q, r};
  });
  return QrResult{out[0], out[1]};
}

}  // namespace ivy::backends::xla_impl
