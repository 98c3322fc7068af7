#include "backends/mxnet/mx_array.hpp"
#include "ivy/core/shape.hpp"

#include <cstring>
#include <unordered_map>

namespace ivy::backends::mxnet_impl {

int to_mx(DType d) {
  switch (d) {
    case DType::float32:
      return 0;
    case DType::float64:
      return 1;
    case DType::float16:
      return 2;
    case DType::uint8:
      return 3;
    case DType::int32:
      return 4;
    case DType::int8:
      return 5;
    case DType::int64:
      return 6;
    case DType::bool_:
      return 7;
    case DType::int16:
      return 8;
    case DType::bfloat16:
      return 12;
  }
  return 0;
}

const char* mx_name(DType d) {
  switch (d) {
    case DType::float32:
      return "float32";
    case DType::float64:
      return "float64";
    case DType::float16:
      return "float16";
    case DType::uint8:
      return "uint8";
    case DType::int32:
      return "int32";
    case DType::int8:
      return "int8";
    case DType::int64:
      return "int64";
    case DType::bool_:
      return "bool";
    case DType::int16:
      return "int16";
    case DType::bfloat16:
      return "bfloat16";
  }
  return "float32";
}

DType from_mx(int code) {
  switch (code) {
    case 0:
      return DType::float32;
    case 1:
      return DType::float64;
    case 2:
      return DType::float16;
    case 3:
      return DType::uint8;
    case 4:
      return DType::int32;
    case 5:
      return DType::int8;
    case 6:
      return DType::int64;
    case 7:
      return DType::bool_;
    case 8:
      return DType::int16;
    case 12:
      return DType::bfloat16;
    default:
      detail::raise<UnsupportedError>("from_native", "mxnet",
                                      "an MXNet array of dtype code " + std::to_string(code) +
                                          " (unsigned wider than 8 bits) has no ivy dtype");
  }
}

void check(int rc, std::string_view fn) {
  if (rc == 0) return;
  std::string message = api().MXGetLastError();
  message = message.substr(0, message.find("\n\nStack trace"));
  detail::raise<UnsupportedError>(fn, "mxnet", message);
}

Shape shape_of(const NDArray& t) {
  int n = 0;
  const int* dims = nullptr;
  check(api().MXNDArrayGetShapeEx(t.handle(), &n, &dims), "shape");
  return Shape(dims, dims + (n > 0 ? n : 0));
}

DType dtype_of(const NDArray& t) {
  int code = 0;
  check(api().MXNDArrayGetDType(t.handle(), &code), "dtype");
  return from_mx(code);
}

NDArray host_array(const Shape& shape, DType d,
                   const std::function<void(void*, std::size_t)>& fill) {
  const Api& a = api();
  std::vector<std::uint32_t> dims;
  std::size_t n = 1;
  for (std::int64_t v : shape) {
    if (v > 0xffffffffLL)
      detail::raise<UnsupportedError>(
          "allocate", "mxnet",
          "MXNet dimensions are 32-bit; " + std::to_string(v) + " does not fit");
    dims.push_back(static_cast<std::uint32_t>(v));
    n *= static_cast<std::size_t>(v);
  }
  NDArrayHandle h = nullptr;
  check(a.MXNDArrayCreateEx(dims.data(), static_cast<std::uint32_t>(dims.size()), 1, 0, 0, to_mx(d),
                            &h),
        "allocate");
  NDArray out = NDArray::adopt(h);
  if (n > 0) {
    std::vector<unsigned char> bytes(n * itemsize(d));
    fill(bytes.data(), bytes.size());
    check(a.MXNDArraySyncCopyFromCPU(h, bytes.data(), n), "from_host");
  }
  return out;
}

NDArray full_array(const Shape& s, DType d, const Scalar& value) {
  if (numel(s) == 0) return empty_array(s, d);
  const bool half = d == DType::float16 || d == DType::bfloat16;
  const DType host = half ? DType::float32 : d;
  const NDArray a = host_array(
      s, host, [&](void* dst, std::size_t n) { fill_value(value, host, dst, n, "mxnet"); });
  return half ? cast_to(a, d, "full") : a;
}

NDArray scalar(const Scalar& value, DType d) { return full_array({}, d, value); }

std::string tuple(const std::vector<std::int64_t>& values) {
  std::string s = "(";
  for (std::int64_t v : values) s += std::to_string(v) + ",";
  return s + ")";
}

Op::Op(const char* name, std::string_view fn) : fn_(fn) {
  // Keyed by the name's characters without copying them: operator names are string literals.
  thread_local std::unordered_map<std::string_view, OpHandle> handles;
  auto it = handles.find(name);
  if (it == handles.end()) {
    OpHandle h = nullptr;
    check(api().NNGetOpHandle(name, &h), fn);
    it = handles.emplace(name, h).first;
  }
  op_ = it->second;
}

Op& Op::input(const NDArray& t) {
  if (!t) detail::raise<ValueError>(fn_, "mxnet", "an empty ivy::mxnet::NDArray");
  inputs_.push_back(t.handle());
  keep_.push_back(t);
  return *this;
}

Op& Op::inputs(const std::vector<NDArray>& ts) {
  for (const NDArray& t : ts) input(t);
  return *this;
}

Op& Op::param(const char* key, std::string value) {
  keys_.emplace_back(key);
  values_.push_back(std::move(value));
  return *this;
}

namespace {
std::vector<NDArray> invoke(OpHandle op, std::vector<NDArrayHandle>& inputs,
                            const std::vector<std::string>& keys,
                            const std::vector<std::string>& values, int* rc) {
  std::vector<const char*> k, v;
  for (const std::string& s : keys) k.push_back(s.c_str());
  for (const std::string& s : values) v.push_back(s.c_str());
  int n = 0;
  NDArrayHandle* outs = nullptr;
  const Api& a = api();
  *rc = a.MXImperativeInvoke(op, static_cast<int>(inputs.size()), inputs.data(), &n, &outs,
                             static_cast<int>(k.size()), k.data(), v.data());
  std::vector<NDArray> result;
  if (*rc != 0) return result;
  for (int i = 0; i < n; ++i) result.push_back(NDArray::adopt(outs[i]));
  // Under a threaded engine an operator's failure shows when its output is read: wait here, so
  // that it is raised by the call that caused it.
  for (const NDArray& r : result)
    if ((*rc = a.MXNDArrayWaitToRead(r.handle())) != 0) break;
  return result;
}
}  // namespace

std::vector<NDArray> Op::run() {
  int rc = 0;
  std::vector<NDArray> r = invoke(op_, inputs_, keys_, values_, &rc);
  check(rc, fn_);
  if (tracing()) record(op_, keep_, keys_, values_, r);
  return r;
}

std::vector<NDArray> Op::run_or_value_error(std::string_view what) {
  int rc = 0;
  std::vector<NDArray> r = invoke(op_, inputs_, keys_, values_, &rc);
  if (rc != 0) {
    std::string message = api().MXGetLastError();
    message = message.substr(0, message.find('\n'));
    detail::raise<ValueError>(fn_, "mxnet", std::string(what) + " (" + message + ")");
  }
  if (tracing()) record(op_, keep_, keys_, values_, r);
  return r;
}

NDArray run(const char* name, std::string_view fn, std::initializer_list<NDArray> inputs,
            std::initializer_list<std::pair<const char*, std::string>> params) {
  Op op(name, fn);
  for (const NDArray& t : inputs) op.input(t);
  for (const auto& [k, v] : params) op.param(k, v);
  return op.run1();
}

NDArray cast_to(const NDArray& x, DType d, std::string_view fn) {
  if (dtype_of(x) == d) return x;
  return run("Cast", fn, {x}, {{"dtype", mx_name(d)}});
}

NDArray reshape_to(const NDArray& x, const Shape& s, std::string_view fn) {
  return bool_as_uint8(x, [&](const NDArray& t) {
    return run("_np_reshape", fn, {t}, {{"newshape", tuple(s)}});
  });
}

void read_host(const NDArray& t, void* dst, std::size_t n, std::string_view fn) {
  if (tracing() && traced(t))
    untraceable(std::string(fn) + " reads the elements of a traced array on the host");
  if (n) check(api().MXNDArraySyncCopyToCPU(t.handle(), dst, n), fn);
}

bool empty(const NDArray& t) {
  for (std::int64_t v : shape_of(t))
    if (v == 0) return true;
  return false;
}

NDArray empty_array(const Shape& s, DType d) {
  return host_array(s, d, [](void*, std::size_t) {});
}

void require_cpu(const Device& d, std::string_view fn) {
  if (!d.is_cpu())
    detail::raise<UnsupportedError>(fn, "mxnet",
                                    "the mxnet wheel's MXNet runs on the cpu only, not " + d.str());
}

}  // namespace ivy::backends::mxnet_impl

namespace ivy::mxnet {

NDArray NDArray::adopt(void* handle) {
  NDArray a;
  a.h_ =
      std::shared_ptr<void>(handle, [](void* p) { backends::mxnet_impl::api().MXNDArrayFree(p); });
  return a;
}

}  // namespace ivy::mxnet
