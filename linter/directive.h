#pragma once
/// The comment directives authors write to talk to runbookc:
///   <!-- runbookc-disable RB201,update-without-where reason="..." -->
///   <!-- runbookc-enable RB201 -->  <!-- runbookc-disable-next-block -->
///   <!-- runbookc-disable-file RB301 -->  <!-- runbookc-danger reason="..." -->
///   # runbookc: disable=RB301 reason="..."      (shell)
///   -- runbookc: disable=RB208                   (SQL)
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rbc {

struct Directive {
  std::string kind;                ///< "disable", "enable", "disable-next-block", "disable-file", "danger", "disable-line"
  std::vector<std::string> codes;  ///< as written (codes or kebab names); empty = every rule
  std::string reason;              ///< the reason="..." value; empty when absent
  size_t offset = 0;               ///< where the directive starts in the text given
};

/// The directive in an HTML comment (`<!-- runbookc-... -->`), if it is one.
std::optional<Directive> parse_html_directive(std::string_view comment);

/// A `# runbookc: disable=...` or `-- runbookc: disable=...` comment in one
/// line of code; kind is "disable-line".
std::optional<Directive> parse_code_directive(std::string_view line);

}  // namespace rbc
