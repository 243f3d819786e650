#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <ostream>

#include "compiler/syntax/source_file.h"
#include "compiler/emit/reporters/reporter.h"
#include "linter/diagnostic_json.h"

namespace rbc {

namespace {

/// A JSON string literal, escaped as nlohmann's dump() escapes it. ASCII text
/// (nearly every finding) is escaped here; anything else goes to nlohmann,
/// which also replaces invalid UTF-8.
std::string json_string(std::string_view text) {
  if (find_non_ascii(text) != std::string_view::npos)
    return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) fmt::format_to(std::back_inserter(out), "\\u{:04x}", static_cast<int>(c));
        else out += c;
    }
  }
  out += '"';
  return out;
}

/// `{"key": n, ...}` at the indentation of a summary member.
template <typename Map>
void write_counts(std::string& out, const Map& counts) {
  if (counts.empty()) {
    out += "{}";
    return;
  }
  out += "{";
  const char* sep = "\n";
  for (const auto& [key, n] : counts) {
    fmt::format_to(std::back_inserter(out), "{}      {}: {}", sep, json_string(key), n);
    sep = ",\n";
  }
  out += "\n    }";
}

}  // namespace

// Written directly rather than built as a JSON tree and dumped, which cost
// more than a millisecond at the end of every lint; the layout is what
// nlohmann's dump(2) gives diagnostic_to_json's objects (a test compares them).
void report_json(std::ostream& os, const LintRun& run) {
  std::string out = "{\n  \"version\": 1,\n  \"diagnostics\": [";
  const char* sep = "\n";
  for (const auto& f : run.files)
    for (const auto& d : f.diagnostics) {
      if (d.fix) {  // rare: the tree, dumped at this depth, gives the same layout
        std::string dumped = diagnostic_to_json(d).dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
        out += sep;
        out += "    ";
        for (char c : dumped) {
          out += c;
          if (c == '\n') out += "    ";
        }
        sep = ",\n";
        continue;
      }
      fmt::format_to(std::back_inserter(out),
                     "{}    {{\n      \"file\": {},\n      \"line\": {},\n      \"column\": {},\n      \"end_line\": {},\n"
                     "      \"end_column\": {},\n      \"severity\": {},\n      \"code\": {},\n      \"rule\": {},\n"
                     "      \"category\": {},\n      \"message\": {},\n      \"help\": {}\n    }}",
                     sep, json_string(d.path), d.start.line, d.start.column, d.end.line, d.end.column,
                     json_string(to_string(d.severity)), json_string(d.code), json_string(d.rule), json_string(to_string(d.category)),
                     json_string(d.message), json_string(d.help));
      sep = ",\n";
    }
  out += *sep == '\n' ? "]" : "\n  ]";
  ReportSummary s = summarize(run);
  fmt::format_to(std::back_inserter(out),
                 ",\n  \"summary\": {{\n    \"files\": {},\n    \"errors\": {},\n    \"warnings\": {},\n    \"notes\": {},\n"
                 "    \"by_code\": ",
                 s.files, s.errors, s.warnings, s.notes);
  write_counts(out, s.by_code);
  out += ",\n    \"blocks\": ";
  write_counts(out, s.blocks);
  out += ",\n    \"io_errors\": ";
  if (run.errors.empty()) {
    out += "[]";
  } else {
    out += "[";
    const char* esep = "\n";
    for (const auto& e : run.errors) {
      out += esep;
      out += "      " + json_string(e);
      esep = ",\n";
    }
    out += "\n    ]";
  }
  out += "\n  }\n}\n";
  os << out;
}

}  // namespace rbc
