// DLPack both ways: Array.__dlpack__ hands out a capsule sharing the array's memory, and
// from_dlpack takes any producer's capsule (NumPy, PyTorch, ...) into a backend.
#include <dlpack/dlpack.h>
#include <nanobind/stl/string.h>

#include "common.hpp"

namespace ivypy {
namespace {

// DLPack 0.8 has a bool code; ivy's header (0.6) sends bool as uint8.
constexpr std::uint8_t kBoolCode = 6;

void capsule_destructor(PyObject* capsule) {
  // A consumer renames the capsule to "used_dltensor" and takes over the deleter.
  if (PyCapsule_IsValid(capsule, "dltensor")) {
    auto* t = static_cast<DLManagedTensor*>(PyCapsule_GetPointer(capsule, "dltensor"));
    if (t && t->deleter) t->deleter(t);
  } else {
    PyErr_Clear();
  }
}

nb::object export_capsule(const ivy::Array& x) {
  DLManagedTensor* t = ivy::to_dlpack(x);
  if (ivy::is_bool(x.dtype())) t->dl_tensor.dtype = {kBoolCode, 8, 1};
  PyObject* cap = PyCapsule_New(t, "dltensor", capsule_destructor);
  if (!cap) {
    t->deleter(t);
    throw nb::python_error();
  }
  return nb::steal(cap);
}

nb::tuple dlpack_device(const ivy::Array& x) {
  const ivy::Device d = x.device();
  return d.is_cpu() ? nb::make_tuple(static_cast<int>(kDLCPU), 0)
                    : nb::make_tuple(static_cast<int>(kDLCUDA), d.index());
}

}  // namespace

ivy::Array copy_array(const ivy::Array& x) {
  DLManagedTensor* t = ivy::to_dlpack(x);
  try {
    ivy::Array out = ivy::from_buffer(t->dl_tensor.data, x.shape(), x.dtype(),
                                      ivy::Options(x.backend()).to(x.device()));
    t->deleter(t);
    return out;
  } catch (...) {
    t->deleter(t);
    throw;
  }
}

const void* element_address(const DLTensor& t) {
  return static_cast<const char*>(t.data) + t.byte_offset;
}

ivy::Array import_dlpack(nb::handle obj, const ivy::Backend& b, const char* fn, bool* shared) {
  const std::string where = std::string("ivycpp.") + fn + ": ";
  nb::object capsule;
  if (PyCapsule_CheckExact(obj.ptr())) {
    capsule = nb::borrow(obj);
  } else if (nb::hasattr(obj, "__dlpack__")) {
    capsule = obj.attr("__dlpack__")();
  } else {
    type_error(fn, "x", "an object with __dlpack__ or a DLPack capsule", obj);
  }
  // A capsule is consumed once: the consumer renames it "used_dltensor" (DLPack's protocol).
  if (!PyCapsule_IsValid(capsule.ptr(), "dltensor")) {
    const bool used = PyCapsule_IsValid(capsule.ptr(), "used_dltensor");
    throw nb::value_error((where + (used ? "this DLPack capsule was already consumed (a capsule "
                                           "can be imported once; call __dlpack__ again)"
                                         : "__dlpack__ did not return a DLPack capsule"))
                              .c_str());
  }
  auto* t = static_cast<DLManagedTensor*>(PyCapsule_GetPointer(capsule.ptr(), "dltensor"));
  if (!t) throw nb::python_error();
  if (PyCapsule_SetName(capsule.ptr(), "used_dltensor") != 0) throw nb::python_error();
  const void* producer = element_address(t->dl_tensor);
  const bool is_bool = t->dl_tensor.dtype.code == kBoolCode && t->dl_tensor.dtype.bits == 8;
  if (is_bool) t->dl_tensor.dtype = {kDLUInt, 8, 1};
  ivy::Array out = ivy::from_dlpack(t, b);  // t belongs to out (or is released) from here
  if (shared) {
    DLManagedTensor* mine = ivy::to_dlpack(out);
    *shared = out.size() == 0 || element_address(mine->dl_tensor) == producer;
    if (mine->deleter) mine->deleter(mine);
  }
  return is_bool ? ivy::cast(out, ivy::bool_) : out;
}

void bind_dlpack(nb::module_& m, nb::class_<ivy::Array>& cls) {
  cls.def(
      "__dlpack__",
      [](const ivy::Array& x, nb::handle stream, nb::handle, nb::handle dl_device,
         nb::handle copy) {
        if (!stream.is_none() && !x.device().is_cpu())
          throw nb::buffer_error("ivycpp: DLPack streams are not supported");
        if (!dl_device.is_none() && !dl_device.equal(dlpack_device(x)))
          throw nb::buffer_error(
              "ivycpp.Array.__dlpack__: export to another device is not supported");
        if (to_opt_bool(copy, "Array.__dlpack__", "copy").value_or(false))
          return export_capsule(copy_array(x));
        return export_capsule(x);
      },
      nb::kw_only(), nb::arg("stream").none() = nb::none(),
      nb::arg("max_version").none() = nb::none(), nb::arg("dl_device").none() = nb::none(),
      nb::arg("copy").none() = nb::none());
  cls.def("__dlpack_device__", &dlpack_device);
  m.def(
      "from_dlpack",
      [](nb::handle x, nb::handle device, nb::handle copy, nb::handle backend) {
        const char* fn = "from_dlpack";
        const std::optional<bool> c = to_opt_bool(copy, fn, "copy");
        const bool want_copy = c.value_or(false), no_copy = c && !*c;
        const std::optional<ivy::Device> dev = to_device(device, fn);
        const ivy::Backend& b = backend_or_current(backend, fn);
        ivy::Array out;
        bool shared = true;
        if (nb::isinstance<ivy::Array>(x) && backend.is_none()) {
          out = nb::cast<const ivy::Array&>(x);
        } else {
          out = import_dlpack(x, b, fn, &shared);
        }
        if (no_copy && !shared)
          throw nb::buffer_error(("ivycpp.from_dlpack: copy=False, but the " +
                                  std::string(out.backend_name()) + " backend copies on import")
                                     .c_str());
        if (want_copy && shared) out = copy_array(out);
        // A device the backend cannot place the array on is the standard's ValueError (not
        // the backend's own error, nor a silent stay on the producer's device).
        if (dev && !(*dev == out.device())) {
          if (no_copy)
            throw nb::buffer_error(
                ("ivycpp.from_dlpack: copy=False, but moving to " + dev->str() + " is a copy")
                    .c_str());
          try {
            out = ivy::to_device(out, *dev);
          } catch (const ivy::Error& e) {
            throw nb::value_error(("ivycpp.from_dlpack: cannot place the array on " + dev->str() +
                                   " [" + std::string(out.backend_name()) + "]: " + e.what())
                                      .c_str());
          }
        }
        return out;
      },
      nb::arg("x"), nb::kw_only(), nb::arg("device").none() = nb::none(),
      nb::arg("copy").none() = nb::none(), nb::arg("backend").none() = nb::none(),
      "An array sharing x's memory where the backend allows it (torch; xtensor and mlx copy on "
      "import). copy=True always copies; copy=False raises BufferError where a copy is needed.");
}

}  // namespace ivypy
