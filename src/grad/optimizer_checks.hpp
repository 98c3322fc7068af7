#pragma once
// What the list forms of the optimizer steps share (src/grad/optimizers.cpp and
// optimizer_steps.cpp): argument checks naming the step, and how an updated weight is returned.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ivy/core/errors.hpp"
#include "ivy/grad.hpp"

namespace ivy::detail {

/** The backend named in errors: the first weight's, or "none" for an empty list. */
inline std::string_view optimizer_backend(const std::vector<Array>& ws) {
  return ws.empty() ? std::string_view("none") : ws[0].backend_name();
}

/** ValueError naming fn unless every list in others is as long as ws. */
inline void check_lengths(std::string_view fn, const std::vector<Array>& ws,
                          const std::vector<const std::vector<Array>*>& others) {
  for (const auto* o : others)
    if (o->size() != ws.size())
      raise<ValueError>(fn, optimizer_backend(ws),
                        std::to_string(ws.size()) + " weights but " + std::to_string(o->size()) +
                            " gradients or moments");
}

/** ValueError naming fn unless step >= 1 (Adam's bias corrections divide by 1 - beta^step). */
inline void check_step(std::string_view fn, const std::vector<Array>& ws, std::int64_t step) {
  if (step < 1)
    raise<ValueError>(fn, optimizer_backend(ws), "step must be >= 1, got " + std::to_string(step));
}

/** The update keeps the weight's variable mark and drops any tape link. */
inline Array like_weight(const Array& w, const Array& updated) {
  return is_variable(w) ? variable(stop_gradient(updated)) : stop_gradient(updated);
}

}  // namespace ivy::detail
