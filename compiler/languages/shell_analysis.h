#pragma once
/// Shell facts from tree-sitter-bash: the command model (argv after
/// unwrapping sudo, env, ssh, kubectl exec --, bash -c '...'), SQL pulled out
/// of psql/mysql invocations, redis-cli commands, variables read, and the
/// first syntax error. Offsets are into the step body.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/languages/text_map.h"
#include "compiler/syntax/ir.h"

namespace rbc {

/// Options of `read` and of `mapfile`/`readarray` whose value is the next
/// word (bash(1)); the other words after the options are variable names.
inline constexpr std::string_view kReadValueOptions = "adinNptu";
inline constexpr std::string_view kMapfileValueOptions = "dnOsuCc";

struct BodyWord {
  std::string text;
  uint32_t begin = 0, end = 0;
  bool literal = true;
};

struct BodyCommand {
  std::vector<BodyWord> argv;
  std::vector<BodyWord> assignments;  ///< prefix `NAME=value` words, as written
  std::vector<std::string> wrappers;
  uint32_t begin = 0, end = 0;
  int pipeline = -1;
  int position_in_pipeline = 0;
  bool negated = false;
};

struct EmbeddedText {
  MappedText text;
  bool mysql = false;
  std::string_view dialect = {};  ///< SQL of another dialect: "ClickHouse", "BigQuery", "SQLite", "InfluxQL"
};

/// Text the analysis did not look into, with the reason (body offsets).
struct ShellGap {
  uint32_t begin = 0, end = 0;
  std::string reason;
};

struct ShellFacts {
  std::optional<uint32_t> error_begin;  ///< first tree-sitter error (body offset)
  uint32_t error_end = 0;
  std::string error_message;
  bool timed_out = false;  ///< tree-sitter-bash gave up: nothing else here is filled
  /// Parts left unanalysed: nesting past the walker's bounds, strings of
  /// shell (bash -c '...') the parser gave up on. At most one per reason.
  std::vector<ShellGap> gaps;
  std::vector<BodyCommand> commands;
  std::vector<EmbeddedText> sql;    ///< psql -c / heredoc / mysql -e texts
  std::vector<EmbeddedText> redis;
  std::vector<EmbeddedText> ruby;  ///< `rails runner CODE`  ///< redis-cli heredoc bodies, one command a line
  std::vector<std::string> variables_read;
  std::vector<std::string> variables_set;
  std::vector<ShellQuoting> placeholder_quoting;  ///< one per placeholder given
  std::vector<std::string> open_heredocs;         ///< delimiters of here-documents left open
};

/// Analyses normalized shell text (same length as the body); `placeholders`
/// are byte ranges of it whose quoting is wanted (shell_quoting.h).
ShellFacts analyze_shell(const std::string& normalized, const std::vector<Span>& placeholders = {});

}  // namespace rbc
