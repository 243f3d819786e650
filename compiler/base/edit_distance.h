#pragma once
/// Levenshtein distance between two byte strings: for "did you mean" and for
/// telling a typo from a different word.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rbc {

size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word` when it is close enough to be a typo of it
/// (at most 2 edits, and fewer than half of `word`'s length); none otherwise.
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace rbc
