#include "compiler/languages/normalize.h"

#include "compiler/base/ascii.h"
#include "compiler/base/pattern.h"
#include "compiler/languages/command_effects.h"
#include "compiler/languages/repl_transcript.h"
#include "compiler/syntax/fence_info.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace rbc {
namespace {

struct Line {
  uint32_t begin, end;  // end excludes the newline
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  uint32_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    uint32_t end = nl == std::string_view::npos ? static_cast<uint32_t>(text.size()) : static_cast<uint32_t>(nl);
    lines.push_back({pos, end});
    if (nl == std::string_view::npos) break;
    pos = end + 1;
  }
  return lines;
}

void blank(std::string& text, uint32_t b, uint32_t e) {
  for (uint32_t i = b; i < e && i < text.size(); ++i)
    if (text[i] != '\n') text[i] = ' ';
}

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

}  // namespace

size_t shell_prompt_length(std::string_view line, bool hash) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  size_t start = i;
  auto ends_prompt = [&](size_t at) { return at + 1 >= line.size() || line[at + 1] == ' '; };
  // A bare '#' is a root prompt only before something that reads as a
  // command ("# systemctl ..."), never before prose ("# Don't restart").
  auto bare_hash_prompt = [&](size_t at) {
    if (!hash || line[at] != '#' || at + 2 >= line.size()) return false;
    char next = line[at + 2];
    return std::islower(static_cast<unsigned char>(next)) || next == '/' || next == '.';
  };
  if (i < line.size() && (line[i] == '$' || line[i] == '%' || bare_hash_prompt(i)) && ends_prompt(i))
    return std::min(line.size(), i + 2);
  // Decorated prompts ("user@host:~# ", "[root@db ~]# ") end in '#' unambiguously.
  auto prompt_char = [&](char c) { return c == '$' || c == '#' || c == '%'; };
  // A shell's own prompt: "sh-5.1$ ", "bash-4.4# "
  for (std::string_view shell : {"sh-", "bash-", "zsh-"})
    if (line.substr(i, shell.size()) == shell) {
      size_t j = i + shell.size();
      while (j < line.size() && (std::isdigit(static_cast<unsigned char>(line[j])) || line[j] == '.')) ++j;
      if (j > i + shell.size() && j < line.size() && prompt_char(line[j]) && ends_prompt(j)) return std::min(line.size(), j + 2);
    }
  // user@host:path$  or  [user@host path]#
  if (i < line.size() && line[i] == '[') {
    size_t close = line.find(']', i);
    if (close != std::string_view::npos && close + 1 < line.size() && prompt_char(line[close + 1]) &&
        ends_prompt(close + 1) && line.substr(i, close - i).find('@') != std::string_view::npos)
      return std::min(line.size(), close + 3);
    // [context]$ : a bracketed label before a `$ ` prompt ("[cluster-2]$ ").
    if (close != std::string_view::npos && close + 1 < line.size() && line[close + 1] == '$' && ends_prompt(close + 1))
      return std::min(line.size(), close + 3);
    return 0;
  }
  size_t j = i;
  while (j < line.size() && (is_word_char(line[j]) || line[j] == '-' || line[j] == '.')) ++j;
  if (j == start || j >= line.size() || line[j] != '@') return 0;
  ++j;
  while (j < line.size() && line[j] != ' ' && !prompt_char(line[j])) ++j;
  if (j < line.size() && prompt_char(line[j]) && ends_prompt(j)) return std::min(line.size(), j + 2);
  return 0;
}

namespace {

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

/// Does a command line continue on the next line (`\`, `|`, `&&`, open heredoc)?
bool continues(std::string_view line) {
  line = trim_right(line);
  if (line.empty()) return false;
  if (line.back() == '\\' || line.back() == '|') return true;
  return line.size() >= 2 && (line.substr(line.size() - 2) == "&&" || line.substr(line.size() - 2) == "||");
}

/// The heredoc delimiter a line opens (`<<EOF`, `<<-'SQL'`), or "".
std::string heredoc_delimiter(std::string_view line) {
  size_t at = line.find("<<");
  while (at != std::string_view::npos) {
    size_t i = at + 2;
    if (i < line.size() && line[i] == '<') {  // <<< here-string
      at = line.find("<<", i + 1);
      continue;
    }
    if (i < line.size() && line[i] == '-') ++i;
    while (i < line.size() && line[i] == ' ') ++i;
    if (i < line.size() && (line[i] == '\'' || line[i] == '"')) ++i;
    size_t b = i;
    while (i < line.size() && (is_word_char(line[i]) || line[i] == '-')) ++i;
    if (i > b) return std::string(line.substr(b, i - b));
    at = line.find("<<", i);
  }
  return "";
}

}  // namespace

std::string placeholder_name(std::string_view inner) {
  std::string out;
  for (char c : inner) {
    if (is_ascii_alnum(c)) out += ascii_lower(c);
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

void replace_placeholders(std::string& text, std::vector<FoundPlaceholder>& found, bool sql) {
  auto record = [&](uint32_t b, uint32_t e, uint32_t inner_b, uint32_t inner_e) {
    FoundPlaceholder p;
    p.written = text.substr(b, e - b);
    p.name = placeholder_name(std::string_view(text).substr(inner_b, inner_e - inner_b));
    p.begin = b;
    p.end = e;
    if (p.name.empty()) return;
    found.push_back(p);
    for (uint32_t i = b; i < e; ++i)
      if (!is_word_char(text[i])) text[i] = '_';
    if (sql && !std::isalpha(static_cast<unsigned char>(text[b])) && text[b] != '_') text[b] = '_';
  };
  for (uint32_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '<' && i + 1 < text.size() && std::isalpha(static_cast<unsigned char>(text[i + 1])) &&
        (i == 0 || (text[i - 1] != '<' && !std::isdigit(static_cast<unsigned char>(text[i - 1]))))) {
      // <name>: letters, digits and _-.:/@ inside, no space before '>'.
      uint32_t j = i + 1;
      while (j < text.size() && j - i < 64 &&
             (is_word_char(text[j]) || text[j] == '-' || text[j] == '.' || text[j] == ':' || text[j] == '/' ||
              text[j] == '@' || text[j] == ' ' || text[j] == '|' || text[j] == '='))
        ++j;
      if (j < text.size() && text[j] == '>' && text[j - 1] != ' ') {
        record(i, j + 1, i + 1, j);
        i = j;
      }
    } else if (c == '{' && i + 1 < text.size() && text[i + 1] == '{') {
      size_t close = text.find("}}", i + 2);
      if (close != std::string::npos && close - i < 80 && text.find('\n', i) > close) {
        record(i, static_cast<uint32_t>(close + 2), i + 2, static_cast<uint32_t>(close));
        i = static_cast<uint32_t>(close + 1);
      }
    } else if (sql && c == '[' && i + 1 < text.size() && std::isalpha(static_cast<unsigned char>(text[i + 1]))) {
      uint32_t j = i + 1;
      while (j < text.size() && (is_word_char(text[j]) || text[j] == '-' || text[j] == ' ')) ++j;
      if (j < text.size() && text[j] == ']' && j - i > 3) {
        record(i, j + 1, i + 1, j);
        i = j;
      }
    }
  }
}

/// The first line that is not blank or a comment starts with a program
/// runbooks run (the sniffer's list or the command-effect table's): a console
/// block without prompts holds commands, not output.
bool starts_with_a_command(std::string_view body) {
  if (guess_kind(body) == BlockKind::shell) return true;
  for (const Line& l : split_lines(body)) {
    std::string_view text = body.substr(l.begin, l.end - l.begin);
    size_t begin = text.find_first_not_of(" \t");
    if (begin == std::string_view::npos || text[begin] == '#') continue;
    text.remove_prefix(begin);
    std::string_view word = text.substr(0, text.find_first_of(" \t"));
    // POSIX utilities that change files and print nothing (POSIX.1-2017, Shell
    // & Utilities): not in the effect table, yet a line starting with one is a
    // command, not output. (`mount`, `tar` print: their output may follow.)
    static constexpr std::array<std::string_view, 11> kPosixCommands = {
        "sudo", "touch", "mkdir", "rmdir", "cp", "mv", "ln", "chmod", "chown", "chgrp", "source"};
    if (std::find(kPosixCommands.begin(), kPosixCommands.end(), word) != kPosixCommands.end()) return true;
    // A loop or a test written out: `for NAME in ...`, `while ...; do`, `if ...; then`.
    static const Pattern compound(R"(^(for\s+[A-Za-z_]\w*\s+in\b|(while|until)\s.*(;\s*do\b|\bdo\s*$)|)"
                                  R"(if\s.*(;\s*then\b|\bthen\s*$)))");
    if (compound.search(text)) return true;
    size_t equals = word.find('=');  // NAME=value: an assignment is shell (a base64 line is not)
    if (equals != std::string_view::npos && equals > 0 && equals <= 40 &&
        (is_ascii_alpha(word[0]) || word[0] == '_') &&
        std::all_of(word.begin(), word.begin() + static_cast<long>(equals),
                    [](char c) { return is_ascii_alnum(c) || c == '_'; }))
      return true;
    return is_known_program(word.substr(word.rfind('/') == std::string_view::npos ? 0 : word.rfind('/') + 1));
  }
  return false;
}

Normalized normalize_shell(std::string_view body, bool console) {
  Normalized out;
  out.text = std::string(body);
  std::vector<Line> lines = split_lines(body);
  // A transcript when tagged so, or when any line starts with a `$ ` prompt.
  bool dollar = false;
  for (const Line& l : lines)
    if (shell_prompt_length(body.substr(l.begin, l.end - l.begin), false) > 0) dollar = true;
  // Without `$` prompts, a console block whose first line (comments aside)
  // is a command is a script: its `# ...` lines are comments, not root prompts.
  out.transcript = dollar || (console && !starts_with_a_command(body));
  if (out.transcript) {
    // '#' prompts only count in a transcript without '$' ones; otherwise '#' starts a comment.
    bool hash = !dollar;
    bool in_command = false;
    std::string heredoc;
    for (const Line& l : lines) {
      std::string_view text = body.substr(l.begin, l.end - l.begin);
      if (!heredoc.empty()) {
        if (trim_right(text).find_first_not_of(" \t") != std::string_view::npos &&
            std::string(trim_right(text).substr(trim_right(text).find_first_not_of(" \t"))) == heredoc)
          heredoc.clear();
        continue;
      }
      size_t prompt = shell_prompt_length(text, hash);
      if (prompt > 0) {
        blank(out.text, l.begin, l.begin + static_cast<uint32_t>(prompt));
        in_command = continues(text);
        heredoc = heredoc_delimiter(text);
        continue;
      }
      if (in_command) {
        // A `> ` secondary prompt on a continuation line.
        std::string_view t = text;
        size_t lead = t.find_first_not_of(" \t");
        if (lead != std::string_view::npos && t.substr(lead, 2) == "> ")
          blank(out.text, l.begin + static_cast<uint32_t>(lead), l.begin + static_cast<uint32_t>(lead + 2));
        in_command = continues(text);
        if (heredoc.empty()) heredoc = heredoc_delimiter(text);
        continue;
      }
      blank(out.text, l.begin, l.end);  // output
    }
  }
  replace_placeholders(out.text, out.placeholders, false);
  return out;
}

Normalized normalize_sql(std::string_view body) {
  Normalized out;
  out.text = std::string(body);
  std::vector<Line> lines = split_lines(body);
  for (const Line& l : lines)
    if (psql_prompt_length(body.substr(l.begin, l.end - l.begin)) > 0) out.transcript = true;
  for (const Line& l : lines) {
    std::string_view text = body.substr(l.begin, l.end - l.begin);
    uint32_t start = l.begin;
    if (out.transcript) {
      size_t prompt = psql_prompt_length(text);
      if (prompt == 0) {
        blank(out.text, l.begin, l.end);  // result rows
        continue;
      }
      blank(out.text, l.begin, l.begin + static_cast<uint32_t>(prompt));
      start += static_cast<uint32_t>(prompt);
    }
    std::string_view rest = std::string_view(out.text).substr(start, l.end - start);
    size_t lead = rest.find_first_not_of(" \t");
    if (lead == std::string_view::npos) continue;
    if (rest[lead] == '\\') {  // a meta-command line
      blank(out.text, start, l.end);
      continue;
    }
    if (rest.substr(lead) == "..." || rest.substr(lead) == "…") {
      blank(out.text, start, l.end);
      continue;
    }
    // A trailing \g, \gset, \gx, \watch ends the statement like ';'.
    bool in_string = false;
    for (uint32_t i = start; i < l.end; ++i) {
      char c = out.text[i];
      if (c == '\'') in_string = !in_string;
      if (in_string) continue;
      if (c == '-' && i + 1 < l.end && out.text[i + 1] == '-') break;
      if (c == '\\' && i + 1 < l.end && std::isalpha(static_cast<unsigned char>(out.text[i + 1]))) {
        out.text[i] = ';';
        blank(out.text, i + 1, l.end);
        break;
      }
      if (c == ':' && i + 1 < l.end && (i == 0 || (out.text[i - 1] != ':' && !is_word_char(out.text[i - 1])))) {
        char n = out.text[i + 1];
        if (n == '\'' || n == '"') out.text[i] = ' ';                    // :'var' / :"var"
        else if (std::isalpha(static_cast<unsigned char>(n)) || n == '_') out.text[i] = '_';  // :var
      }
      if (c == '.' && i + 2 < l.end && out.text[i + 1] == '.' && out.text[i + 2] == '.') {
        out.text[i] = out.text[i + 1] = out.text[i + 2] = '_';  // `a, ..., b` elision
        i += 2;
      }
    }
  }
  replace_placeholders(out.text, out.placeholders, true);
  return out;
}

}  // namespace rbc
