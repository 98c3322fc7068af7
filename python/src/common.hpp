#pragma once
// Conversions between Python objects and ivy's C++ types, shared by the binding files.
#include <nanobind/nanobind.h>

#include <optional>
#include <string>
#include <vector>

#include "ivy/ivy.hpp"
#include "ivy/stateful/losses.hpp"

namespace ivypy {

namespace nb = nanobind;

// Every conversion of a Python argument goes through these helpers. They take the name of the
// ivycpp function (fn, e.g. "zeros" or "Array.__getitem__") so that bad input is a TypeError,
// ValueError or IndexError naming it, never nanobind's bare std::bad_cast.

/** TypeError "ivycpp.<fn>: <what> must be <expected>, got <type of got>". */
[[noreturn]] void type_error(const char* fn, const char* what, const char* expected,
                             nb::handle got);
/** repr(h) for a message; a repr that raises gives "<type name>" instead. */
std::string safe_repr(nb::handle h);
/** What to do with an integer outside int64. */
enum class Overflow { value_error, index_error, saturate };
/**
 * An integer argument: a Python int, or anything with __index__ (NumPy integers, integer 0-d
 * arrays). A bool is not an integer here (TypeError), nor is a float or a str.
 */
std::int64_t to_int(nb::handle h, const char* fn, const char* what,
                    Overflow overflow = Overflow::value_error);
/** An axis (to_int, as a C++ int; beyond int it is out of range: IndexError). */
int to_axis(nb::handle h, const char* fn);
/** None (nullopt) or an axis. */
std::optional<int> to_opt_axis(nb::handle h, const char* fn);
/** A list of axes from a tuple or list of them (or a single axis). */
std::vector<int> to_axis_list(nb::handle h, const char* fn);
/** A Python bool (True/False only, as nanobind's bool parameters). */
bool to_bool(nb::handle h, const char* fn, const char* what);
/** None (nullopt) or a Python bool. */
std::optional<bool> to_opt_bool(nb::handle h, const char* fn, const char* what);
/** A Python str. */
std::string to_str(nb::handle h, const char* fn, const char* what);
/** An ivycpp dtype (ivycpp.float32, ...). */
ivy::DType to_dtype(nb::handle h, const char* fn);
/** The ivycpp arrays of a sequence of them. */
std::vector<ivy::Array> to_arrays(nb::handle seq, const char* fn, const char* what);
/** An ivycpp array argument. */
const ivy::Array& to_array(nb::handle h, const char* fn, const char* what);

/** Operand from an Array or a Python bool/int/float; nullopt for anything else. */
std::optional<ivy::Operand> to_operand(nb::handle h, const char* fn);
/** Like to_operand, but raises TypeError naming fn for an unsupported object. */
ivy::Operand operand_or_throw(nb::handle h, const char* fn);
/** A Python bool, int or float as a Scalar (TypeError naming fn otherwise). */
ivy::Scalar to_scalar(nb::handle h, const char* fn);
/**
 * ValueError naming fn unless the Python scalar s fits dtype d (docs/semantics.md: an integer
 * that does not fit is an error, not a silent wrap). The check is ivy::full's own.
 */
void check_scalar_fits(const ivy::Scalar& s, ivy::DType d, const ivy::Backend& b, const char* fn);
/** Array API axis argument: None (all axes), an int or a tuple (or list) of ints. */
ivy::Axes to_axes(nb::handle axis, const char* fn);
/** Strides and dilations: one int for every spatial dimension, or a sequence of them. */
ivy::SpatialInts to_spatial(nb::handle h, const char* fn, const char* what);
/** A shape from an int or a sequence of ints. */
ivy::Shape to_shape(nb::handle shape, const char* fn);
/** A Device from a str, a Device or None (nullopt). */
std::optional<ivy::Device> to_device(nb::handle device, const char* fn);
/** Creation options from dtype (DType or None), device and backend (name, or None). */
ivy::Options make_options(nb::handle dtype, nb::handle device, nb::handle backend, const char* fn);
/** The backend given by name, or the current one for None. */
const ivy::Backend& backend_or_current(nb::handle backend, const char* fn);

// Registration of the parts of the module, one per file.
void bind_errors(nb::module_& m);
void bind_types(nb::module_& m);
void bind_array(nb::module_& m);
void bind_indexing(nb::class_<ivy::Array>& cls);
void bind_dlpack(nb::module_& m, nb::class_<ivy::Array>& cls);
void bind_creation(nb::module_& m);
void bind_elementwise(nb::module_& m);
void bind_functions_ivy(nb::module_& m);
void bind_functions(nb::module_& m);
void bind_functions_a(nb::module_& m);
void bind_functions_b(nb::module_& m);
void bind_functions_einops(nb::module_& m);
void bind_bitwise(nb::module_& m);
void bind_mech(nb::module_& m);
void bind_vision(nb::module_& m);
void bind_robot(nb::module_& m);
void bind_gym(nb::module_& m);
void bind_robot_manipulator(nb::module_& m);
void bind_vision_quantization(nb::module_& m);
void bind_vision_smoothing(nb::module_& m);
void bind_vision_padding(nb::module_& m);
void bind_vision_mesh(nb::module_& m);
void bind_vision_voxel_grids(nb::module_& m);
void bind_vision_sdf(nb::module_& m);
void bind_vision_implicit(nb::module_& m);
void bind_vision_two_view_geometry(nb::module_& m);
void bind_vision_optical_flow(nb::module_& m);
void bind_grad(nb::module_& m);
void bind_compile(nb::module_& m);
void bind_split_func_call(nb::module_& m);
void bind_container(nb::module_& m);
void bind_stateful(nb::module_& m);
/** "none", "mean" or "sum" as a Reduction (ValueError naming fn otherwise). */
ivy::Reduction to_reduction(nb::handle h, const char* fn);
/** A Container from a Container, nested dicts of arrays, array-likes and Python scalars. */
ivy::Container to_container(nb::handle h, const char* fn);
bool is_container(nb::handle h);
/** A Container value for Python: the Container, or its leaf (an array or a Python scalar). */
nb::object from_container(const ivy::Container& c);

/** Element-wise bitwise operation by name ("and", "or", "xor", "left_shift", "right_shift"). */
ivy::Array bitwise_binary(const ivy::Operand& a, const ivy::Operand& b, const std::string& op);
ivy::Array bitwise_invert(const ivy::Array& x);

/** x[key] with the Array API's indexing rules; errors name fn. */
ivy::Array getitem(const ivy::Array& x, nb::handle key, const char* fn = "Array.__getitem__");
/**
 * An array from nested Python sequences of bool/int/float, a Python scalar, or a DLPack
 * producer; *shared (if given) tells whether the result uses the producer's memory. With
 * opts.dtype set, Python scalars that do not fit it are a ValueError (check_scalar_fits).
 */
ivy::Array array_from_python(nb::handle obj, const ivy::Options& opts, const char* fn,
                             bool* shared = nullptr);
/** A copy of x with its own memory, on x's backend and device. */
ivy::Array copy_array(const ivy::Array& x);
/**
 * Imports any object with __dlpack__ (or a DLPack capsule) into backend b; *shared (if given)
 * tells whether the result uses the producer's memory (false where the backend copied).
 */
ivy::Array import_dlpack(nb::handle obj, const ivy::Backend& b, const char* fn,
                         bool* shared = nullptr);

}  // namespace ivypy
