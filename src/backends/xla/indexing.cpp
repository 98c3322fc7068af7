// Indexing kernels: gathers and scatters as StableHLO (core has checked every index: XLA's
// gather would clamp them silently), nonzero on the host (its size depends on the data, and
// XLA compiles static shapes only).
#include <cstring>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "backends/xla/hlo.hpp"
#include "backends/xla/manipulation_text.hpp"
#include "backends/xla/xla_array.hpp"
#include "ops/dispatch.hpp"

namespace ivy::backends::xla_impl {
namespace {

// "name = [..], " for a field of a #stablehlo.gather/scatter attribute (empty lists left out).
std::string dims_field(const char* name, const std::vector<std::int64_t>& dims) {
  return dims.empty() ? "" : std::string(name) + " = " + int_list(dims) + ", ";
}

std::vector<std::int64_t> range(std::int64_t from, std::int64_t to) {
  std::vector<std::int64_t> r;
  for (std::int64_t i = from; i < to; ++i) r.push_back(i);
  return r;
}

// A gather of single elements or slices: dims are the #stablehlo.gather fields before
// index_vector_dim, which is the last axis of idx.
Value gather(Builder& b, const Value& x, const Value& idx, const std::string& dims,
             const std::vector<std::int64_t>& slice_sizes, const Shape& out) {
  return b.op("\"stablehlo.gather\"(" + x.name + ", " + idx.name +
                  ") {dimension_numbers = #stablehlo.gather<" + dims + "index_vector_dim = " +
                  std::to_string(idx.shape.size()) + ">, slice_sizes = " + i64_array(slice_sizes) +
                  ", indices_are_sorted = false} : (" + tensor_type(x.dtype, x.shape) + ", " +
                  tensor_type(idx.dtype, idx.shape) + ") -> " + tensor_type(x.dtype, out),
              x.dtype, out);
}

// np.take: x.shape[:axis] + idx.shape + x.shape[axis+1:], one slice of x per index.
Value take_slices(Builder& b, const Value& x, const Value& idx, int axis) {
  const auto a = static_cast<std::size_t>(axis);
  const auto k = static_cast<std::int64_t>(idx.shape.size());
  const auto r = static_cast<std::int64_t>(x.shape.size());
  Shape out(x.shape.begin(), x.shape.begin() + axis);
  out.insert(out.end(), idx.shape.begin(), idx.shape.end());
  out.insert(out.end(), x.shape.begin() + axis + 1, x.shape.end());
  std::vector<std::int64_t> offset_dims = range(0, axis), sizes = x.shape;
  for (std::int64_t d : range(axis + k, r - 1 + k)) offset_dims.push_back(d);
  sizes[a] = 1;
  const std::string dims = dims_field("offset_dims", offset_dims) +
                           dims_field("collapsed_slice_dims", {axis}) +
                           dims_field("start_index_map", {axis});
  return gather(b, x, idx, dims, sizes, out);
}

// An array of zeros: the kernels' answer when their result has no elements (a gather of an
// empty axis would not compile, its slice being larger than the axis).
Array zeros(std::string_view fn, DType d, const Shape& s) {
  return run1(fn, {},
              [&](Builder& b, const std::vector<Value>&) { return b.constant(Scalar(0), d, s); });
}

Array take(const Array& x, const Array& idx, int axis) {
  const Shape is = idx.shape();
  Shape out = x.shape();
  out.erase(out.begin() + axis);
  out.insert(out.begin() + axis, is.begin(), is.end());
  if (numel(out) == 0) return zeros("take", x.dtype(), out);
  return run1("take", {x, idx}, [&](Builder& b, const std::vector<Value>& in) {
    return take_slices(b, in[0], in[1], axis);
  });
}

// idx has x's shape but along axis (core broadcast the others): every other axis is a batch
// axis of the gather.
Array take_along_axis(const Array& x, const Array& idx, int axis) {
  if (numel(idx.shape()) == 0) return zeros("take_along_axis", x.dtype(), idx.shape());
  return run1("take_along_axis", {x, idx}, [&](Builder& b, const std::vector<Value>& in) {
    std::vector<std::int64_t> batch;
    for (std::int64_t d = 0; d < static_cast<std::int64_t>(in[0].shape.size()); ++d)
      if (d != axis) batch.push_back(d);
    const std::string dims =
        dims_field("collapsed_slice_dims", {axis}) + dims_field("operand_batching_dims", batch) +
        dims_field("start_indices_batching_dims", batch) + dims_field("start_index_map", {axis});
    const std::vector<std::int64_t> sizes(in[0].shape.size(), 1);
    return gather(b, in[0], in[1], dims, sizes, in[1].shape);
  });
}

// What a row's value becomes when an update reaches it (0-d values of the scatter's region).
using Combine = std::function<Value(Builder&, const Value& current, const Value& update)>;

// updates scattered into rows of init along axis 0 (idx: 1-D row numbers), duplicates combined
// by combine.
Value scatter_rows_into(Builder& b, const Value& init, const Value& idx, const Value& updates,
                        const Combine& combine) {
  const std::string t = tensor_type(init.dtype, init.shape);
  const Value out =
      b.op("\"stablehlo.scatter\"(" + init.name + ", " + idx.name + ", " + updates.name + ") ({",
           init.dtype, init.shape);
  const std::vector<Value> pair = block_arguments(b, {init.dtype, init.dtype});
  const Value combined = combine(b, pair[0], pair[1]);
  b.line("stablehlo.return " + combined.name + " : " + tensor_type(init.dtype, {}));
  const std::string dims =
      dims_field("update_window_dims", range(1, static_cast<std::int64_t>(updates.shape.size()))) +
      dims_field("inserted_window_dims", {0}) + dims_field("scatter_dims_to_operand_dims", {0});
  b.line("}) {scatter_dimension_numbers = #stablehlo.scatter<" + dims +
         "index_vector_dim = 1>, indices_are_sorted = false, unique_indices = false} : (" + t +
         ", " + tensor_type(idx.dtype, idx.shape) + ", " +
         tensor_type(updates.dtype, updates.shape) + ") -> " + t);
  return out;
}

// The element-wise operation name as a Combine.
Combine operation(const char* name) {
  return [name](Builder& b, const Value& current, const Value& update) {
    return b.binary(name, current, update);
  };
}

// For each of `rows` rows, the position in idx of its last update, or -1 when there is none.
Value last_update(Builder& b, const Value& idx, std::int64_t rows) {
  const Value positions = b.op("\"stablehlo.iota\"() {iota_dimension = 0 : i64} : () -> " +
                                   tensor_type(DType::int64, idx.shape),
                               DType::int64, idx.shape);
  const Value none = b.constant(Scalar(-1), DType::int64, {rows});
  return scatter_rows_into(b, none, idx, positions, operation("maximum"));
}

// mask [rows] spread over the rows of shape s.
Value row_mask(Builder& b, const Value& mask, const Shape& s) {
  Shape column(s.size(), 1);
  column[0] = s[0];
  return b.broadcast(b.reshape(mask, column), s);
}

// The value min and max start from, so that a row's first update always wins.
Scalar identity(ScatterReduction r, DType d) {
  const bool is_min = r == ScatterReduction::min;
  if (d == DType::bool_) return Scalar(is_min);
  if (is_floating(d)) {
    const double inf = std::numeric_limits<double>::infinity();
    return Scalar(is_min ? inf : -inf);
  }
  const auto [lo, hi] = detail::integer_range(d);
  return Scalar(static_cast<std::int64_t>(is_min ? hi : lo));
}

// The float min or max of two values chosen by their order keys (not by XLA's minimum and
// maximum, which take subnormals as zero); a NaN wins and stays.
Value float_extreme(Builder& b, const Value& current, const Value& update, bool is_min) {
  const Value kc = order_key(b, current), ku = order_key(b, update);
  if (!is_min) return b.select(b.compare("GT", ku, kc), update, current);  // NaN's key is largest
  const Value nan = b.constant(Scalar(largest_key(kc.dtype)), kc.dtype);
  const Value smaller_number = b.binary("and", b.compare("NE", kc, nan), b.compare("LT", ku, kc));
  return b.select(b.binary("or", b.compare("EQ", ku, nan), smaller_number), update, current);
}

Combine combiner(ScatterReduction r, DType d) {
  const bool logical = d == DType::bool_;
  switch (r) {
    case ScatterReduction::sum:
      return operation(logical ? "or" : "add");
    case ScatterReduction::min:
    case ScatterReduction::max:
      if (is_floating(d))
        return [r](Builder& b, const Value& current, const Value& update) {
          return float_extreme(b, current, update, r == ScatterReduction::min);
        };
      if (r == ScatterReduction::min) return operation(logical ? "and" : "minimum");
      return operation(logical ? "or" : "maximum");
    case ScatterReduction::replace:
      break;
  }
  return nullptr;
}

// XLA applies duplicate updates in no specified order: replace gathers each row's last update
// instead, and min/max (of floats: by order keys, a NaN winning) start from the dtype's extreme,
// then rows no update reached are reset to zero. Sums of floats flush
// subnormals to zero, as all of XLA's float arithmetic does.
Array scatter_rows(const Array& idx, const Array& updates, std::int64_t rows,
                   ScatterReduction reduction) {
  Shape s = updates.shape();
  s[0] = rows;
  const DType d = updates.dtype();
  if (updates.shape()[0] == 0) return zeros("scatter_rows", d, s);
  return run1("scatter_rows", {idx, updates}, [&](Builder& b, const std::vector<Value>& in) {
    const Value zero = b.constant(Scalar(0), d, s);
    if (reduction == ScatterReduction::sum)
      return scatter_rows_into(b, zero, in[0], in[1], combiner(reduction, d));
    const Value last = last_update(b, in[0], rows);
    const Value touched =
        row_mask(b, b.compare("GE", last, b.constant(Scalar(0), DType::int64, {rows})), s);
    Value combined;
    if (reduction == ScatterReduction::replace) {
      const Value from = b.binary("maximum", last, b.constant(Scalar(0), DType::int64, {rows}));
      combined = take_slices(b, in[1], from, 0);
    } else {
      const Value start = b.constant(identity(reduction, d), d, s);
      combined = scatter_rows_into(b, start, in[0], in[1], combiner(reduction, d));
    }
    return b.select(touched, combined, zero);
  });
}

bool is_nonzero(const unsigned char* element, DType d) {
  switch (d) {
    case DType::float32: {
      float v;
      std::memcpy(&v, element, sizeof v);
      return v != 0;
    }
    case DType::float64: {
      double v;
      std::memcpy(&v, element, sizeof v);
      return v != 0;
    }
    case DType::float16:
    case DType::bfloat16: {  // every bit but the sign's: -0 is zero, NaN is not
      std::uint16_t bits;
      std::memcpy(&bits, element, sizeof bits);
      return (bits & 0x7FFF) != 0;
    }
    default:
      for (int i = 0; i < itemsize(d); ++i)
        if (element[i]) return true;
      return false;
  }
}

// The count decides the result's shape, so the coordinates are found on the host, reading x in
// place.
Array nonzero(const Array& x) {
  const Shape s = x.shape();
  const DType d = x.dtype();
  const auto ndim = static_cast<std::int64_t>(s.size());
  const std::int64_t n = numel(s);
  std::vector<std::int64_t> coords;
  std::int64_t found = 0;  // a 0-d x has no coordinates to count by
  if (n > 0) {
    const auto* data = static_cast<const unsigned char*>(host_data(x, "nonzero"));
    const auto size = static_cast<std::size_t>(itemsize(d));
    std::vector<std::int64_t> at(s.size(), 0);  // the coordinates of element i
    for (std::int64_t i = 0; i < n; ++i) {
      if (is_nonzero(data + static_cast<std::size_t>(i) * size, d)) {
        coords.insert(coords.end(), at.begin(), at.end());
        ++found;
      }
      for (std::int64_t k = ndim - 1; k >= 0; --k) {
        const auto kk = static_cast<std::size_t>(k);
        if (++at[kk] < s[kk]) break;
        at[kk] = 0;
      }
    }
  }
  return from_bytes(coords.data(), DType::int64, {found, ndim}, "nonzero");
}

}  // namespace

const IndexingKernels& indexing_kernels() {
  static const IndexingKernels k{take_along_axis, take, scatter_rows, nonzero};
  return k;
}

}  // namespace ivy::backends::xla_impl
