#include "compiler/model/step_text.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "compiler/model/parameters.h"
#include "compiler/languages/bash_confirm.h"
#include "compiler/languages/language_registry.h"
#include "compiler/languages/normalize.h"

namespace rbc {
namespace {

// Stands for a placeholder in the flattened text. Unambiguous because steps
// whose text holds this byte (or NUL) are never rendered (render_step).
constexpr char kSentinel = '\x01';

/// The block's commands: prompts and output lines dropped (from the blanked
/// `normalized` text), placeholders cut out as parameter segments.
std::vector<Segment> command_segments(const Step& step, const std::string& normalized) {
  struct Found {
    uint32_t begin, end;
    const Placeholder* p;
  };
  std::vector<Found> found;
  for (const Placeholder& p : step.facts.placeholders) {
    auto it = std::find(step.body_to_file.begin(), step.body_to_file.end(), p.span.begin);
    if (it == step.body_to_file.end()) continue;
    uint32_t b = static_cast<uint32_t>(it - step.body_to_file.begin());
    if (step.body.compare(b, p.written.size(), p.written) != 0) continue;
    found.push_back({b, b + static_cast<uint32_t>(p.written.size()), &p});
  }
  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.begin < b.begin; });

  std::vector<Segment> out;
  auto add_text = [&](std::string_view t) {
    if (t.empty()) return;
    if (out.empty() || !out.back().param.empty()) out.push_back({});
    out.back().text += t;
  };
  const std::string& body = step.body;
  bool blanked = normalized.size() == body.size();
  size_t next = 0;
  for (uint32_t ls = 0; ls < body.size();) {
    uint32_t le = static_cast<uint32_t>(std::min(body.find('\n', ls), body.size()));
    uint32_t start = ls;
    if (blanked) {
      bool has_text = false, all_blank = true;
      for (uint32_t i = ls; i < le; ++i) {
        if (!std::isspace(static_cast<unsigned char>(body[i]))) has_text = true;
        if (normalized[i] != ' ' && normalized[i] != '\t' && normalized[i] != '\r') all_blank = false;
      }
      if (has_text && all_blank) {  // an output line, a prompt-only line
        ls = le + 1;
        continue;
      }
      int last_blanked = -1;  // a prompt blanked at the start of the line
      for (uint32_t i = ls; i < le && normalized[i] == ' '; ++i)
        if (body[i] != ' ' && body[i] != '\t') last_blanked = static_cast<int>(i);
      if (last_blanked >= 0) {
        start = static_cast<uint32_t>(last_blanked) + 1;
        if (start < le && body[start] == ' ') ++start;
      }
    }
    while (next < found.size() && found[next].begin < start) ++next;
    uint32_t at = start;
    for (; next < found.size() && found[next].end <= le; ++next) {
      add_text(std::string_view(body).substr(at, found[next].begin - at));
      out.push_back({found[next].p->written, found[next].p->name});
      at = found[next].end;
    }
    add_text(std::string_view(body).substr(at, le - at));
    if (le < body.size()) add_text("\n");
    ls = le + 1;
  }
  return out;
}

/// The segments as one string with kSentinel where each parameter stands.
std::string flatten(const std::vector<Segment>& segments, std::vector<Segment>& uses) {
  std::string flat;
  for (const Segment& s : segments) {
    if (s.param.empty()) {
      flat += s.text;
    } else {
      flat += kSentinel;
      uses.push_back(s);
    }
  }
  return flat;
}

/// A sentinel without its placeholder: cannot happen (see kSentinel); refuse
/// to render rather than read past the table.
bool internal_error(std::string& why) {
  why = "internal error: placeholders out of step";
  return false;
}

/// The placeholder marker byte or NUL in the step's own text. Other control
/// characters run as written; the script shows them as escapes.
bool has_unrenderable_bytes(const std::vector<Segment>& segments) {
  for (const Segment& s : segments)
    if (s.text.find(kSentinel) != std::string::npos || s.text.find('\0') != std::string::npos) return true;
  return false;
}

void note_use(RenderedStep& out, const std::string& name, bool spliced) {
  if (std::find(out.params.begin(), out.params.end(), name) == out.params.end()) out.params.push_back(name);
  if (spliced && std::find(out.spliced.begin(), out.spliced.end(), name) == out.spliced.end())
    out.spliced.push_back(name);
}

bool hands_text_to_a_shell(const Step& step) {
  for (const Command& c : step.facts.commands)
    for (const std::string& w : c.wrappers)
      if (w == "ssh" || (w.size() > 3 && w.compare(w.size() - 3, 3, " -c") == 0)) return true;
  return false;
}

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

/// Shell text with each sentinel replaced by the expansion its quoting
/// context allows. Returns false when a placeholder has no safe form.
bool render_shell(const Step& step, const std::string& flat, const std::vector<Segment>& uses,
                  RenderedStep& out, std::string& why) {
  enum class Ctx { top, dq, sq, ansi, backtick, cmdsub, brace };
  struct Heredoc {
    std::string delimiter;
    bool quoted = false;
    bool strip_tabs = false;
  };
  std::vector<Ctx> stack{Ctx::top};
  std::vector<Heredoc> pending;
  bool reparsed = hands_text_to_a_shell(step);
  bool comment = false, word_start = true;
  size_t param_no = 0;
  std::string& code = out.code;
  auto var = [&](const std::string& name) { return "${" + parameter_names(name).shell_var + "}"; };

  for (size_t i = 0; i < flat.size(); ++i) {
    char c = flat[i];
    Ctx ctx = stack.back();
    if (c == kSentinel) {
      if (param_no >= uses.size()) return internal_error(why);
      const std::string& name = uses[param_no].param;
      if (comment) {  // not a value the step needs
        code += uses[param_no++].text;
        continue;
      }
      switch (ctx) {
        case Ctx::top:
        case Ctx::backtick:
        case Ctx::cmdsub:
        case Ctx::brace:
          code += "\"" + var(name) + "\"";
          note_use(out, name, reparsed);
          break;
        case Ctx::dq:
          code += var(name);
          note_use(out, name, true);
          break;
        case Ctx::sq:
          code += "'\"" + var(name) + "\"'";
          note_use(out, name, true);
          break;
        case Ctx::ansi:
          code += "'\"" + var(name) + "\"$'";
          note_use(out, name, true);
          break;
      }
      ++param_no;
      word_start = false;
      continue;
    }
    if (c == '\n' && ctx != Ctx::sq && ctx != Ctx::dq && ctx != Ctx::ansi) {
      code += c;
      comment = false;
      word_start = true;
      // Here-document bodies follow the line that opened them.
      for (const Heredoc& h : pending) {
        bool closed = false;
        size_t ls = i + 1;
        while (ls < flat.size()) {
          size_t le = std::min(flat.find('\n', ls), flat.size());
          std::string line = flat.substr(ls, le - ls);
          std::string bare = line;
          if (h.strip_tabs) bare.erase(0, bare.find_first_not_of('\t') == std::string::npos ? bare.size() : bare.find_first_not_of('\t'));
          if (!bare.empty() && bare.back() == '\r') bare.pop_back();
          for (char lc : line) {
            if (lc != kSentinel) {
              code += lc;
              continue;
            }
            if (param_no >= uses.size()) return internal_error(why);
            const std::string& name = uses[param_no++].param;
            if (h.quoted) {
              why = "placeholder <" + name + "> is inside a quoted here-document, where no value can be inserted";
              return false;
            }
            code += var(name);
            note_use(out, name, true);
          }
          if (le < flat.size()) code += '\n';
          ls = le + 1;
          i = std::min(le, flat.size());
          if (bare == h.delimiter) {
            closed = true;
            break;
          }
        }
        if (!closed) code += (code.empty() || code.back() == '\n' ? "" : "\n") + h.delimiter + "\n";  // ended by end of block
      }
      pending.clear();
      continue;
    }
    code += c;
    if (comment) continue;
    char n = i + 1 < flat.size() ? flat[i + 1] : '\0';
    bool was_word_start = word_start;
    word_start = c == ' ' || c == '\t' || c == ';' || c == '&' || c == '|' || c == '(' || c == ')' || c == '`';
    switch (ctx) {
      case Ctx::sq:
        if (c == '\'') stack.pop_back();
        break;
      case Ctx::ansi:
        if (c == '\\' && n != kSentinel && n != '\0') code += flat[++i];
        else if (c == '\'') stack.pop_back();
        break;
      case Ctx::dq:
        if (c == '\\' && n != kSentinel && n != '\0') code += flat[++i];
        else if (c == '"') stack.pop_back();
        else if (c == '$' && n == '(') code += flat[++i], stack.push_back(Ctx::cmdsub);
        else if (c == '$' && n == '{') code += flat[++i], stack.push_back(Ctx::brace);
        else if (c == '`') stack.push_back(Ctx::backtick);
        break;
      default:  // unquoted: top level, $(...), `...`, ${...}
        if (c == '\\' && n != kSentinel && n != '\0') code += flat[++i];
        else if (c == '#' && was_word_start && ctx != Ctx::brace) comment = true;
        else if (c == '\'') stack.push_back(Ctx::sq);
        else if (c == '"') stack.push_back(Ctx::dq);
        else if (c == '$' && n == '\'') code += flat[++i], stack.push_back(Ctx::ansi);
        else if ((c == '$' || c == '<' || c == '>') && n == '(') code += flat[++i], stack.push_back(Ctx::cmdsub);
        else if (c == '$' && n == '{') code += flat[++i], stack.push_back(Ctx::brace);
        else if (c == '`') {
          if (ctx == Ctx::backtick) stack.pop_back();
          else stack.push_back(Ctx::backtick);
        } else if (c == ')' && ctx == Ctx::cmdsub) stack.pop_back();
        else if (c == '}' && ctx == Ctx::brace) stack.pop_back();
        else if (c == '(' && ctx == Ctx::cmdsub) stack.push_back(Ctx::cmdsub);  // nested parentheses
        else if (c == '<' && n == '<' && (i + 2 >= flat.size() || flat[i + 2] != '<')) {
          code += flat[++i];
          Heredoc h;
          size_t j = i + 1;
          if (j < flat.size() && flat[j] == '-') h.strip_tabs = true, ++j;
          while (j < flat.size() && (flat[j] == ' ' || flat[j] == '\t')) ++j;
          while (j < flat.size() && !std::isspace(static_cast<unsigned char>(flat[j])) &&
                 std::string_view(";&|<>()").find(flat[j]) == std::string_view::npos) {
            char d = flat[j++];
            if (d == '\'' || d == '"') {
              h.quoted = true;
              while (j < flat.size() && flat[j] != d && flat[j] != '\n') h.delimiter += flat[j++];
              if (j < flat.size() && flat[j] == d) ++j;
            } else if (d == '\\') {
              h.quoted = true;
            } else {
              h.delimiter += d;
            }
          }
          if (!h.delimiter.empty()) {
            code += flat.substr(i + 1, j - i - 1);
            i = j - 1;
            pending.push_back(h);
          }
        }
        break;
    }
  }
  for (const Heredoc& h : pending) code += "\n" + h.delimiter + "\n";  // opened on the last line
  return true;
}

const std::set<std::string>& identifier_keywords() {
  static const std::set<std::string> words = {"FROM", "JOIN", "UPDATE", "INTO", "TABLE", "INDEX", "VIEW",
                                              "SCHEMA", "DATABASE", "SEQUENCE", "ROLE", "USER", "TRUNCATE",
                                              "ANALYZE", "VACUUM", "ONLY", "EXISTS"};
  return words;
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

/// SQL with each sentinel replaced by a psql variable reference.
bool render_sql(const std::string& flat, const std::vector<Segment>& uses, RenderedStep& out,
                std::string& why) {
  std::string prefix, code;
  size_t param_no = 0;
  int literal_vars = 0;
  auto psql = [&](const std::string& name) { return parameter_names(name).psql_var; };
  auto last_word = [&]() {
    size_t e = code.size();
    while (e > 0 && std::isspace(static_cast<unsigned char>(code[e - 1]))) --e;
    size_t b = e;
    while (b > 0 && is_word_char(code[b - 1])) --b;
    std::string w = code.substr(b, e - b);
    for (char& ch : w) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    return w;
  };
  for (size_t i = 0; i < flat.size(); ++i) {
    char c = flat[i];
    char n = i + 1 < flat.size() ? flat[i + 1] : '\0';
    if (c == kSentinel) {
      if (param_no >= uses.size()) return internal_error(why);
      const std::string& name = uses[param_no++].param;
      bool identifier = identifier_keywords().count(last_word()) > 0 || (!code.empty() && code.back() == '.') || n == '.';
      code += identifier ? ":\"" + psql(name) + "\"" : ":'" + psql(name) + "'";
      note_use(out, name, false);
    } else if (c == '-' && n == '-') {  // comment to the end of the line
      size_t e = std::min(flat.find('\n', i), flat.size());
      for (; i < e; ++i) {
        if (flat[i] != kSentinel) code += flat[i];
        else if (param_no < uses.size()) code += uses[param_no++].text;
        else return internal_error(why);
      }
      --i;
    } else if (c == '/' && n == '*') {
      size_t e = flat.find("*/", i + 2);
      e = e == std::string::npos ? flat.size() : e + 2;
      for (; i < e; ++i) {
        if (flat[i] != kSentinel) code += flat[i];
        else if (param_no < uses.size()) code += uses[param_no++].text;
        else return internal_error(why);
      }
      --i;
    } else if (c == '\'' || c == '"') {
      // A literal or quoted identifier: find its end ('' and "" escape the quote).
      size_t j = i + 1;
      std::vector<Segment> pieces;
      for (; j < flat.size(); ++j) {
        if (flat[j] == c && j + 1 < flat.size() && flat[j + 1] == c) {
          pieces.empty() || !pieces.back().param.empty() ? pieces.push_back({std::string(1, c), ""})
                                                          : void(pieces.back().text += c);
          ++j;
        } else if (flat[j] == c) {
          break;
        } else if (flat[j] == kSentinel) {
          if (param_no >= uses.size()) return internal_error(why);
          pieces.push_back({"", uses[param_no++].param});
        } else {
          if (pieces.empty() || !pieces.back().param.empty()) pieces.push_back({});
          pieces.back().text += flat[j];
        }
      }
      bool has_param = std::any_of(pieces.begin(), pieces.end(), [](const Segment& s) { return !s.param.empty(); });
      if (!has_param || j >= flat.size()) {
        if (has_param) {
          why = "a placeholder sits in an unterminated SQL string";
          return false;
        }
        code += flat.substr(i, std::min(j + 1, flat.size()) - i);
      } else if (pieces.size() == 1) {
        code += std::string(":") + c + psql(pieces[0].param) + c;
        note_use(out, pieces[0].param, false);
      } else if (c == '"') {
        why = "a placeholder is part of a quoted SQL identifier";
        return false;
      } else {
        std::string var = "rb_literal_" + std::to_string(++literal_vars);
        prefix += "\\set " + var;
        for (const Segment& p : pieces) {
          if (p.param.empty()) {
            // The SQL text of a literal: '' stands for one quote.
            std::string value;
            for (size_t k = 0; k < p.text.size(); ++k) {
              value += p.text[k];
              if (p.text[k] == '\'' && k + 1 < p.text.size() && p.text[k + 1] == '\'') ++k;
            }
            prefix += " " + psql_meta_quote(value);
          } else {
            prefix += " :" + psql(p.param);
            note_use(out, p.param, false);
          }
        }
        prefix += "\n";
        code += ":'" + var + "'";
      }
      i = std::min(j, flat.size() - 1);
    } else if (c == '$' && (code.empty() || !is_word_char(code.back()))) {
      // A dollar-quoted body ($$ ... $$ or $tag$ ... $tag$) is copied as is.
      size_t j = i + 1;
      while (j < flat.size() && is_word_char(flat[j])) ++j;
      if (j < flat.size() && flat[j] == '$') {
        std::string tag = flat.substr(i, j - i + 1);
        size_t e = flat.find(tag, j + 1);
        e = e == std::string::npos ? flat.size() : e + tag.size();
        std::string body = flat.substr(i, e - i);
        if (body.find(kSentinel) != std::string::npos) {
          why = "a placeholder is inside a dollar-quoted SQL body";
          return false;
        }
        code += body;
        i = e - 1;
      } else {
        code += c;
      }
    } else {
      code += c;
    }
  }
  out.code = prefix + code;
  return true;
}

}  // namespace

std::string shell_function(const std::string& name, const std::string& body) {
  // The blank line and ':' end a trailing line continuation or an open list.
  return name + "() {\n" + body + "\n\n:\n}\n";
}

RenderedStep render_step(const Step& step, bool strict) {
  RenderedStep out;
  auto show = [&](std::string note) {
    out.runner = "show";
    out.note = std::move(note);
    out.code.clear();
    out.params.clear();
    out.spliced.clear();
    return out;
  };
  std::string lang = step.language.empty() ? std::string("untagged") : step.language;
  if (!step.facts.mistagged_as.empty()) {
    out.display = {{step.body, ""}};
    return show("looks like " + step.facts.mistagged_as + ", not " + lang + ": shown, not run");
  }
  if (step.kind_guessed) {
    out.display = {{step.body, ""}};
    return show("untagged block: shown, not run; tag its fence (```bash) to run it");
  }
  if (step.facts.syntax_error) {
    out.display = {{step.body, ""}};
    return show("does not parse as " + lang + ": shown, not run");
  }
  const Language* language = language_of(step.kind);
  out.runner = language ? language->runner : std::string_view();
  if (out.runner == "shell") {
    out.display = command_segments(step, step.facts.normalized);
  } else if (out.runner == "psql" || out.runner == "mysql") {
    bool transcript = normalize_sql(step.body).transcript;
    out.display = command_segments(step, transcript ? step.facts.normalized : std::string());
  } else if (out.runner == "redis") {
    out.display = {{step.body, ""}};
  } else {
    out.display = {{step.body, ""}};
    return show(lang + " is shown, not run");
  }
  if (has_unrenderable_bytes(out.display))
    return show("holds a \\x01 or NUL byte (shown escaped): shown, not run");
  std::vector<Segment> uses;
  std::string flat = flatten(out.display, uses);
  if (flat.find_first_not_of(" \t\r\n") == std::string::npos) return show("no commands to run");
  std::string why;
  if (out.runner == "shell") {
    if (!render_shell(step, flat, uses, out, why)) return show(why + ": shown, not run");
    out.arithmetic = arithmetic_facts(out.code);
    for (const std::string& p : out.params)
      if (out.arithmetic.as_names.count(parameter_names(p).shell_var))
        return show("placeholder <" + p + "> stands where bash takes a variable name, where no value is safe: shown, not run");
    // What the linter parsed had placeholders as plain words; check the text as it will run.
    std::string function = shell_function("rb_step", out.code);
    if (!(strict ? bash_confirms(function) : bash_parses(function)))
      return show("does not parse as bash with its placeholders filled in: shown, not run");
  } else if (out.runner == "psql") {
    if (!render_sql(flat, uses, out, why)) return show(why + ": shown, not run");
  } else {
    std::string probe = flat;
    std::vector<FoundPlaceholder> found;
    replace_placeholders(probe, found, out.runner == "mysql");
    if (!uses.empty() || !found.empty())
      return show(out.runner + " blocks with placeholders are shown, not run: fill them in by hand");
    out.code = flat;
  }
  // Placeholders left as written (in comments) are shown as written.
  for (Segment& seg : out.display)
    if (!seg.param.empty() && std::find(out.params.begin(), out.params.end(), seg.param) == out.params.end())
      seg.param.clear();
  return out;
}

}  // namespace rbc
