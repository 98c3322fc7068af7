// Container::from_disk_as_hdf5: groups become nodes, datasets leaves. Files of h5py without
// ivy's attributes load too, their dtypes inferred from the HDF5 types.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "container/access.hpp"
#include "container/hdf5_handle.hpp"
#include "ivy/container.hpp"
#include "ivy/core/errors.hpp"
#include "ivy/core/framework.hpp"
#include "ivy/core/options.hpp"
#include "ivy/ops/conversion.hpp"
#include "ivy/ops/creation.hpp"
#include "ops/dispatch.hpp"

namespace ivy {

namespace {
using detail::H5Handle;
using detail::H5Place;

std::optional<std::string> string_attribute(hid_t obj, const char* name, const H5Place& at,
                                            const std::string& kc) {
  if (H5Aexists(obj, name) <= 0) return std::nullopt;
  const H5Handle attr(H5Aopen(obj, name, H5P_DEFAULT), H5Aclose);
  const H5Handle type(H5Aget_type(attr.get()), H5Tclose);
  if (!attr.ok() || !type.ok() || H5Tget_class(type.get()) != H5T_STRING)
    at.fail("the attribute " + std::string(name) + " of '" + kc + "' is not a string");
  if (H5Tis_variable_str(type.get()) > 0) {
    const H5Handle mem = detail::string_type();
    char* text = nullptr;
    if (H5Aread(attr.get(), mem.get(), &text) < 0 || !text)
      at.fail("cannot read the attribute " + std::string(name) + " of '" + kc + "'");
    std::string out(text);
    H5free_memory(text);
    return out;
  }
  std::string out(H5Tget_size(type.get()), '\0');
  if (H5Aread(attr.get(), type.get(), out.data()) < 0)
    at.fail("cannot read the attribute " + std::string(name) + " of '" + kc + "'");
  return out.substr(0, out.find('\0'));
}

// The ivy dtype of a dataset written without ivy's attribute (by h5py, say).
DType infer_dtype(hid_t type, const H5Place& at, const std::string& kc) {
  const std::size_t size = H5Tget_size(type);
  switch (H5Tget_class(type)) {
    case H5T_ENUM:
      if (size == 1 && H5Tget_nmembers(type) == 2) return DType::bool_;
      break;
    case H5T_FLOAT:
      if (size == 2) return DType::float16;
      if (size == 4) return DType::float32;
      if (size == 8) return DType::float64;
      break;
    case H5T_INTEGER: {
      const bool is_signed = H5Tget_sign(type) == H5T_SGN_2;
      if (size == 1) return is_signed ? DType::int8 : DType::uint8;
      if (size == 2) return is_signed ? DType::int16 : DType::int32;
      if (size == 4) return is_signed ? DType::int32 : DType::int64;
      if (size == 8 && is_signed) return DType::int64;
      break;
    }
    default:
      break;
  }
  at.fail("the dataset '" + kc + "' has an HDF5 type ivy cannot hold (class " +
          std::to_string(static_cast<int>(H5Tget_class(type))) + ", " + std::to_string(size) +
          " bytes)");
}

// Memory type and element size to read dtype d in; float16 and bfloat16 are read as float32.
std::pair<hid_t, std::size_t> memory_type(DType d) {
  switch (d) {
    case DType::bool_:
    case DType::uint8:
      return {H5T_NATIVE_UINT8, 1};
    case DType::int8:
      return {H5T_NATIVE_INT8, 1};
    case DType::int16:
      return {H5T_NATIVE_INT16, 2};
    case DType::int32:
      return {H5T_NATIVE_INT32, 4};
    case DType::int64:
      return {H5T_NATIVE_INT64, 8};
    case DType::float64:
      return {H5T_NATIVE_DOUBLE, 8};
    case DType::float32:
    case DType::float16:  // stored as float32
    case DType::bfloat16:
      break;
  }
  return {H5T_NATIVE_FLOAT, 4};
}

struct Raw {
  Shape shape;
  DType dtype;
  std::vector<unsigned char> bytes;
};

// A contiguous, unfiltered dataset whose storage is allocated holds exactly its declared bytes;
// a file where it holds fewer is corrupt (or crafted: a few KB declaring gigabytes), and is
// refused before the declared size is allocated. Datasets never written (read as their fill
// value) and chunked or compressed ones may legitimately be far larger than their storage.
void check_stored_size(hid_t ds, hid_t file_type, const Shape& shape, const H5Place& at,
                       const std::string& kc) {
  const H5Handle dcpl(H5Dget_create_plist(ds), H5Pclose);
  at.check(dcpl.get(), "cannot read the layout of '" + kc + "'");
  H5D_space_status_t status{};
  if (H5Pget_layout(dcpl.get()) != H5D_CONTIGUOUS || H5Pget_nfilters(dcpl.get()) != 0 ||
      H5Dget_space_status(ds, &status) < 0 || status != H5D_SPACE_STATUS_ALLOCATED)
    return;
  const long double declared =
      static_cast<long double>(numel(shape)) * static_cast<long double>(H5Tget_size(file_type));
  const hsize_t stored = H5Dget_storage_size(ds);
  if (declared > static_cast<long double>(stored))
    at.fail("the dataset '" + kc + "' of shape " + shape_str(shape) + " stores " +
            std::to_string(stored) +
            " bytes, fewer than its shape and type declare: the file is "
            "corrupt");
}

Raw read_raw(hid_t ds, const H5Place& at, const std::string& kc) {
  const H5Handle type(H5Dget_type(ds), H5Tclose);
  const H5Handle space(H5Dget_space(ds), H5Sclose);
  at.check(type.get(), "cannot read the type of '" + kc + "'");
  const int ndim = H5Sget_simple_extent_ndims(space.get());
  if (ndim < 0) at.fail("cannot read the shape of '" + kc + "'");
  std::vector<hsize_t> dims(static_cast<std::size_t>(ndim));
  if (ndim > 0 && H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr) < 0)
    at.fail("cannot read the shape of '" + kc + "'");
  Raw raw{Shape(dims.begin(), dims.end()), DType::float32, {}};
  const auto name = string_attribute(ds, "ivy_dtype", at, kc);
  try {
    raw.dtype = name ? dtype_from_name(*name) : infer_dtype(type.get(), at, kc);
  } catch (const DTypeError&) {
    at.fail("the dataset '" + kc + "' has an unknown ivy_dtype '" + *name + "'");
  }
  auto [mem, itemsize] = memory_type(raw.dtype);
  // An enum (h5py's bool) converts only to an enum: read it through ivy's bool enum.
  const bool is_enum = H5Tget_class(type.get()) == H5T_ENUM;
  const H5Handle bool_type = detail::bool_enum_type();
  if (raw.dtype == DType::bool_ && is_enum) mem = bool_type.get();
  // The file's declared shape, not its size, sets the allocation: check it like a creation's
  // shape (a 6 KB file may declare 2^56 bytes).
  detail::check_shape(raw.shape, at.fn, at.backend, itemsize);
  check_stored_size(ds, type.get(), raw.shape, at, kc);
  raw.bytes.resize(static_cast<std::size_t>(numel(raw.shape)) * itemsize + 1);
  if (H5Dread(ds, mem, H5S_ALL, H5S_ALL, H5P_DEFAULT, raw.bytes.data()) < 0)
    at.fail("cannot read the dataset '" + kc + "' as " + std::string(dtype_name(raw.dtype)));
  if (raw.dtype == DType::bool_)
    for (auto& b : raw.bytes) b = b != 0;
  return raw;
}

Leaf to_scalar(const Raw& raw, const H5Place& at, const std::string& kc) {
  if (numel(raw.shape) != 1) at.fail("the scalar '" + kc + "' has shape " + shape_str(raw.shape));
  const unsigned char* p = raw.bytes.data();
  switch (raw.dtype) {
    case DType::bool_:
      return Scalar(p[0] != 0);
    case DType::float64: {
      double v;
      std::memcpy(&v, p, sizeof v);
      return Scalar(v);
    }
    case DType::int64: {
      std::int64_t v;
      std::memcpy(&v, p, sizeof v);
      return Scalar(v);
    }
    case DType::int8:
    case DType::int16:
    case DType::int32:
    case DType::uint8:
    case DType::float16:
    case DType::bfloat16:
    case DType::float32:
      break;
  }
  at.fail("the scalar '" + kc + "' has dtype " + std::string(dtype_name(raw.dtype)) +
          " (bool, int64 or float64 expected)");
}

Leaf read_leaf(hid_t ds, const Backend& b, const H5Place& at, const std::string& kc) {
  const Raw raw = read_raw(ds, at, kc);
  if (H5Aexists(ds, "ivy_scalar") > 0) return to_scalar(raw, at, kc);
  const bool widened = raw.dtype == DType::float16 || raw.dtype == DType::bfloat16;
  const DType stored = widened ? DType::float32 : raw.dtype;
  const Array a = from_buffer(raw.bytes.data(), raw.shape, stored, Options(b));
  return stored == raw.dtype ? a : cast(a, raw.dtype);
}

std::string link_name(hid_t group, hsize_t i, const H5Place& at, const std::string& prefix) {
  const ssize_t n =
      H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT);
  if (n < 0) at.fail("cannot list the group '" + prefix + "'");
  std::string name(static_cast<std::size_t>(n) + 1, '\0');
  H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, i, name.data(), name.size(),
                     H5P_DEFAULT);
  name.resize(static_cast<std::size_t>(n));
  return name;
}

// Deeper nesting than any real Container: a group linked into itself would recurse forever.
constexpr int kMaxGroupDepth = 64;

Container read_group(hid_t group, const Backend& b, const H5Place& at, const std::string& prefix,
                     int depth = 0) {
  if (depth > kMaxGroupDepth)
    at.fail("groups nested deeper than " + std::to_string(kMaxGroupDepth) + " at '" + prefix +
            "' (a group linked into itself?)");
  H5G_info_t info;
  if (H5Gget_info(group, &info) < 0) at.fail("cannot read the group '" + prefix + "'");
  Container out;
  for (hsize_t i = 0; i < info.nlinks; ++i) {
    const std::string key = link_name(group, i, at, prefix);
    const std::string kc = detail::join_key_chain(prefix, key);
    const H5Handle obj(H5Oopen(group, key.c_str(), H5P_DEFAULT), H5Oclose);
    at.check(obj.get(), "cannot open '" + kc + "'");
    const H5I_type_t kind = H5Iget_type(obj.get());
    Container& slot = detail::ContainerAccess::find_or_insert(out, key);
    if (kind == H5I_GROUP)
      slot = read_group(obj.get(), b, at, kc, depth + 1);
    else if (kind == H5I_DATASET)
      slot = detail::at_key_chain(kc, [&] { return Container(read_leaf(obj.get(), b, at, kc)); });
    else
      at.fail("'" + kc + "' is neither a group nor a dataset");
  }
  return out;
}
}  // namespace

Container Container::from_disk_as_hdf5(const std::string& path) {
  return from_disk_as_hdf5(path, current_backend());
}

Container Container::from_disk_as_hdf5(const std::string& path, const Backend& b) {
  const H5Place at{"Container::from_disk_as_hdf5", backend_name(b), path};
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) at.fail("no such file");
  const detail::QuietHdf5 quiet;
  if (H5Fis_hdf5(path.c_str()) <= 0) at.fail("not an HDF5 file (or a corrupt one)");
  const H5Handle file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
  at.check(file.get(), "cannot open the file (truncated or corrupt?)");
  const H5Handle root(H5Gopen2(file.get(), "/", H5P_DEFAULT), H5Gclose);
  at.check(root.get(), "cannot open the root group");
  return read_group(root.get(), b, at, "");
}

}  // namespace ivy
