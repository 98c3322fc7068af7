#pragma once
// What each test run learns about function x dtype support on its backend; written at exit to
// support_<backend>.tsv, from which tools/support_matrix builds docs/support_matrix.md.
#include <string>
#include <vector>

namespace ivy::testing {

enum class Support { ok, failed, unsupported };

/** The "dtype" under which the gradient check of a function is recorded. */
inline const std::string kGradientKey = "gradient";

/** Records one outcome for (fn, dtype); "unsupported" keeps the first reason. */
void record_support(const std::string& fn, const std::string& dtype, Support s,
                    const std::string& reason = "");
/**
 * Whether the backend declares (fn, dtype) unsupported (ivy::supports: its whole-dtype limits
 * and its table of cells). dtype is a dtype name; "-" or an unknown name, or fn not registered,
 * is "not declared".
 */
bool declared_unsupported(const std::string& fn, const std::string& dtype);
/** Whether the backend declares (fn, d) unsupported for any d of dtypes. */
bool declared_unsupported_any(const std::string& fn, const std::vector<std::string>& dtypes);
/** Counts an UnsupportedError met on a declared cell (the run's final line reports them). */
void count_declared_unsupported();
int declared_unsupported_count();

/** Writes the records of this run to dir/support_<backend>.tsv. */
void write_support(const std::string& dir, const std::string& backend);

/** The backend this test binary checks (set by its main). */
const std::string& backend_under_test();
void set_backend_under_test(std::string name);

}  // namespace ivy::testing
