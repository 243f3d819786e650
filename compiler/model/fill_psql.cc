#include <algorithm>
#include <cctype>
#include <set>
#include <string_view>

#include "compiler/base/ascii.h"
#include "compiler/languages/postgres_scanner.h"
#include "compiler/model/fill_text.h"
#include "compiler/model/parameters.h"

namespace rbc {
namespace {

using Kind = SqlToken::Kind;

/// Words after which a bare placeholder names an object (a psql identifier
/// variable, :"rb_x"), not a value.
bool precedes_a_name(std::string_view word) {
  static const std::set<std::string, std::less<>> words = {
      "FROM", "JOIN",     "UPDATE",   "INTO", "TABLE",    "INDEX",   "VIEW",   "SCHEMA", "DATABASE",
      "SEQUENCE", "ROLE", "USER",     "TRUNCATE", "ANALYZE", "VACUUM", "ONLY", "EXISTS"};
  return words.count(ascii_upper(word)) > 0;
}

/// `text` as one argument of a psql meta-command, in single quotes.
std::string psql_meta_quote(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += "''";
    else if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else out += c;
  }
  return out + "'";
}

class PsqlFiller {
 public:
  PsqlFiller(const std::string& flat, const std::vector<Segment>& uses) : flat_(flat), uses_(uses) {}

  FilledText fill(const std::vector<SqlToken>& tokens) {
    size_t copied = 0;
    for (size_t t = 0; t < tokens.size() && out_.refused.empty(); ++t) {
      const SqlToken& token = tokens[t];
      if (spelled(token).find(kPlaceholderMark) == std::string_view::npos) continue;
      out_.code.append(flat_, copied, token.begin - copied);
      copied = token.end;
      switch (token.kind) {
        case Kind::other:
          bare(tokens, t);
          break;
        case Kind::comment:
          as_written(token);
          break;
        case Kind::string:
        case Kind::escape_string:
        case Kind::bit_string:
        case Kind::quoted_identifier:
          quoted(token);
          break;
        case Kind::dollar_string:
          out_.refused = "a placeholder is inside a dollar-quoted SQL body";
          break;
        case Kind::unicode_escape:
          out_.refused = "a placeholder is inside a U&'...' literal, whose escapes a psql variable does not follow";
          break;
        case Kind::word:
          out_.refused = "internal error: a placeholder inside an SQL word";
          break;
      }
    }
    if (out_.refused.empty() && next_use_ != uses_.size()) out_.refused = "internal error: placeholders out of step";
    if (!out_.refused.empty()) return std::move(out_);
    out_.code.append(flat_, std::min(copied, flat_.size()));
    out_.code = prefix_ + out_.code;
    return std::move(out_);
  }

 private:
  std::string_view spelled(const SqlToken& token) const {
    return std::string_view(flat_).substr(token.begin, token.end - token.begin);
  }

  const std::string* next_param() {
    if (next_use_ >= uses_.size()) {
      out_.refused = "internal error: placeholders out of step";
      return nullptr;
    }
    return &uses_[next_use_++].param;
  }

  std::string psql_var(const std::string& param) const { return parameter_names(param).psql_var; }

  /// The placeholder as a token of its own: a value (:'rb_x'), or a name
  /// (:"rb_x") after FROM, JOIN... or next to a dot.
  void bare(const std::vector<SqlToken>& tokens, size_t t) {
    const SqlToken& token = tokens[t];
    if (spelled(token).size() != 1) {
      out_.refused = "internal error: a placeholder inside an SQL token";
      return;
    }
    const std::string* param = next_param();
    if (!param) return;
    const SqlToken* before = t > 0 ? &tokens[t - 1] : nullptr;
    const SqlToken* after = t + 1 < tokens.size() ? &tokens[t + 1] : nullptr;
    bool name = (before && before->kind == Kind::word && precedes_a_name(spelled(*before))) ||
                (before && before->end == token.begin && spelled(*before).ends_with('.')) ||
                (after && after->begin == token.end && spelled(*after).starts_with('.'));
    out_.code += name ? ":\"" + psql_var(*param) + "\"" : ":'" + psql_var(*param) + "'";
    out_.use(*param, false);
  }

  /// In a comment: left as written (not a value the step needs).
  void as_written(const SqlToken& token) {
    for (char c : spelled(token)) {
      if (c != kPlaceholderMark) {
        out_.code += c;
        continue;
      }
      if (next_use_ >= uses_.size()) {
        out_.refused = "internal error: placeholders out of step";
        return;
      }
      out_.code += uses_[next_use_++].text;
    }
  }

  /// A literal ('...', E'...', B'...') or quoted identifier holding
  /// placeholders: psql builds it from variables.
  void quoted(const SqlToken& token) {
    std::string_view text = spelled(token);
    char quote = token.kind == Kind::quoted_identifier ? '"' : '\'';
    size_t open = text.find(quote);
    if (open == std::string_view::npos || text.size() < open + 2 || text.back() != quote) {
      out_.refused = "internal error: an SQL literal without its quotes";
      return;
    }
    // E'...' is replaced whole (psql quotes the value its own way); B and X stay.
    std::string kept_prefix(token.kind == Kind::escape_string ? std::string_view() : text.substr(0, open));
    std::vector<Segment> pieces;
    if (!split(text.substr(open + 1, text.size() - open - 2), quote, token.kind == Kind::escape_string, pieces)) return;
    if (pieces.size() == 1 && !pieces[0].param.empty()) {
      out_.code += kept_prefix + ":" + quote + psql_var(pieces[0].param) + quote;
      out_.use(pieces[0].param, false);
      return;
    }
    if (token.kind == Kind::quoted_identifier) {
      out_.refused = "a placeholder is part of a quoted SQL identifier";
      return;
    }
    std::string var = "rb_literal_" + std::to_string(++literals_);
    prefix_ += "\\set " + var;
    for (const Segment& piece : pieces) {
      if (piece.param.empty()) {
        prefix_ += " " + psql_meta_quote(piece.text);
      } else {
        prefix_ += " :" + psql_var(piece.param);
        out_.use(piece.param, false);
      }
    }
    prefix_ += "\n";
    out_.code += kept_prefix + ":'" + var + "'";
  }

  /// The inside of a literal as values: text (its quote doubled, or in E'...'
  /// a backslash escape, stands for one character) and parameters.
  bool split(std::string_view inside, char quote, bool escapes, std::vector<Segment>& pieces) {
    auto add_text = [&](char c) {
      if (pieces.empty() || !pieces.back().param.empty()) pieces.push_back({});
      pieces.back().text += c;
    };
    for (size_t i = 0; i < inside.size(); ++i) {
      char c = inside[i];
      if (c == kPlaceholderMark) {
        const std::string* param = next_param();
        if (!param) return false;
        pieces.push_back({"", *param});
      } else if (c == quote && i + 1 < inside.size() && inside[i + 1] == quote) {
        add_text(quote);
        ++i;
      } else if (escapes && c == '\\' && i + 1 < inside.size()) {
        char e = inside[++i];
        static constexpr std::string_view kSimple = "ntrbf", kMeaning = "\n\t\r\b\f";
        if (e == kPlaceholderMark) {
          out_.refused = "a backslash escapes a placeholder in an E'...' literal";
          return false;
        }
        if (std::isdigit(static_cast<unsigned char>(e)) || e == 'x' || e == 'u' || e == 'U') {
          out_.refused = "a placeholder is inside an E'...' literal with a numeric escape";
          return false;
        }
        size_t simple = kSimple.find(e);
        add_text(simple == std::string_view::npos ? e : kMeaning[simple]);
      } else {
        add_text(c);
      }
    }
    return true;
  }

  const std::string& flat_;
  const std::vector<Segment>& uses_;
  size_t next_use_ = 0;
  int literals_ = 0;
  std::string prefix_;  ///< \set lines that build literals
  FilledText out_;
};

}  // namespace

FilledText fill_psql(const std::string& flat, const std::vector<Segment>& uses) {
  FilledText out;
  if (uses.empty()) {
    out.code = flat;
    return out;
  }
  SqlScan scan = scan_postgres(flat);
  if (scan.error) {
    out.refused = "the SQL does not scan (" + scan.error->message + ")";
    return out;
  }
  return PsqlFiller(flat, uses).fill(scan.tokens);
}

}  // namespace rbc
