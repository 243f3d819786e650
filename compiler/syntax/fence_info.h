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

/// For untagged blocks: shell or postgres when the content clearly is, else
/// none. (What a tag names is the language table's: compiler/languages/language_registry.h.)
BlockKind guess_kind(std::string_view body);

}  // namespace rbc
