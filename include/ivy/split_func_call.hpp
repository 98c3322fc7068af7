#pragma once
/// split_func_call: one call of a function of arrays made in chunks along an axis (the original
/// Ivy's, from v1.1.5), so that a function too large for memory on a whole batch runs on parts of
/// it with the same result.
#include <cstdint>
#include <functional>
#include <vector>

#include "ivy/core/array.hpp"

namespace ivy {

/**
 * f(inputs) computed in chunks: every input is split along its input axis into parts of
 * chunk_size (the last one shorter when chunk_size does not divide the length), f runs on each
 * part, and each of f's outputs is concatenated along its output axis. input_axes holds one axis
 * per input, or one for all (default 0); output_axes one per output, or one for all (default:
 * the first input axis). With chunk_size >= the length, f runs once on the whole inputs.
 * Errors (naming split_func_call): no inputs or chunk_size < 1 (ValueError), input lengths
 * along their axes that differ or axes out of range (ShapeError / IndexError), a number of axes
 * that is neither 1 nor one per input / output, or parts whose calls return different numbers
 * of outputs (ValueError).
 */
std::vector<Array> split_func_call(
    const std::function<std::vector<Array>(const std::vector<Array>&)>& f,
    const std::vector<Array>& inputs, std::int64_t chunk_size,
    const std::vector<int>& input_axes = {0}, const std::vector<int>& output_axes = {});

}  // namespace ivy
