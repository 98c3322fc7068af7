#pragma once
// Conversions between Python objects and ivy's C++ types, shared by the binding files.
#include <nanobind/nanobind.h>

#include <optional>
#include <string>
#include <vector>

#include "ivy/ivy.hpp"

namespace ivypy {

namespace nb = nanobind;

/** Operand from an Array or a Python bool/int/float; nullopt for anything else. */
std::optional<ivy::Operand> to_operand(nb::handle h);
/** Like to_operand, but raises TypeError naming fn for an unsupported object. */
ivy::Operand operand_or_throw(nb::handle h, const char* fn);
/** Array API axis argument: None (all axes), an int or a tuple of ints. */
ivy::Axes to_axes(nb::handle axis);
/** A shape from an int or a sequence of ints. */
ivy::Shape to_shape(nb::handle shape);
/** A Device from a str, a Device or None (nullopt). */
std::optional<ivy::Device> to_device(nb::handle device);
/** Creation options from dtype (DType or None), device and backend (name, or None). */
ivy::Options make_options(nb::handle dtype, nb::handle device, nb::handle backend);
/** The backend given by name, or the current one for None. */
const ivy::Backend& backend_or_current(nb::handle backend);

// Registration of the parts of the module, one per file.
void bind_errors(nb::module_& m);
void bind_types(nb::module_& m);
void bind_array(nb::module_& m);
void bind_indexing(nb::class_<ivy::Array>& cls);
void bind_dlpack(nb::module_& m, nb::class_<ivy::Array>& cls);
void bind_creation(nb::module_& m);
void bind_elementwise(nb::module_& m);
void bind_functions(nb::module_& m);
void bind_bitwise(nb::module_& m);
void bind_mech(nb::module_& m);
void bind_grad(nb::module_& m);

/** Element-wise bitwise operation by name ("and", "or", "xor", "left_shift", "right_shift"). */
ivy::Array bitwise_binary(const ivy::Operand& a, const ivy::Operand& b, const std::string& op);
ivy::Array bitwise_invert(const ivy::Array& x);

/** x[key] with the Array API's indexing rules. */
ivy::Array getitem(const ivy::Array& x, nb::handle key);
/**
 * An array from nested Python sequences of bool/int/float, a Python scalar, or a DLPack
 * producer; *shared (if given) tells whether the result uses the producer's memory.
 */
ivy::Array array_from_python(nb::handle obj, const ivy::Options& opts, bool* shared = nullptr);
/** A copy of x with its own memory, on x's backend and device. */
ivy::Array copy_array(const ivy::Array& x);
/**
 * Imports any object with __dlpack__ (or a DLPack capsule) into backend b; *shared (if given)
 * tells whether the result uses the producer's memory (false where the backend copied).
 */
ivy::Array import_dlpack(nb::handle obj, const ivy::Backend& b, bool* shared = nullptr);

}  // namespace ivypy
