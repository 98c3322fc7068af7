#include <algorithm>
#include <exception>
#include <string>

#include "container/access.hpp"
#include "ivy/core/errors.hpp"

namespace ivy::detail {

namespace {
auto lower(std::vector<Container::Item>& items, std::string_view key) {
  return std::lower_bound(
      items.begin(), items.end(), key,
      [](const Container::Item& item, std::string_view k) { return item.first < k; });
}
}  // namespace

const Container* ContainerAccess::find(const Container& c, std::string_view key) {
  return find(const_cast<Container&>(c), key);
}

Container* ContainerAccess::find(Container& c, std::string_view key) {
  auto it = lower(c.children_, key);
  return it != c.children_.end() && it->first == key ? &it->second : nullptr;
}

Container& ContainerAccess::find_or_insert(Container& c, std::string_view key) {
  auto it = lower(c.children_, key);
  if (it != c.children_.end() && it->first == key) return it->second;
  return c.children_.insert(it, Container::Item(std::string(key), Container()))->second;
}

void check_key(std::string_view key, std::string_view fn) {
  if (key.empty() || key == "." || key.find('/') != std::string_view::npos)
    raise<ValueError>(
        fn, "core",
        "invalid key '" + std::string(key) + "': a key is non-empty, has no '/' and is not \".\"");
}

std::vector<std::string> split_key_chain(std::string_view key_chain, std::string_view fn) {
  std::vector<std::string> keys;
  if (key_chain.empty()) return keys;
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = key_chain.find('/', start);
    const std::string_view key = key_chain.substr(start, slash - start);
    if (key.empty() || key == ".")
      raise<ValueError>(fn, "core",
                        "invalid key chain '" + std::string(key_chain) +
                            "': keys are non-empty and not \".\", joined by single '/'");
    keys.emplace_back(key);
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return keys;
}

std::string join_key_chain(std::string_view prefix, std::string_view key) {
  std::string out(prefix);
  if (!out.empty()) out += '/';
  out += key;
  return out;
}

void rethrow_at_key_chain(const std::string& key_chain) {
  const std::string suffix = " (at key chain '" + key_chain + "')";
  try {
    throw;
  } catch (const ShapeError& e) {
    throw ShapeError(e.what() + suffix);
  } catch (const DTypeError& e) {
    throw DTypeError(e.what() + suffix);
  } catch (const IndexError& e) {
    throw IndexError(e.what() + suffix);
  } catch (const ValueError& e) {
    throw ValueError(e.what() + suffix);
  } catch (const BackendError& e) {
    throw BackendError(e.what() + suffix);
  } catch (const UnsupportedError& e) {
    throw UnsupportedError(e.what() + suffix);
  } catch (const IOError& e) {
    throw IOError(e.what() + suffix);
  } catch (const Error& e) {
    throw Error(e.what() + suffix);
  }
}

}  // namespace ivy::detail
