#include "linter/directive.h"

#include <cctype>

namespace rbc {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

/// Splits "RB201, rb-name reason="why"" into codes and the reason.
void read_arguments(std::string_view rest, Directive& d) {
  size_t reason_at = rest.find("reason=");
  std::string_view codes = rest.substr(0, reason_at);
  if (reason_at != std::string_view::npos) {
    std::string_view value = rest.substr(reason_at + 7);
    if (!value.empty() && (value.front() == '"' || value.front() == '\'')) {
      char quote = value.front();
      size_t close = value.find(quote, 1);
      d.reason = std::string(trim(value.substr(1, close == std::string_view::npos ? std::string_view::npos : close - 1)));
    } else {
      d.reason = std::string(trim(value.substr(0, value.find(' '))));
    }
  }
  std::string code;
  for (char c : codes) {
    if (c == ',' || std::isspace(static_cast<unsigned char>(c))) {
      if (!code.empty()) d.codes.push_back(code);
      code.clear();
    } else {
      code += c;
    }
  }
  if (!code.empty()) d.codes.push_back(code);
}

}  // namespace

std::optional<Directive> parse_html_directive(std::string_view comment) {
  std::string_view body = comment;
  if (body.substr(0, 4) == "<!--") body.remove_prefix(4);
  if (body.size() >= 3 && body.substr(body.size() - 3) == "-->") body.remove_suffix(3);
  body = trim(body);
  if (body.substr(0, 9) != "runbookc-") return std::nullopt;
  body.remove_prefix(9);
  size_t end = 0;
  while (end < body.size() && (std::isalpha(static_cast<unsigned char>(body[end])) || body[end] == '-')) ++end;
  Directive d;
  d.kind = std::string(body.substr(0, end));
  if (d.kind != "disable" && d.kind != "enable" && d.kind != "disable-next-block" && d.kind != "disable-file" &&
      d.kind != "danger")
    return std::nullopt;
  read_arguments(body.substr(end), d);
  return d;
}

std::optional<Directive> parse_code_directive(std::string_view line) {
  size_t at = line.find("runbookc:");
  if (at == std::string_view::npos) return std::nullopt;
  // Only inside a comment: '#' (shell) or '--' (SQL) before it on the line.
  std::string_view before = trim(line.substr(0, at));
  bool hash = !before.empty() && before.back() == '#';
  bool dashes = before.size() >= 2 && before.substr(before.size() - 2) == "--";
  if (!hash && !dashes) return std::nullopt;
  std::string_view rest = trim(line.substr(at + 9));
  if (rest.substr(0, 8) != "disable=") return std::nullopt;
  Directive d;
  d.kind = "disable-line";
  d.offset = hash ? line.rfind('#', at) : line.rfind("--", at);
  read_arguments(rest.substr(8), d);
  return d;
}

}  // namespace rbc
