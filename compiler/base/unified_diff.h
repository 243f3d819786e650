#pragma once
/// A unified diff of two texts, line by line, as `diff -u` writes it: what
/// `runbookc lint --diff` prints. No library: the common first and last
/// lines are set aside and the rest is matched by longest common subsequence
/// (fixes change a few lines; a middle too large to match is shown replaced
/// whole, which is still a correct diff).
#include <string>
#include <string_view>

namespace rbc {

/// "" when the texts are equal; otherwise `--- old_name`, `+++ new_name` and
/// the hunks, each with up to `context` unchanged lines around the changes.
/// A last line without a newline is marked `\ No newline at end of file`.
std::string unified_diff(std::string_view old_text, std::string_view new_text, std::string_view old_name,
                         std::string_view new_name, unsigned context = 3);

}  // namespace rbc
