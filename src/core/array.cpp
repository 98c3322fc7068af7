#include "ivy/core/array.hpp"

#include <cstring>
#include <sstream>

#include "ivy/backend/contract.hpp"
#include "ivy/core/dtype_of.hpp"
#include "ivy/core/errors.hpp"
#include "ivy/ops/conversion.hpp"

namespace ivy {

Array::Array(const Array& other) : backend_(other.backend_), node_(other.node_) {
  if (node_) [[unlikely]]
    detail::retain(node_);
  if (backend_) backend_->copy_handle(handle_, other.handle_);
}

Array::Array(Array&& other) noexcept : backend_(other.backend_), node_(other.node_) {
  if (backend_) backend_->move_handle(handle_, other.handle_);
  other.backend_ = nullptr;
  other.node_ = nullptr;
}

Array& Array::operator=(const Array& other) {
  if (this != &other) {
    Array copy(other);
    *this = std::move(copy);
  }
  return *this;
}

Array& Array::operator=(Array&& other) noexcept {
  if (this != &other) {
    if (backend_) backend_->destroy_handle(handle_);
    if (node_) [[unlikely]]
      detail::release(node_);
    backend_ = other.backend_;
    node_ = other.node_;
    if (backend_) backend_->move_handle(handle_, other.handle_);
    other.backend_ = nullptr;
    other.node_ = nullptr;
  }
  return *this;
}

Array::~Array() {
  if (backend_) backend_->destroy_handle(handle_);
  if (node_) [[unlikely]]
    detail::release(node_);
}

void Array::set_grad_node(detail::GradNode* node) noexcept {
  if (node) detail::retain(node);
  if (node_) detail::release(node_);
  node_ = node;
}

const Backend& Array::backend() const {
  if (!backend_) detail::raise<ValueError>("Array::backend", "none", "the Array is undefined");
  return *backend_;
}

std::string_view Array::backend_name() const { return backend_ ? backend_->name : "none"; }

DType Array::dtype() const { return backend().dtype(*this); }
Shape Array::shape() const { return backend().shape(*this); }
int Array::ndim() const {
  const Backend& b = backend();
  return b.ndim ? b.ndim(*this) : static_cast<int>(b.shape(*this).size());
}
std::int64_t Array::size() const { return numel(shape()); }
std::int64_t Array::dim(int axis) const {
  const Shape s = shape();
  return s[detail::normalize_axis(axis, static_cast<int>(s.size()), "Array::dim", backend_name())];
}
Device Array::device() const { return backend().device(*this); }

template <class T>
std::vector<T> Array::to_vector() const {
  const Array converted = ivy::cast(*this, dtype_of_v<T>);
  std::vector<T> out(static_cast<std::size_t>(converted.size()));
  if constexpr (std::is_same_v<T, bool>) {
    // std::vector<bool> is packed: go through a byte buffer.
    std::vector<std::uint8_t> bytes(out.size());
    if (!bytes.empty()) backend().to_host(converted, bytes.data());
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = bytes[i] != 0;
  } else {
    if (!out.empty()) backend().to_host(converted, out.data());
  }
  return out;
}

template <class T>
T Array::item() const {
  const Shape s = shape();
  if (numel(s) != 1)
    detail::raise<ShapeError>("item", backend_name(),
                              "needs an array of one element, got shape " + shape_str(s));
  return to_vector<T>()[0];
}

std::string Array::to_string() const {
  if (!defined()) return "Array(undefined)";
  std::ostringstream os;
  os << "Array(shape=" << shape_str(shape()) << ", dtype=" << dtype_name(dtype())
     << ", backend=" << backend_name() << ") [";
  // Integers print exactly (through double, 123456789 would print as 1.23457e+08).
  const auto print = [&os](const auto& values) {
    for (std::size_t i = 0; i < values.size(); ++i) os << (i ? ", " : "") << values[i];
  };
  if (is_floating(dtype()))
    print(to_vector<double>());
  else
    print(to_vector<std::int64_t>());
  os << "]";
  return os.str();
}

std::ostream& operator<<(std::ostream& os, const Array& x) { return os << x.to_string(); }

#define IVY_INSTANTIATE(T)                             \
  template std::vector<T> Array::to_vector<T>() const; \
  template T Array::item<T>() const;
IVY_INSTANTIATE(bool)
IVY_INSTANTIATE(std::int8_t)
IVY_INSTANTIATE(std::int16_t)
IVY_INSTANTIATE(std::int32_t)
IVY_INSTANTIATE(std::int64_t)
IVY_INSTANTIATE(std::uint8_t)
IVY_INSTANTIATE(float)
IVY_INSTANTIATE(double)
#undef IVY_INSTANTIATE

}  // namespace ivy
