#pragma once
// Internal view of a Container for the files of src/container: its children and leaf, plus the
// key and key-chain rules every entry point shares.
#include <string>
#include <string_view>
#include <vector>

#include "ivy/container.hpp"

namespace ivy::detail {

struct ContainerAccess {
  static std::vector<Container::Item>& children(Container& c) { return c.children_; }
  static const std::vector<Container::Item>& children(const Container& c) { return c.children_; }
  /** The child called key, or nullptr. */
  static const Container* find(const Container& c, std::string_view key);
  static Container* find(Container& c, std::string_view key);
  /** The child called key, inserted in key order as an empty node if missing. */
  static Container& find_or_insert(Container& c, std::string_view key);
};

/** A ValueError naming fn unless key is non-empty, has no '/' and is not ".". */
void check_key(std::string_view key, std::string_view fn);
/** The keys of "a/b/c" (none for ""), each checked as check_key does. */
std::vector<std::string> split_key_chain(std::string_view key_chain, std::string_view fn);
/** "prefix/key", or "key" for an empty prefix. */
std::string join_key_chain(std::string_view prefix, std::string_view key);

/**
 * Inside a catch block: rethrows the ivy::Error being handled as the same class with
 * " (at key chain 'kc')" appended; anything else is rethrown unchanged.
 */
[[noreturn]] void rethrow_at_key_chain(const std::string& key_chain);

/** f() with its ivy::Error messages naming the key chain. */
template <class F>
decltype(auto) at_key_chain(const std::string& key_chain, F&& f) {
  try {
    return f();
  } catch (...) {
    rethrow_at_key_chain(key_chain);
  }
}

}  // namespace ivy::detail
