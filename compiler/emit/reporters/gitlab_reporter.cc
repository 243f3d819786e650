#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <xxhash.h>

#include <map>
#include <ostream>
#include <tuple>

#include "compiler/emit/reporters/reporter.h"

namespace rbc {

const char* gitlab_severity(Severity severity) {
  switch (severity) {
    case Severity::error: return "major";
    case Severity::warning: return "minor";
    case Severity::note: return "info";
  }
  return "info";
}

namespace {

std::string_view trimmed(std::string_view text) {
  size_t b = text.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  size_t e = text.find_last_not_of(" \t\r\n");
  return text.substr(b, e - b + 1);
}

}  // namespace

std::string_view offending_text(const FileResult& file, const Diagnostic& d) {
  if (!file.runbook.source) return {};
  const SourceFile& src = *file.runbook.source;
  const std::string& text = src.text();
  if (d.span.begin < d.span.end && d.span.end <= text.size())
    return trimmed(std::string_view(text).substr(d.span.begin, d.span.end - d.span.begin));
  if (d.start.line >= 1 && d.start.line <= src.line_count()) return trimmed(src.line_text(d.start.line));
  return {};
}

std::string gitlab_fingerprint(std::string_view path, std::string_view code, std::string_view text,
                               size_t occurrence) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset(state);
  const char separator = '\0';
  for (std::string_view piece : {path, std::string_view(&separator, 1), code, std::string_view(&separator, 1), text}) {
    XXH3_64bits_update(state, piece.data(), piece.size());
  }
  if (occurrence > 0) {
    std::string suffix = fmt::format("{}#{}", separator, occurrence);
    XXH3_64bits_update(state, suffix.data(), suffix.size());
  }
  XXH64_hash_t hash = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  return fmt::format("{:016x}", hash);
}

void report_gitlab(std::ostream& out, const LintRun& run) {
  nlohmann::ordered_json issues = nlohmann::ordered_json::array();
  for (const auto& f : run.files) {
    // The same code on the same text twice in a file: the second is #1, and so on,
    // so fingerprints stay unique and still do not depend on line numbers.
    std::map<std::pair<std::string, std::string>, size_t> seen;
    for (const auto& d : f.diagnostics) {
      std::string_view text = offending_text(f, d);
      size_t occurrence = seen[{d.code, std::string(text)}]++;
      std::string description = d.message;
      if (!d.help.empty()) description += ". " + d.help;
      issues.push_back({{"description", description},
                        {"check_name", d.code},
                        {"fingerprint", gitlab_fingerprint(d.path, d.code, text, occurrence)},
                        {"severity", gitlab_severity(d.severity)},
                        {"location", {{"path", d.path}, {"lines", {{"begin", d.start.line}}}}}});
    }
  }
  out << issues.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

}  // namespace rbc
