#include "ops/einsum_parse.hpp"

#include <algorithm>

#include "ivy/core/errors.hpp"

namespace ivy::detail {
namespace {

struct Term {
  std::vector<int> letters_before, letters_after;  // around the ellipsis (all in before if none)
  bool ellipsis = false;
};

struct Ctx {
  std::string_view fn, backend;
  [[noreturn]] void bad(const std::string& what) const { raise<ValueError>(fn, backend, what); }
};

int letter_label(char ch) { return ch <= 'Z' ? ch - 'A' : 26 + (ch - 'a'); }
char label_letter(int l) { return static_cast<char>(l < 26 ? 'A' + l : 'a' + (l - 26)); }

Term parse_term(std::string_view t, const Ctx& ctx) {
  Term term;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char ch = t[i];
    if (ch == '.') {
      if (term.ellipsis || t.substr(i, 3) != "...")
        ctx.bad("malformed ellipsis in subscripts term \"" + std::string(t) + "\"");
      term.ellipsis = true;
      i += 2;
    } else if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) {
      (term.ellipsis ? term.letters_after : term.letters_before).push_back(letter_label(ch));
    } else {
      ctx.bad(std::string("invalid character '") + ch + "' in subscripts");
    }
  }
  return term;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == sep) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  return parts;
}

void set_size(EinsumSpec& spec, int label, std::int64_t size, bool broadcasts, const Ctx& ctx) {
  auto [it, fresh] = spec.sizes.emplace(label, size);
  if (fresh || it->second == size) return;
  if (broadcasts && (size == 1 || it->second == 1)) {
    it->second = std::max(it->second, size);
    return;
  }
  const std::string name = label >= EinsumSpec::kEllipsis
                               ? "an ellipsis dimension"
                               : std::string("label '") + label_letter(label) + "'";
  raise<ShapeError>(
      ctx.fn, ctx.backend,
      name + " has sizes " + std::to_string(it->second) + " and " + std::to_string(size));
}

std::string term_string(const std::vector<int>& labels) {
  std::string s;
  for (int l : labels) s += l >= EinsumSpec::kEllipsis ? "" : std::string(1, label_letter(l));
  return s;
}

}  // namespace

EinsumSpec parse_einsum(std::string_view subscripts, const std::vector<Shape>& shapes,
                        std::string_view fn, std::string_view backend) {
  const Ctx ctx{fn, backend};
  std::string s;
  for (char ch : subscripts)
    if (ch != ' ') s += ch;
  const std::size_t arrow = s.find("->");
  const std::string_view lhs = std::string_view(s).substr(0, arrow);
  const auto terms = split(lhs, ',');
  if (terms.size() != shapes.size())
    ctx.bad("subscripts name " + std::to_string(terms.size()) + " operands, got " +
            std::to_string(shapes.size()));
  EinsumSpec spec;
  int max_ell = 0;
  std::vector<Term> parsed;
  for (std::size_t k = 0; k < terms.size(); ++k) {
    parsed.push_back(parse_term(terms[k], ctx));
    const Term& t = parsed.back();
    const int letters = static_cast<int>(t.letters_before.size() + t.letters_after.size());
    const int nd = static_cast<int>(shapes[k].size());
    if (t.ellipsis ? letters > nd : letters != nd)
      raise<ShapeError>(fn, backend,
                        "term \"" + std::string(terms[k]) + "\" does not fit operand " +
                            std::to_string(k) + " of shape " + shape_str(shapes[k]));
    if (t.ellipsis) max_ell = std::max(max_ell, nd - letters);
  }
  std::map<int, int> counts;
  for (std::size_t k = 0; k < parsed.size(); ++k) {
    const Term& t = parsed[k];
    const int ell = static_cast<int>(shapes[k].size()) -
                    static_cast<int>(t.letters_before.size() + t.letters_after.size());
    std::vector<int> labels = t.letters_before;
    for (int j = 0; t.ellipsis && j < ell; ++j)
      labels.push_back(EinsumSpec::kEllipsis + max_ell - ell + j);
    labels.insert(labels.end(), t.letters_after.begin(), t.letters_after.end());
    for (std::size_t d = 0; d < labels.size(); ++d) {
      set_size(spec, labels[d], shapes[k][d], labels[d] >= EinsumSpec::kEllipsis, ctx);
      if (labels[d] < EinsumSpec::kEllipsis) ++counts[labels[d]];
    }
    spec.inputs.push_back(std::move(labels));
  }
  if (arrow == std::string::npos) {  // implicit: ellipsis dims, then letters seen once, sorted
    for (int j = 0; j < max_ell; ++j) spec.output.push_back(EinsumSpec::kEllipsis + j);
    for (auto [label, n] : counts)
      if (n == 1) spec.output.push_back(label);
  } else {
    const std::string_view rhs = std::string_view(s).substr(arrow + 2);
    if (rhs.find("->") != std::string_view::npos || rhs.find(',') != std::string_view::npos)
      ctx.bad("malformed output subscripts \"" + std::string(rhs) + "\"");
    const Term out = parse_term(rhs, ctx);
    if (!out.ellipsis && max_ell > 0) ctx.bad("the inputs use '...' but the output does not");
    spec.output = out.letters_before;
    for (int j = 0; out.ellipsis && j < max_ell; ++j)
      spec.output.push_back(EinsumSpec::kEllipsis + j);
    spec.output.insert(spec.output.end(), out.letters_after.begin(), out.letters_after.end());
    for (std::size_t i = 0; i < spec.output.size(); ++i) {
      const int l = spec.output[i];
      if (l < EinsumSpec::kEllipsis && !counts.count(l))
        ctx.bad(std::string("output label '") + label_letter(l) + "' is not in any input");
      if (std::count(spec.output.begin(), spec.output.end(), l) > 1)
        ctx.bad(std::string("output label '") + label_letter(l) + "' is repeated");
    }
  }
  // The explicit form handed to fused kernels.
  for (std::size_t k = 0; k < parsed.size(); ++k) {
    if (k) spec.normalized += ',';
    spec.normalized += std::string(terms[k]);
  }
  const bool out_ell =
      std::any_of(parsed.begin(), parsed.end(), [](const Term& t) { return t.ellipsis; });
  spec.normalized += "->";
  std::vector<int> out_letters_before, out_letters_after;
  bool seen_ell = false;
  for (int l : spec.output) {
    if (l >= EinsumSpec::kEllipsis) {
      seen_ell = true;
      continue;
    }
    (seen_ell ? out_letters_after : out_letters_before).push_back(l);
  }
  spec.normalized +=
      term_string(out_letters_before) + (out_ell ? "..." : "") + term_string(out_letters_after);
  return spec;
}

}  // namespace ivy::detail
