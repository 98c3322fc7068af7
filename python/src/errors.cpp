// ivy::Error and its subclasses become Python exceptions: subclasses of ivycpp.Error that also
// derive from the matching built-in exception, so `except ValueError` catches ivy's ShapeError.
#include "common.hpp"

namespace ivypy {
namespace {

struct PyErrors {
  PyObject *error, *shape, *dtype, *index, *value, *backend, *unsupported, *io, *memory;
};
PyErrors errors{};

PyObject* make_error(nb::module_& m, const char* name, PyObject* base, PyObject* builtin,
                     const char* doc) {
  const std::string qualified = std::string("ivycpp.") + name;
  nb::object bases = builtin ? nb::make_tuple(nb::handle(base), nb::handle(builtin))
                             : nb::make_tuple(nb::handle(base));
  PyObject* type = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, bases.ptr(), nullptr);
  if (!type) throw nb::python_error();
  m.attr(name) = nb::handle(type);
  return type;
}

}  // namespace

void bind_errors(nb::module_& m) {
  errors.error = make_error(m, "Error", PyExc_Exception, nullptr, "Base of every ivy error.");
  errors.shape = make_error(m, "ShapeError", errors.error, PyExc_ValueError,
                            "Shapes that do not fit (ivy::ShapeError).");
  errors.dtype = make_error(m, "DTypeError", errors.error, PyExc_TypeError,
                            "A dtype the function does not accept (ivy::DTypeError).");
  errors.index = make_error(m, "IndexError", errors.error, PyExc_IndexError,
                            "An index or axis out of range (ivy::IndexError).");
  errors.value = make_error(m, "ValueError", errors.error, PyExc_ValueError,
                            "A bad argument value (ivy::ValueError).");
  errors.backend = make_error(m, "BackendError", errors.error, PyExc_RuntimeError,
                              "Unknown backend, or arrays of two backends (ivy::BackendError).");
  errors.unsupported = make_error(m, "UnsupportedError", errors.error, PyExc_NotImplementedError,
                                  "Not supported by this backend (ivy::UnsupportedError).");
  errors.io = make_error(m, "IOError", errors.error, PyExc_OSError, "File I/O (ivy::IOError).");
  errors.memory = make_error(m, "MemoryError", errors.error, PyExc_MemoryError,
                             "An array larger than the machine's memory (ivy::MemoryError).");

  nb::register_exception_translator([](const std::exception_ptr& p, void*) {
    try {
      std::rethrow_exception(p);
    } catch (const ivy::ShapeError& e) {
      PyErr_SetString(errors.shape, e.what());
    } catch (const ivy::DTypeError& e) {
      PyErr_SetString(errors.dtype, e.what());
    } catch (const ivy::IndexError& e) {
      PyErr_SetString(errors.index, e.what());
    } catch (const ivy::ValueError& e) {
      PyErr_SetString(errors.value, e.what());
    } catch (const ivy::BackendError& e) {
      PyErr_SetString(errors.backend, e.what());
    } catch (const ivy::UnsupportedError& e) {
      PyErr_SetString(errors.unsupported, e.what());
    } catch (const ivy::IOError& e) {
      PyErr_SetString(errors.io, e.what());
    } catch (const ivy::MemoryError& e) {
      PyErr_SetString(errors.memory, e.what());
    } catch (const ivy::Error& e) {
      PyErr_SetString(errors.error, e.what());
    } catch (const nb::cast_error&) {
      // A safety net: every argument conversion goes through the helpers of convert.cpp,
      // which name the function; should one be missed, nanobind's bare std::bad_cast
      // (RuntimeError) would reach the user, so it is at least a TypeError.
      PyErr_SetString(PyExc_TypeError, "ivycpp: an argument has the wrong type");
    }
  });
}

}  // namespace ivypy
