#include "compiler/languages/language_registry.h"

#include <algorithm>
#include <array>

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

// `fish` is not listed: its syntax is not bash's, so its blocks are `other`.
constexpr std::array<Language, 5> kLanguages = {{
    {"shell", BlockKind::shell, kShellTags, Analyzer::shell, Grammar::bash, "shell"},
    {"console", BlockKind::console, kConsoleTags, Analyzer::console, Grammar::bash, "shell"},
    {"PostgreSQL", BlockKind::postgres, kPostgresTags, Analyzer::postgres, Grammar::sql, "psql"},
    {"MySQL", BlockKind::mysql, kMysqlTags, Analyzer::mysql, Grammar::sql, "mysql"},
    {"Redis", BlockKind::redis, kRedisTags, Analyzer::redis, std::nullopt, "redis"},
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

void resolve_kind(Step& step) {
  step.kind_guessed = false;
  if (step.language.empty()) {
    step.kind = guess_kind(step.body);
    step.kind_guessed = step.kind != BlockKind::none;
    return;
  }
  const Language* language = language_for_tag(step.language);
  step.kind = language ? language->kind : BlockKind::other;
}

}  // namespace rbc
