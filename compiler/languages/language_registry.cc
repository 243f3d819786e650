#include "compiler/languages/language_registry.h"

#include <algorithm>
#include <array>

#include "compiler/base/ascii.h"
#include "compiler/languages/command_effects.h"
#include "compiler/syntax/fence_info.h"

namespace rbc {
namespace {

constexpr std::array<std::string_view, 9> kShellTags = {"bash", "sh", "shell", "zsh", "ksh", "shellscript",
                                                        "shell-script", "bourne", "dash"};
constexpr std::array<std::string_view, 6> kConsoleTags = {"console", "shell-session", "sh-session",
                                                          "shellsession", "terminal", "bash-session"};
constexpr std::array<std::string_view, 6> kPostgresTags = {"sql", "psql", "postgres", "postgresql", "pgsql", "plpgsql"};
constexpr std::array<std::string_view, 2> kMysqlTags = {"mysql", "mariadb"};
constexpr std::array<std::string_view, 2> kRedisTags = {"redis", "redis-cli"};
constexpr std::array<std::string_view, 5> kRubyTags = {"ruby", "rb", "irb", "pry", "jruby"};

// `fish` is not listed: its syntax is not bash's, so its blocks are `other`.
constexpr std::array<Language, 6> kLanguages = {{
    {"shell", BlockKind::shell, kShellTags, Analyzer::shell, Grammar::bash, "shell"},
    {"console", BlockKind::console, kConsoleTags, Analyzer::console, Grammar::bash, "shell"},
    {"PostgreSQL", BlockKind::postgres, kPostgresTags, Analyzer::postgres, Grammar::sql, "psql"},
    {"MySQL", BlockKind::mysql, kMysqlTags, Analyzer::mysql, Grammar::sql, "mysql"},
    {"Redis", BlockKind::redis, kRedisTags, Analyzer::redis, std::nullopt, "redis"},
    {"Ruby", BlockKind::ruby, kRubyTags, Analyzer::ruby, std::nullopt, ""},
}};

}  // namespace

std::span<const Language> all_languages() { return kLanguages; }

const Language* language_for_tag(std::string_view tag) {
  for (const Language& language : kLanguages)
    if (std::find(language.tags.begin(), language.tags.end(), tag) != language.tags.end()) return &language;
  return nullptr;
}

const Language* language_of(BlockKind kind) {
  for (const Language& language : kLanguages)
    if (language.kind == kind) return &language;
  return nullptr;
}

namespace {

/// An untagged block whose first command line (not blank, not a comment)
/// names a program and subcommand the command-effect table knows, possibly
/// behind a runner: `ckan dataset purge NAME`, `gds aws ROLE -- kubectl ...`.
bool starts_with_known_command(std::string_view body) {
  size_t pos = 0;
  while (pos < body.size()) {
    size_t nl = body.find('\n', pos);
    std::string_view line = body.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? body.size() : nl + 1;
    std::vector<Word> words;
    size_t at = 0;
    while (at < line.size()) {
      while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
      size_t end = at;
      while (end < line.size() && line[end] != ' ' && line[end] != '\t') ++end;
      if (end > at) words.push_back({std::string(line.substr(at, end - at)), {}, true});
      at = end;
    }
    if (words.empty() || words.front().text.front() == '#') continue;
    if (words.front().text == "$") words.erase(words.begin());
    // The first word names a program (lower case: not a Dockerfile's RUN, not
    // a YAML key), then a known command follows, possibly after a runner.
    if (words.empty()) return false;
    std::string_view first = words.front().text;
    if (!std::all_of(first.begin(), first.end(), [](char c) {
          return is_ascii_lower(c) || is_ascii_digit(c) || c == '-' || c == '_' || c == '.' || c == '/';
        }))
      return false;
    return known_command_at(words, 0).has_value();
  }
  return false;
}

/// An untagged block whose first code line calls a method on a Ruby constant
/// (`Sidekiq::Queue.new(...)`, `User.find_by(...)`): a Rails console session.
bool starts_with_ruby_call(std::string_view body) {
  size_t pos = 0;
  while (pos < body.size()) {
    size_t nl = body.find('\n', pos);
    std::string_view line = body.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? body.size() : nl + 1;
    size_t i = line.find_first_not_of(" \t");
    if (i == std::string_view::npos || line[i] == '#') continue;
    auto ident = [&](size_t at) {
      size_t end = at;
      while (end < line.size() && (is_ascii_alnum(line[end]) || line[end] == '_')) ++end;
      return end;
    };
    do {  // Name(::Name)*
      if (i >= line.size() || !is_ascii_upper(line[i])) return false;
      i = ident(i);
    } while (line.substr(i, 2) == "::" && (i += 2));
    if (i >= line.size() || line[i] != '.' || i + 1 >= line.size() || !is_ascii_lower(line[i + 1])) return false;
    i = ident(i + 1);
    return i == line.size() || line[i] == '(' || line[i] == '.' || line[i] == ' ' || line[i] == '!' ||
           line[i] == '?';
  }
  return false;
}

}  // namespace

void resolve_kind(Step& step) {
  step.kind_guessed = false;
  if (step.language.empty()) {
    step.kind = guess_kind(step.body);
    if (step.kind == BlockKind::none && starts_with_known_command(step.body)) step.kind = BlockKind::shell;
    if (step.kind == BlockKind::none && starts_with_ruby_call(step.body)) step.kind = BlockKind::ruby;
    step.kind_guessed = step.kind != BlockKind::none;
    return;
  }
  const Language* language = language_for_tag(step.language);
  step.kind = language ? language->kind : BlockKind::other;
}

}  // namespace rbc
