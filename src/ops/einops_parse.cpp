#include "ops/einops_parse.hpp"

#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <string>

#include "ivy/core/errors.hpp"

namespace ivy::detail {
namespace {

constexpr int kEllipsis = -1;  // the id of "..." before it is expanded

// One side of a pattern. An axis outside parentheses is a group of one; "()" and an unparenthesised
// "1" are empty groups (a unit axis); a "1" inside parentheses contributes nothing.
struct Side {
  std::vector<std::vector<int>> groups;
  std::vector<int> ids;  // every axis of the side once (kEllipsis included)
  bool ellipsis = false;
  bool ellipsis_in_group = false;
  bool has_numbers = false;  // numbered axes other than 1
};

bool is_digits(std::string_view t) {
  return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_name(std::string_view t) {
  if (t.empty() || std::isdigit(static_cast<unsigned char>(t[0]))) return false;
  for (char c : t)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  return true;  // underscores at either end are refused by the caller, with their own message
}

class Parser {
 public:
  Parser(std::string_view pattern, const Shape& shape, std::string_view fn,
         std::string_view backend)
      : pattern_(pattern), shape_(shape), fn_(fn), backend_(backend) {}

  /** ValueError naming the function, backend, pattern and shape. */
  [[noreturn]] void bad(const std::string& what) const { fail<ValueError>(what); }
  /** ShapeError (x's rank does not fit the pattern). */
  [[noreturn]] void bad_rank(const std::string& what) const { fail<ShapeError>(what); }

  Side parse(std::string_view text) {
    const auto dots = std::count(text.begin(), text.end(), '.');
    if (dots != 0 && (dots != 3 || text.find("...") == std::string_view::npos))
      bad("dots may only appear as one ellipsis \"...\" per side, in \"" + std::string(text) +
          "\"");
    Side side;
    std::vector<int>* group = nullptr;  // the open parenthesised group
    std::vector<int> open;
    std::string token;
    auto flush = [&] {
      if (!token.empty()) add(side, token, group);
      token.clear();
    };
    for (char c : text) {
      if (c == ' ' || c == '(' || c == ')') {
        flush();
        if (c == '(') {
          if (group) bad("parentheses may not be nested");
          open.clear();
          group = &open;
        } else if (c == ')') {
          if (!group) bad("unbalanced parentheses in \"" + std::string(text) + "\"");
          side.groups.push_back(open);
          group = nullptr;
        }
      } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.') {
        token += c;
      } else {
        bad(std::string("unexpected character '") + c + "'");
      }
    }
    flush();
    if (group) bad("unbalanced parentheses in \"" + std::string(text) + "\"");
    return side;
  }

  std::string axis_name(int id) const {
    return id == kEllipsis ? "..." : names_[static_cast<std::size_t>(id)];
  }
  std::string axes_list(const std::vector<int>& ids) const {
    std::string s;
    for (int id : ids) s += (s.empty() ? "" : ", ") + axis_name(id);
    return s;
  }
  bool is_number(int id) const { return id != kEllipsis && numbers_[id] > 0; }
  std::int64_t number(int id) const { return numbers_[id]; }
  int num_ids() const { return static_cast<int>(names_.size()); }
  /** The id of a name used in the pattern, or -2. */
  int find(std::string_view name) const {
    const auto it = ids_.find(name);
    return it == ids_.end() ? -2 : it->second;
  }
  /** A fresh id for one axis an ellipsis stands for. */
  int fresh(const std::string& name) {
    names_.push_back(name);
    numbers_.push_back(0);
    return num_ids() - 1;
  }

 private:
  void add(Side& side, const std::string& token, std::vector<int>* group) {
    int id;
    if (token == "...") {
      id = kEllipsis;
      side.ellipsis = true;
      side.ellipsis_in_group = group != nullptr;
    } else if (is_digits(token)) {
      std::int64_t v = 0;
      for (char c : token) {
        if (v > (std::numeric_limits<std::int64_t>::max() - (c - '0')) / 10)
          bad("axis length " + token + " is too large");
        v = v * 10 + (c - '0');
      }
      if (v == 0) bad("a numbered axis must have a positive length, not " + token);
      if (v == 1) {  // a unit axis: an empty group, or nothing inside a group
        if (!group) side.groups.emplace_back();
        return;
      }
      side.has_numbers = true;
      names_.push_back(token);  // each number is an axis of its own
      numbers_.push_back(v);
      id = num_ids() - 1;
    } else {
      if (!is_name(token)) bad("invalid axis name \"" + token + "\"");
      if (token.front() == '_' || token.back() == '_')
        bad("axis name \"" + token + "\" should not start or end with an underscore");
      auto [it, fresh_name] = ids_.emplace(token, num_ids());
      if (fresh_name) {
        names_.push_back(token);
        numbers_.push_back(0);
      }
      id = it->second;
    }
    if (std::find(side.ids.begin(), side.ids.end(), id) != side.ids.end())
      bad("axis \"" + token + "\" appears twice on one side");
    side.ids.push_back(id);
    if (group)
      group->push_back(id);
    else
      side.groups.push_back({id});
  }

  template <class E>
  [[noreturn]] void fail(const std::string& what) const {
    raise<E>(
        fn_, backend_,
        "pattern \"" + std::string(pattern_) + "\" on shape " + shape_str(shape_) + ": " + what);
  }

  std::string_view pattern_;
  const Shape& shape_;
  std::string_view fn_, backend_;
  std::vector<std::string> names_;     // by id
  std::vector<std::int64_t> numbers_;  // by id: the length of a numbered axis, 0 for a name
  std::map<std::string, int, std::less<>> ids_;
};

std::vector<int> missing_from(const std::vector<int>& ids, const std::vector<int>& other) {
  std::vector<int> out;
  for (int id : ids)
    if (std::find(other.begin(), other.end(), id) == other.end()) out.push_back(id);
  return out;
}

// Replaces the ellipsis (as its own group or inside one) by the axes it stands for.
void expand_ellipsis(Side& side, const std::vector<int>& ell) {
  std::vector<std::vector<int>> groups;
  for (const auto& g : side.groups) {
    if (g.size() == 1 && g[0] == kEllipsis && !side.ellipsis_in_group) {
      for (int id : ell) groups.push_back({id});
      continue;
    }
    std::vector<int> out;
    for (int id : g) {
      if (id == kEllipsis)
        out.insert(out.end(), ell.begin(), ell.end());
      else
        out.push_back(id);
    }
    groups.push_back(out);
  }
  side.groups = std::move(groups);
}

std::int64_t checked_product(std::int64_t a, std::int64_t b, const Parser& p) {
  std::int64_t r;
  if (__builtin_mul_overflow(a, b, &r)) p.bad("the axis lengths overflow int64");
  return r;
}

}  // namespace

EinopsPlan plan_einops(std::string_view pattern, EinopsOp op, const Shape& shape,
                       const AxesLengths& axes_lengths, std::string_view fn,
                       std::string_view backend) {
  Parser p(pattern, shape, fn, backend);
  const std::size_t arrow = pattern.find("->");
  if (arrow == std::string_view::npos || pattern.find("->", arrow + 2) != std::string_view::npos)
    p.bad("expected one \"->\" between the input and the output axes");
  Side left = p.parse(pattern.substr(0, arrow));
  Side right = p.parse(pattern.substr(arrow + 2));

  if (right.ellipsis && !left.ellipsis) p.bad("\"...\" on the right but not on the left");
  if (left.ellipsis_in_group) p.bad("\"...\" inside parentheses on the left");
  const std::vector<int> only_left = missing_from(left.ids, right.ids);
  const std::vector<int> only_right = missing_from(right.ids, left.ids);
  switch (op) {
    case EinopsOp::rearrange:
      if (left.has_numbers || right.has_numbers)
        p.bad("rearrange takes no numbered axes other than 1");
      if (!only_left.empty() || !only_right.empty())
        p.bad("every axis must be on both sides; only on the left: " +
              (only_left.empty() ? "none" : p.axes_list(only_left)) +
              ", only on the right: " + (only_right.empty() ? "none" : p.axes_list(only_right)));
      break;
    case EinopsOp::reduce:
      if (!only_right.empty()) p.bad("axes only on the right: " + p.axes_list(only_right));
      break;
    case EinopsOp::repeat:
      if (!only_left.empty()) p.bad("axes only on the left: " + p.axes_list(only_left));
      break;
  }

  // The axes an ellipsis stands for.
  const int ndim = static_cast<int>(shape.size());
  const int named_groups = static_cast<int>(left.groups.size()) - (left.ellipsis ? 1 : 0);
  if (left.ellipsis ? ndim < named_groups : ndim != named_groups)
    p.bad_rank("the left side needs " + std::string(left.ellipsis ? "at least " : "") +
               std::to_string(named_groups) + " dimensions, got " + std::to_string(ndim));
  if (left.ellipsis) {
    std::vector<int> ell;
    for (int j = 0; j < ndim - named_groups; ++j)
      ell.push_back(p.fresh("...[" + std::to_string(j) + "]"));
    expand_ellipsis(left, ell);
    expand_ellipsis(right, ell);
  }

  // Lengths: numbered axes, then axes_lengths, then what the shape says.
  constexpr std::int64_t kUnknown = -1;
  std::vector<std::int64_t> len(static_cast<std::size_t>(p.num_ids()), kUnknown);
  for (int id = 0; id < p.num_ids(); ++id)
    if (p.is_number(id)) len[id] = p.number(id);
  for (std::size_t k = 0; k < axes_lengths.size(); ++k) {
    const auto& [name, n] = axes_lengths[k];
    for (std::size_t j = 0; j < k; ++j)
      if (axes_lengths[j].first == name) p.bad("axis length of \"" + name + "\" given twice");
    const int id = p.find(name);
    if (id < 0) p.bad("axis \"" + name + "\" is given a length but is not in the pattern");
    if (n < 0) p.bad("axis \"" + name + "\" has negative length " + std::to_string(n));
    len[id] = n;
  }
  for (std::size_t g = 0; g < left.groups.size(); ++g) {
    const auto& group = left.groups[g];
    const std::int64_t have = shape[g];
    std::int64_t known = 1;
    std::vector<int> unknown;
    for (int id : group) {
      if (len[id] == kUnknown)
        unknown.push_back(id);
      else
        known = checked_product(known, len[id], p);
    }
    const std::string what = "dimension " + std::to_string(g) + " (" + p.axes_list(group) + ")";
    if (unknown.empty()) {
      if (known != have)
        p.bad(what + " has length " + std::to_string(have) + ", the axis lengths give " +
              std::to_string(known));
    } else if (unknown.size() > 1) {
      p.bad("cannot infer the lengths of " + p.axes_list(unknown) +
            ": give all but one in axes_lengths");
    } else if (known == 0) {
      p.bad("cannot infer the length of " + p.axes_list(unknown) + " next to an axis of length 0");
    } else if (have % known != 0) {
      p.bad(what + " of length " + std::to_string(have) + " is not divisible by " +
            std::to_string(known));
    } else {
      len[unknown[0]] = have / known;
    }
  }
  for (int id : only_right)
    if (len[id] == kUnknown)
      p.bad("new axis \"" + p.axis_name(id) + "\" needs a length in axes_lengths");

  EinopsPlan plan;
  std::vector<int> elementary, right_axes;
  for (const auto& g : left.groups) elementary.insert(elementary.end(), g.begin(), g.end());
  for (const auto& g : right.groups) right_axes.insert(right_axes.end(), g.begin(), g.end());
  std::vector<int> kept;
  for (std::size_t i = 0; i < elementary.size(); ++i) {
    plan.elementary.push_back(len[elementary[i]]);
    if (std::find(right_axes.begin(), right_axes.end(), elementary[i]) == right_axes.end())
      plan.reduced.push_back(static_cast<int>(i));
    else
      kept.push_back(elementary[i]);
  }
  for (int id : right_axes) {
    const auto it = std::find(kept.begin(), kept.end(), id);
    if (it != kept.end()) plan.permutation.push_back(static_cast<int>(it - kept.begin()));
    plan.expanded.push_back(it != kept.end() ? len[id] : 1);
    plan.broadcast.push_back(len[id]);
    plan.adds_axes = plan.adds_axes || it == kept.end();
  }
  for (const auto& g : right.groups) {
    std::int64_t n = 1;
    for (int id : g) n = checked_product(n, len[id], p);
    plan.result.push_back(n);
  }
  return plan;
}

}  // namespace ivy::detail
