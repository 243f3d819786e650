#pragma once
/// Fence info strings: "bash {name=restart-api danger=\"why\"}" and friends.
#include <map>
#include <string>
#include <string_view>

#include "compiler/syntax/ir.h"

namespace rbc {

struct FenceInfo {
  std::string language;  ///< lower-cased first word, "" when untagged
  std::map<std::string, std::string> attributes;
};

/// Parses the language and attributes: `{key=value key="quoted value" .class #id flag}`,
/// also without braces (`bash name=x`) and `{.bash}` as the language.
FenceInfo parse_fence_info(std::string_view info);

/// The kind a language tag names (bash/sh/zsh → shell, psql → postgres, ...).
BlockKind kind_of_language(std::string_view language);

/// For untagged blocks: shell or postgres when the content clearly is, else none.
BlockKind guess_kind(std::string_view body);

}  // namespace rbc
