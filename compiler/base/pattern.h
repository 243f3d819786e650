#pragma once
/// Regular expressions for the linter, on RE2: linear time and no recursion,
/// so any line length is safe, and several times faster than std::regex on
/// the short lines a runbook is made of. Text is matched byte by byte
/// (RE2's Latin-1 mode), like the rest of the linter's scanning; `\b`, `\w`
/// and `\s` are ASCII. Patterns are compiled once (keep them static) and may
/// be used from several threads.
#include <array>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace re2 {
class RE2;
}

namespace rbc {

/// One match: the whole text matched and its first kMaxGroups capture groups
/// (an empty view for a group that did not take part).
struct PatternMatch {
  static constexpr int kMaxGroups = 6;
  std::string_view whole;
  std::array<std::string_view, kMaxGroups + 1> groups{};
  size_t position = 0;  ///< offset of `whole` in the searched text

  std::string_view group(int i) const { return groups[static_cast<size_t>(i)]; }
  size_t length() const { return whole.size(); }
};

class Pattern {
 public:
  enum Flags { none = 0, ignore_case = 1, multiline = 2 };
  /// Throws std::logic_error naming the pattern when it does not compile.
  explicit Pattern(std::string_view expression, int flags = none);
  ~Pattern();
  Pattern(Pattern&&) noexcept;
  Pattern(const Pattern&) = delete;
  Pattern& operator=(const Pattern&) = delete;

  /// True when the pattern matches somewhere in `text`.
  bool search(std::string_view text) const;
  /// The leftmost match starting at or after `from`; `^` and `\b` still see
  /// the text before `from`.
  bool find(std::string_view text, PatternMatch& match, size_t from = 0) const;
  /// Calls `each(match)` for every non-overlapping match, left to right.
  template <typename F>
  void for_each(std::string_view text, F each) const {
    PatternMatch m;
    for (size_t from = 0; from <= text.size() && find(text, m, from);) {
      each(static_cast<const PatternMatch&>(m));
      from = m.position + (m.length() ? m.length() : 1);
    }
  }
  /// `text` with every match replaced by `rewrite`, where `\1`..`\9` stand for groups.
  std::string replace_all(std::string text, std::string_view rewrite) const;

 private:
  std::unique_ptr<re2::RE2> re_;
  int groups_ = 0;
};

}  // namespace rbc
