// Container::to_disk_as_hdf5: a group per node, a dataset per leaf (layout in docs/container.md).
#include <cstdint>
#include <cstring>
#include <vector>

#include "container/access.hpp"
#include "container/hdf5_handle.hpp"
#include "ivy/container.hpp"
#include "ivy/core/errors.hpp"

namespace ivy {

namespace {
using detail::H5Handle;
using detail::H5Place;

// A leaf's elements on the host with the HDF5 types to write them as.
struct Encoded {
  std::vector<unsigned char> bytes;
  hid_t type = -1;  // the same type in memory and in the file
  std::string ivy_dtype;
};

template <class T>
void put(Encoded& e, const std::vector<T>& values, hid_t type) {
  e.bytes.resize(values.size() * sizeof(T) + 1);  // + 1: never a null buffer, even for no elements
  if (!values.empty()) std::memcpy(e.bytes.data(), values.data(), values.size() * sizeof(T));
  e.type = type;
}

void put_bools(Encoded& e, const std::vector<bool>& values, hid_t bool_type) {
  std::vector<std::int8_t> bytes(values.begin(), values.end());
  put(e, bytes, bool_type);
}

Encoded encode_array(const Array& x, hid_t bool_type) {
  Encoded e;
  e.ivy_dtype = std::string(dtype_name(x.dtype()));
  switch (x.dtype()) {
    case DType::bool_:
      put_bools(e, x.to_vector<bool>(), bool_type);
      break;
    case DType::int8:
      put(e, x.to_vector<std::int8_t>(), H5T_NATIVE_INT8);
      break;
    case DType::int16:
      put(e, x.to_vector<std::int16_t>(), H5T_NATIVE_INT16);
      break;
    case DType::int32:
      put(e, x.to_vector<std::int32_t>(), H5T_NATIVE_INT32);
      break;
    case DType::int64:
      put(e, x.to_vector<std::int64_t>(), H5T_NATIVE_INT64);
      break;
    case DType::uint8:
      put(e, x.to_vector<std::uint8_t>(), H5T_NATIVE_UINT8);
      break;
    case DType::float64:
      put(e, x.to_vector<double>(), H5T_NATIVE_DOUBLE);
      break;
    case DType::float32:
    case DType::float16:  // widened exactly to float32
    case DType::bfloat16:
      put(e, x.to_vector<float>(), H5T_NATIVE_FLOAT);
      break;
  }
  return e;
}

Encoded encode_scalar(const Scalar& s, hid_t bool_type) {
  Encoded e;
  switch (s.kind()) {
    case Scalar::Kind::boolean:
      put_bools(e, {s.as_bool()}, bool_type);
      e.ivy_dtype = "bool";
      break;
    case Scalar::Kind::integer:
      put(e, std::vector<std::int64_t>{s.as_int()}, H5T_NATIVE_INT64);
      e.ivy_dtype = "int64";
      break;
    case Scalar::Kind::floating:
      put(e, std::vector<double>{s.as_double()}, H5T_NATIVE_DOUBLE);
      e.ivy_dtype = "float64";
      break;
  }
  return e;
}

H5Handle dataspace(const Leaf& leaf) {
  if (leaf.is_scalar() || leaf.array().ndim() == 0) return {H5Screate(H5S_SCALAR), H5Sclose};
  const Shape s = leaf.array().shape();
  const std::vector<hsize_t> dims(s.begin(), s.end());
  return {H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr), H5Sclose};
}

// Fixed-length ASCII (h5py reads it as bytes): unlike variable-length strings it needs no
// global heap, whose reading HDF5 does not guard against corrupt files.
void write_string_attribute(hid_t obj, const char* name, const std::string& value,
                            const H5Place& at) {
  const H5Handle type(H5Tcopy(H5T_C_S1), H5Tclose);
  H5Tset_size(type.get(), value.size());
  H5Tset_strpad(type.get(), H5T_STR_NULLPAD);
  const H5Handle space(H5Screate(H5S_SCALAR), H5Sclose);
  const H5Handle attr(H5Acreate2(obj, name, type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT),
                      H5Aclose);
  if (!attr.ok() || H5Awrite(attr.get(), type.get(), value.data()) < 0)
    at.fail(std::string("cannot write the attribute ") + name);
}

void write_scalar_flag(hid_t obj, const H5Place& at) {
  const H5Handle space(H5Screate(H5S_SCALAR), H5Sclose);
  const H5Handle attr(
      H5Acreate2(obj, "ivy_scalar", H5T_STD_U8LE, space.get(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose);
  const std::uint8_t one = 1;
  if (!attr.ok() || H5Awrite(attr.get(), H5T_NATIVE_UINT8, &one) < 0)
    at.fail("cannot write the attribute ivy_scalar");
}

void write_leaf(hid_t group, const std::string& key, const std::string& kc, const Leaf& leaf,
                const H5Place& at) {
  const H5Handle bool_type = detail::bool_enum_type();
  const Encoded e = leaf.is_array() ? encode_array(leaf.array(), bool_type.get())
                                    : encode_scalar(leaf.scalar(), bool_type.get());
  const H5Handle space = dataspace(leaf);
  const H5Handle ds(
      H5Dcreate2(group, key.c_str(), e.type, space.get(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
      H5Dclose);
  if (!ds.ok() || H5Dwrite(ds.get(), e.type, H5S_ALL, H5S_ALL, H5P_DEFAULT, e.bytes.data()) < 0)
    at.fail("cannot write the dataset '" + kc + "'");
  write_string_attribute(ds.get(), "ivy_dtype", e.ivy_dtype, at);
  if (leaf.is_scalar()) write_scalar_flag(ds.get(), at);
}

void write_node(hid_t group, const Container& c, const std::string& prefix, const H5Place& at) {
  for (const Container::Item& item : c.items()) {
    const std::string kc = detail::join_key_chain(prefix, item.first);
    if (item.second.is_leaf()) {
      detail::at_key_chain(kc, [&] { write_leaf(group, item.first, kc, item.second.leaf(), at); });
      continue;
    }
    const H5Handle sub(H5Gcreate2(group, item.first.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                       H5Gclose);
    at.check(sub.get(), "cannot create the group '" + kc + "'");
    write_node(sub.get(), item.second, kc, at);
  }
}
}  // namespace

void Container::to_disk_as_hdf5(const std::string& path) const {
  const H5Place at{"Container::to_disk_as_hdf5", "core", path};
  if (is_leaf())
    detail::raise<ValueError>(at.fn, at.backend,
                              "'" + path +
                                  "': a leaf has no key to store it under; save a "
                                  "container that holds it");
  const detail::QuietHdf5 quiet;
  H5Handle file(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), H5Fclose);
  at.check(file.get(), "cannot create the file");
  write_node(file.get(), *this, "", at);
  if (H5Fflush(file.get(), H5F_SCOPE_GLOBAL) < 0) at.fail("cannot flush the file");
}

}  // namespace ivy
