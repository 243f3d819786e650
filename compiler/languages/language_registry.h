#pragma once
/// The one table from fence tags to languages. An entry says what a block in
/// that language is (its BlockKind), which analysis reads it, which grammar
/// highlights it on the site and how a generated script runs it. The
/// analysis, the highlighter and the scripts read the entry of a step's kind;
/// nothing else decides from the tag. Adding a language is adding an entry.
#include <optional>
#include <span>
#include <string_view>

#include "compiler/languages/grammar.h"
#include "compiler/syntax/ir.h"

namespace rbc {

/// Which analysis fills a block's facts.
enum class Analyzer {
  none,      ///< not analysed
  shell,     ///< tree-sitter-bash over the whole text
  console,   ///< a terminal transcript: prompted lines are shell, the rest output
  postgres,  ///< the PostgreSQL dialect (MySQL when the text is recognisably MySQL)
  mysql,     ///< the MySQL dialect
  redis,     ///< one redis-cli command a line
  ruby,      ///< a lexical scan for the calls that delete data (compiler/languages/ruby_scan.h)
};

struct Language {
  std::string_view name;                  ///< the language, as messages name it
  BlockKind kind;                         ///< what its blocks are
  std::span<const std::string_view> tags; ///< the fence tags that name it, lower case
  Analyzer analyzer;
  std::optional<Grammar> highlight;       ///< the grammar that colours it on the site; none: plain text
  /// How a generated script runs it (RenderedStep::runner): "shell", "psql",
  /// "mysql" or "redis"; empty: shown, not run.
  std::string_view runner;
};

/// Every language, in table order.
std::span<const Language> all_languages();

/// The language a (lower-cased) fence tag names; null when no entry lists it.
const Language* language_for_tag(std::string_view tag);

/// The entry for a kind; null for BlockKind::none and BlockKind::other.
const Language* language_of(BlockKind kind);

/// Sets `step.kind` from its tag: the entry's kind, `other` for a tag no entry
/// lists, and for an untagged block a guess from its content (`kind_guessed`).
void resolve_kind(Step& step);

}  // namespace rbc
