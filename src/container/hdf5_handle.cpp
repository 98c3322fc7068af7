#include "container/hdf5_handle.hpp"

#include <cstdint>

#include "ivy/core/errors.hpp"

namespace ivy::detail {

void H5Place::fail(const std::string& what) const {
  raise<IOError>(fn, backend, "'" + path + "': " + what);
}

H5Handle bool_enum_type() {
  H5Handle t(H5Tenum_create(H5T_NATIVE_INT8), H5Tclose);
  const std::int8_t no = 0, yes = 1;
  H5Tenum_insert(t.get(), "FALSE", &no);
  H5Tenum_insert(t.get(), "TRUE", &yes);
  return t;
}

H5Handle string_type() {
  H5Handle t(H5Tcopy(H5T_C_S1), H5Tclose);
  H5Tset_size(t.get(), H5T_VARIABLE);
  H5Tset_cset(t.get(), H5T_CSET_UTF8);
  return t;
}

}  // namespace ivy::detail
