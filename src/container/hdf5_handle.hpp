#pragma once
// Small RAII wrappers over the HDF5 C API, for the Container's save and load only.
#include <hdf5.h>

#include <string>
#include <string_view>
#include <utility>

namespace ivy::detail {

/** Owns an HDF5 identifier and closes it with the matching H5?close function. */
class H5Handle {
 public:
  using Close = herr_t (*)(hid_t);
  H5Handle(hid_t id, Close close) : id_(id), close_(close) {}
  H5Handle(H5Handle&& o) noexcept : id_(std::exchange(o.id_, -1)), close_(o.close_) {}
  H5Handle(const H5Handle&) = delete;
  H5Handle& operator=(const H5Handle&) = delete;
  H5Handle& operator=(H5Handle&&) = delete;
  ~H5Handle() {
    if (id_ >= 0) close_(id_);
  }
  hid_t get() const { return id_; }
  bool ok() const { return id_ >= 0; }

 private:
  hid_t id_;
  Close close_;
};

/** While alive, HDF5 prints no error stacks to stderr (we report through IOError instead). */
class QuietHdf5 {
 public:
  QuietHdf5() {
    H5Eget_auto2(H5E_DEFAULT, &func_, &data_);
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  }
  ~QuietHdf5() { H5Eset_auto2(H5E_DEFAULT, func_, data_); }
  QuietHdf5(const QuietHdf5&) = delete;
  QuietHdf5& operator=(const QuietHdf5&) = delete;

 private:
  H5E_auto2_t func_ = nullptr;
  void* data_ = nullptr;
};

/** Where an HDF5 call happens, for error messages: "ivy::fn [backend]: 'path': what". */
struct H5Place {
  std::string_view fn;
  std::string_view backend;
  const std::string& path;

  [[noreturn]] void fail(const std::string& what) const;
  /** id itself, or fail(what) when the HDF5 call returned an error. */
  hid_t check(hid_t id, const std::string& what) const {
    if (id < 0) fail(what);
    return id;
  }
};

/** h5py's bool: an 8-bit enum with FALSE = 0 and TRUE = 1. */
H5Handle bool_enum_type();
/** A variable-length UTF-8 string type, as h5py writes str attributes. */
H5Handle string_type();

}  // namespace ivy::detail
