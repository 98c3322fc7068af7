// ivy_support_matrix SUPPORT_DIR OUTPUT.md BACKEND...: merges the support_<backend>.tsv tables
// written by the conformance runs into one function x backend x dtype table.
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "ivy/ivy.hpp"

namespace {

struct Cell {
  std::string status, reason;
};
using Table = std::map<std::string, std::map<std::string, Cell>>;  // fn -> dtype -> cell

// The key under which the conformance runs record a function's gradient check
// (tests/support/support_record.hpp).
const std::string kGradientKey = "gradient";

Table read_table(const std::string& path) {
  Table t;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream row(line);
    std::string fn, dtype, status, reason;
    std::getline(row, fn, '\t');
    std::getline(row, dtype, '\t');
    std::getline(row, status, '\t');
    std::getline(row, reason);
    t[fn][dtype] = {status, reason};
  }
  return t;
}

std::string short_dtype(const std::string& d) {
  static const std::map<std::string, std::string> names = {
      {"bool", "b"},      {"int8", "i8"},     {"int16", "i16"},   {"int32", "i32"},
      {"int64", "i64"},   {"uint8", "u8"},    {"float16", "f16"}, {"bfloat16", "bf16"},
      {"float32", "f32"}, {"float64", "f64"}, {"-", "any"}};
  auto it = names.find(d);
  return it == names.end() ? d : it->second;
}

// "torch xtensor", "FAILED: ...", "not checked" or "no" (not differentiable). The stub holds no
// arrays and never has gradients.
std::string gradient_cell(const ivy::FunctionInfo& f, const std::vector<std::string>& backends,
                          std::map<std::string, Table>& tables, std::map<std::string, int>& passed,
                          std::vector<std::string>& unchecked) {
  if (!f.differentiable) return "no";
  const std::string fn(f.name);
  std::string ok, failed;
  for (const auto& b : backends) {
    if (b == "stub") continue;
    const auto& t = tables[b];
    auto it = t.find(fn);
    const Cell* cell = nullptr;
    if (it != t.end() && it->second.count(kGradientKey)) cell = &it->second.at(kGradientKey);
    if (cell && cell->status == "ok") {
      ok += (ok.empty() ? "" : " ") + b;
      ++passed[b];
    } else if (cell && cell->status == "failed") {
      failed += (failed.empty() ? "" : " ") + b;
    } else {
      unchecked.push_back("`" + fn + "` on " + b + ": " +
                          (cell ? cell->reason : std::string("no gradient check ran")));
    }
  }
  if (ok.empty() && failed.empty()) return "not checked";
  return ok + (failed.empty() ? "" : " FAILED: " + failed);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: ivy_support_matrix SUPPORT_DIR OUTPUT.md BACKEND...\n";
    return 2;
  }
  const std::string dir = argv[1];
  std::vector<std::string> backends(argv + 3, argv + argc);
  std::map<std::string, Table> tables;
  for (const auto& b : backends) tables[b] = read_table(dir + "/support_" + b + ".tsv");

  std::ostringstream md;
  md << "# Support matrix\n\n"
     << "Written by `ctest` (test `support_matrix`, into `build/support_matrix.md`; the test "
        "`support_matrix_up_to_date` fails while this copy differs) from what the conformance "
        "suite observed on each backend; do not edit by hand. A cell lists the dtypes whose "
        "fixture cases passed; `FAILED` lists dtypes with a failing case; `property` means the "
        "function is covered by property tests (random numbers, devices, conversion) rather "
        "than fixtures. The gradient column lists the backends on which the function's gradient "
        "matched central finite differences on its fixture cases (tests/gradient_checks.cpp), "
        "computed by the backend's own autodiff where it has one (torch, mlx, mxnet; ctest checks "
        "ivy's tape on them too) and by ivy's tape elsewhere; `no` marks functions that are not "
        "differentiable. The unsupported combinations that follow the table are exactly the "
        "ones each backend declares (its whole-dtype limits and its table "
        "`Backend::unsupported_cells`); the suite fails on any other `UnsupportedError` and on "
        "a declared cell that works. `ivy::supports(function, dtype, backend)` (Python: "
        "`ivycpp.supports`) answers from the same declarations.\n\n";
  md << "| function | family |";
  for (const auto& b : backends) md << ' ' << b << " |";
  md << " gradient |\n|---|---|";
  for (std::size_t i = 0; i <= backends.size(); ++i) md << "---|";
  md << '\n';
  std::vector<std::string> unsupported;
  int stub_unsupported = 0;  // the stub holds no arrays: summarised in one line
  int counted = 0;
  std::map<std::string, int> supported_per_backend, gradient_per_backend;
  std::vector<std::string> gradient_unchecked;
  int differentiable = 0;
  for (const ivy::FunctionInfo& f : ivy::registered_functions()) {
    const std::string fn(f.name);
    ++counted;
    md << "| `" << fn << "` | " << f.family << " |";
    for (const auto& b : backends) {
      const auto& t = tables[b];
      auto it = t.find(fn);
      std::string ok, failed;
      if (it != t.end()) {
        for (const auto& [dtype, cell] : it->second) {
          if (dtype == kGradientKey) continue;
          if (cell.status == "ok")
            ok += (ok.empty() ? "" : " ") + short_dtype(dtype);
          else if (cell.status == "failed")
            failed += (failed.empty() ? "" : " ") + short_dtype(dtype);
          else if (b == "stub")
            ++stub_unsupported;
          else
            unsupported.push_back("`" + fn + "` on " + b + ", " + dtype + ": " + cell.reason);
        }
      }
      if (!ok.empty()) ++supported_per_backend[b];
      const bool seen = it != t.end() && !it->second.empty();
      md << ' '
         << (!ok.empty() || !failed.empty() ? ok
             : seen                         ? "unsupported"
                                            : "-")
         << (failed.empty() ? "" : " FAILED: " + failed) << " |";
    }
    md << ' ' << gradient_cell(f, backends, tables, gradient_per_backend, gradient_unchecked)
       << " |\n";
    if (f.differentiable) ++differentiable;
  }
  md << "\n" << counted << " functions. Functions with at least one passing dtype:";
  for (const auto& b : backends) md << ' ' << b << ' ' << supported_per_backend[b] << ';';
  md << "\n\n" << differentiable << " differentiable functions. With a passing gradient check:";
  for (const auto& b : backends)
    if (b != "stub") md << ' ' << b << ' ' << gradient_per_backend[b] << ';';
  md << "\n\n## Gradients not checked (" << gradient_unchecked.size() << ")\n\n";
  for (const auto& u : gradient_unchecked) md << "- " << u << '\n';
  md << "\n## Unsupported combinations (" << unsupported.size() << ")\n\n";
  if (stub_unsupported)
    md << "- the stub backend: all " << stub_unsupported
       << " function x dtype cells (it builds the whole API and holds no arrays)\n";
  for (const auto& u : unsupported) md << "- " << u << '\n';
  std::ofstream(argv[2]) << md.str();
  std::cout << "wrote " << argv[2] << " (" << counted << " functions, " << unsupported.size()
            << " unsupported cells besides the stub's)\n";
  return 0;
}
