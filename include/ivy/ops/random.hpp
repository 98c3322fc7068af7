#pragma once
/// Random numbers. Each backend owns one generator; seed() seeds all of them. Sequences are
/// reproducible on one backend, not across backends.
#include <cstdint>
#include <optional>

#include "ivy/core/array.hpp"
#include "ivy/core/options.hpp"
#include "ivy/core/shape.hpp"
#include "ivy/ops/operand.hpp"

namespace ivy {

/** Seeds the generator of every backend built into the library. */
void seed(std::uint64_t value);

/**
 * Uniform samples on [low, high). low and high are scalars or arrays; the result has `shape`
 * when given (low and high must broadcast to it), else their broadcast shape. dtype: opts, else
 * the float dtype of an array bound, else float32. ValueError when low > high.
 */
Array random_uniform(const Operand& low = 0.0, const Operand& high = 1.0,
                     const std::optional<Shape>& shape = std::nullopt, const Options& opts = {});

/** Normal samples with the given mean and std (scalars or arrays); ValueError when std < 0. */
Array random_normal(const Operand& mean = 0.0, const Operand& std = 1.0,
                    const std::optional<Shape>& shape = std::nullopt, const Options& opts = {});

/**
 * Integers uniform on [low, high) (scalars or arrays), dtype opts or int64.
 * ValueError when low >= high; DTypeError for a non-integer dtype.
 */
Array randint(const Operand& low, const Operand& high,
              const std::optional<Shape>& shape = std::nullopt, const Options& opts = {});

/** A random permutation of x along axis 0 (ShapeError for a 0-d x). */
Array shuffle(const Array& x);

/**
 * Samples class indices (int64 [batch, num_samples]) from probs [batch, classes] (rows are
 * normalised; they need not sum to 1). Without replacement, num_samples must not exceed the
 * number of non-zero classes of any row.
 */
Array multinomial(const Array& probs, std::int64_t num_samples, bool replace = true);

}  // namespace ivy
