#pragma once
/// A lexical scan of Ruby (a Rails console session, `rails runner` code, a
/// ```ruby block) for the method calls that delete or rewrite data. There is
/// no Ruby grammar in the toolchain: strings, comments and console prompts
/// are skipped, then `.name` calls are read with their receiver chain.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rbc {

struct RubyCallText {
  std::string method;
  std::string receiver;
  bool unscoped = false;
  bool has_arguments = false;
  uint32_t begin = 0, end = 0;  ///< the method name, byte offsets into the text
};

/// Calls of delete_all, destroy_all, update_all, delete (no arguments),
/// destroy, destroy!, really_destroy!, purge, `&:delete` / `&:destroy`, and a
/// Redis client's flushall, flushdb and del, in text order.
std::vector<RubyCallText> scan_ruby_calls(std::string_view text);

}  // namespace rbc
