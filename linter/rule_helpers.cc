#include "linter/rule_helpers.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "compiler/base/path_name.h"

namespace rbc::rules {
bool runs_remotely(const Command& cmd) {
  for (const std::string& w : cmd.wrappers)
    if (w == "ssh" || w.ends_with(" exec") || w == "oc rsh" || w == "knife ssh") return true;
  return false;
}

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

Span fence_span(const Runbook& runbook, const Step& step) {
  const SourceFile& src = *runbook.source;
  uint32_t begin = src.line_start(step.line);
  std::string_view line = src.line_text(step.line);
  size_t first = step.fenced ? line.find_first_of("`~") : line.find_first_not_of(" \t");
  size_t last = step.fenced ? line.find_last_of("`~") : line.size() - 1;
  if (first == std::string_view::npos) first = 0, last = 0;
  return {begin + static_cast<uint32_t>(first), begin + static_cast<uint32_t>(last + 1)};
}

std::optional<Span> fence_language_span(const Runbook& runbook, const Step& step) {
  if (!step.fenced) return std::nullopt;
  const SourceFile& src = *runbook.source;
  std::string_view line = src.line_text(step.line);
  size_t at = line.find_first_of("`~");
  if (at == std::string_view::npos) return std::nullopt;
  char fence = line[at];
  while (at < line.size() && line[at] == fence) ++at;
  uint32_t base = src.line_start(step.line);
  size_t info = line.find_first_not_of(" \t", at);
  if (info == std::string_view::npos || line[info] == '\r') {
    if (!step.language.empty()) return std::nullopt;
    return Span{base + static_cast<uint32_t>(at), base + static_cast<uint32_t>(at)};
  }
  at = info;
  if (line[at] == '{') {
    ++at;
    if (at < line.size() && line[at] == '.') ++at;
  }
  size_t end = at;
  while (end < line.size() && line[end] != ' ' && line[end] != '\t' && line[end] != '{' && line[end] != '}' &&
         line[end] != ',' && line[end] != '\r')
    ++end;
  std::string_view word = line.substr(at, end - at);
  if (word.empty() || word.size() != step.language.size()) return std::nullopt;
  for (size_t i = 0; i < word.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(word[i])) != static_cast<unsigned char>(step.language[i]))
      return std::nullopt;
  return Span{base + static_cast<uint32_t>(at), base + static_cast<uint32_t>(end)};
}

bool is_checked(const Step& step) { return step.facts.analyzed && step.runnable(); }

bool created_in_step(const Step& step, const SqlStatement& st) {
  if (st.relations.empty()) return false;
  for (const SqlStatement& other : step.facts.statements) {
    if (&other == &st) return false;  // only statements before this one
    if (other.kind != "CreateStmt" && other.kind != "CreateTableAsStmt") continue;
    // CREATE ... IF NOT EXISTS may leave an existing, filled table in place.
    if (other.if_not_exists) continue;
    for (const std::string& r : st.relations)
      if (std::find(other.relations.begin(), other.relations.end(), r) != other.relations.end()) return true;
  }
  return false;
}

std::string relation_list(const SqlStatement& st, std::string_view unknown) {
  if (st.relations.empty()) return std::string(unknown);
  std::string out;
  for (const std::string& r : st.relations) out += (out.empty() ? "" : ", ") + r;
  return out;
}

bool targets_linux_servers(const Runbook& runbook) {
  for (const Step& step : runbook.steps)
    if (is_checked(step))
      for (const Command& cmd : step.facts.commands)
        if (program_is(cmd, {"systemctl", "journalctl", "apt-get", "apt", "yum", "dnf", "apk", "service"})) return true;
  return false;
}

bool signals_backends_unfiltered(const SqlStatement& st, std::string_view function) {
  const auto& f = st.functions;
  if (std::find(f.begin(), f.end(), function) == f.end() || st.spares_own_backend) return false;
  const auto& t = st.tables_read;
  if (std::find(t.begin(), t.end(), "pg_stat_activity") == t.end()) return false;
  for (std::string_view column : {"usename", "application_name", "client_addr", "query"})
    if (st.json.find("{\"sval\":\"" + std::string(column) + "\"}") != std::string::npos) return false;
  return true;
}

}  // namespace rbc::rules
