#pragma once
/// Helpers for unit tests: lint a Markdown string, find findings by code.
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "linter/driver.h"

// Failing comparisons of position lists print their contents.
namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& items) {
    std::string out = "{";
    for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
    return (out + "}").c_str();
  }
};
}  // namespace doctest

namespace rbc::test {

inline FileResult lint(const std::string& markdown, const std::string& path = "t.md") {
  return lint_bytes(path, markdown);
}

inline std::vector<Diagnostic> with_code(const FileResult& r, const std::string& code) {
  std::vector<Diagnostic> out;
  for (const auto& d : r.diagnostics)
    if (d.code == code) out.push_back(d);
  return out;
}

/// "line:column" of each finding with `code`, for compact assertions.
inline std::vector<std::string> positions(const FileResult& r, const std::string& code) {
  std::vector<std::string> out;
  for (const auto& d : with_code(r, code)) out.push_back(std::to_string(d.start.line) + ":" + std::to_string(d.start.column));
  return out;
}

inline std::vector<std::string> list(std::initializer_list<std::string> items) { return items; }

using Positions = std::vector<std::string>;
inline const Positions none;

/// A one-heading runbook with `body` in a fenced block of `language`; the body starts on line 4.
inline std::string block(const std::string& language, const std::string& body) {
  return "# Step\n\n```" + language + "\n" + body + "```\n";
}
inline std::string bash(const std::string& body) { return block("bash", body); }
inline std::string sql(const std::string& body) { return block("sql", body); }

}  // namespace rbc::test
