#include "compiler/languages/ruby_scan.h"

#include <algorithm>
#include <array>

#include "compiler/base/ascii.h"

namespace rbc {
namespace {

bool is_ident_char(char c) { return is_ascii_alnum(c) || c == '_'; }

void blank(std::string& s, size_t begin, size_t end) {
  for (size_t i = begin; i < end && i < s.size(); ++i)
    if (s[i] != '\n') s[i] = ' ';
}

/// Length of a console prompt at the start of `line`: irb(main):001:0>,
/// irb(main):001>, [1] pry(main)>, app(prod)>, >>. 0 when none.
size_t prompt_length(std::string_view line) {
  size_t lead = line.find_first_not_of(" \t");
  if (lead == std::string_view::npos) return 0;
  std::string_view t = line.substr(lead);
  if (t.starts_with(">> ")) return lead + 3;
  size_t gt = t.find("> ");
  if (gt == std::string_view::npos || gt == 0 || gt > 40) return 0;
  std::string_view head = t.substr(0, gt);
  // irb(main):001:0, [1] pry(main), app(prod): a name, then (...), then optional :NNN parts.
  size_t open = head.find('(');
  if (open == std::string_view::npos || head.find(')') == std::string_view::npos) return 0;
  std::string_view name = head.substr(0, open);
  if (name.starts_with("[")) name = name.substr(name.find(']') == std::string_view::npos ? 0 : name.find(']') + 1);
  while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
  if (name.empty() || !std::all_of(name.begin(), name.end(), [](char c) { return is_ident_char(c) || c == '-'; }))
    return 0;
  return lead + gt + 2;
}

/// Ruby text with strings, comments, prompts and `=> value` output lines
/// blanked, offsets unchanged.
std::string code_only(std::string_view text) {
  std::string out(text);
  size_t line_begin = 0;
  while (line_begin < out.size()) {
    size_t nl = out.find('\n', line_begin);
    size_t line_end = nl == std::string::npos ? out.size() : nl;
    std::string_view line(out.data() + line_begin, line_end - line_begin);
    size_t lead = line.find_first_not_of(" \t");
    if (lead != std::string_view::npos && line.substr(lead).starts_with("=> "))
      blank(out, line_begin, line_end);  // irb's echo of a value
    else if (size_t prompt = prompt_length(line))
      blank(out, line_begin, line_begin + prompt);
    line_begin = line_end + 1;
  }
  size_t i = 0;
  while (i < out.size()) {
    char c = out[i];
    if (c == '#') {
      size_t end = out.find('\n', i);
      end = end == std::string::npos ? out.size() : end;
      blank(out, i, end);
      i = end;
    } else if (c == '\'' || c == '"' || c == '`') {
      size_t j = i + 1;
      while (j < out.size() && out[j] != c) j += out[j] == '\\' ? 2 : 1;
      blank(out, i, std::min(j + 1, out.size()));
      i = j + 1;
    } else if (c == '%' && i + 2 < out.size() && std::string_view("wWqQiI").find(out[i + 1]) != std::string_view::npos &&
               std::string_view("([{<|!/").find(out[i + 2]) != std::string_view::npos) {
      char open = out[i + 2];
      char close = open == '(' ? ')' : open == '[' ? ']' : open == '{' ? '}' : open == '<' ? '>' : open;
      size_t j = out.find(close, i + 3);
      j = j == std::string::npos ? out.size() : j;
      blank(out, i, std::min(j + 1, out.size()));
      i = j + 1;
    } else {
      ++i;
    }
  }
  return out;
}

/// Start of the receiver chain ending right before `dot`: names, `::`, `.`,
/// and balanced (...) and [...] groups.
size_t receiver_begin(const std::string& code, size_t dot) {
  size_t i = dot;
  while (i > 0) {
    char c = code[i - 1];
    if (is_ident_char(c) || c == '.' || c == ':' || c == '@' || c == '!' || c == '?') {
      --i;
    } else if (c == ')' || c == ']') {
      char open = c == ')' ? '(' : '[';
      int depth = 0;
      size_t j = i;
      while (j > 0) {
        --j;
        if (code[j] == c) ++depth;
        else if (code[j] == open && --depth == 0) break;
      }
      if (depth != 0) break;
      i = j;
    } else {
      break;
    }
  }
  while (i < dot && code[i] == ':') ++i;  // a leading `::`
  return i;
}

/// `User`, `Admin::User`, `User.all`, `User.unscoped`: every row.
bool is_whole_table(std::string_view receiver) {
  for (std::string_view suffix : {".all", ".unscoped"})
    if (receiver.ends_with(suffix)) receiver.remove_suffix(suffix.size());
  if (receiver.empty() || !is_ascii_upper(receiver.front())) return false;
  return std::all_of(receiver.begin(), receiver.end(), [](char c) { return is_ident_char(c) || c == ':'; });
}

/// Arguments follow the method name: `(x)` or a bare operand (`delete :key`),
/// not a modifier keyword (`job.delete if ...`) or the end of an expression.
bool has_arguments(const std::string& code, size_t after) {
  size_t i = after;
  if (i < code.size() && code[i] == '(') {
    size_t j = code.find_first_not_of(" \t\n", i + 1);
    return j != std::string::npos && code[j] != ')';
  }
  if (i >= code.size() || (code[i] != ' ' && code[i] != '\t')) return false;
  size_t j = code.find_first_not_of(" \t", i);
  if (j == std::string::npos || code[j] == '\n' || code[j] == '}' || code[j] == ';' || code[j] == ')' ||
      code[j] == '.' || code[j] == '&' || code[j] == '|' || code[j] == '=' || code[j] == '{')
    return false;
  if (code[j] == ' ' || std::string_view("'\"`%").find(code[j]) != std::string_view::npos) return true;  // blanked string
  size_t k = j;
  while (k < code.size() && is_ident_char(code[k])) ++k;
  static constexpr std::array<std::string_view, 11> kKeywords = {"if",     "unless", "while", "until", "and", "or",
                                                                 "do",     "then",   "end",   "rescue", "ensure"};
  std::string_view word(code.data() + j, k - j);
  return std::find(kKeywords.begin(), kKeywords.end(), word) == kKeywords.end();
}

constexpr std::array<std::string_view, 11> kMethods = {"delete_all", "destroy_all", "update_all", "delete",
                                                       "destroy",    "destroy!",    "really_destroy!", "purge",
                                                       "flushall",   "flushdb",     "del"};

}  // namespace

std::vector<RubyCallText> scan_ruby_calls(std::string_view text) {
  std::string code = code_only(text);
  std::vector<RubyCallText> calls;
  for (size_t i = 0; i < code.size(); ++i) {
    bool symbol = code.compare(i, 2, "&:") == 0;  // map(&:delete)
    if (code[i] != '.' && !symbol) continue;
    size_t name_begin = i + (symbol ? 2 : 1);
    if (!symbol && (i + 1 >= code.size() || code[i + 1] == '.')) {
      ++i;  // a range `..`
      continue;
    }
    size_t name_end = name_begin;
    while (name_end < code.size() && is_ident_char(code[name_end])) ++name_end;
    if (name_end < code.size() && (code[name_end] == '!' || code[name_end] == '?') &&
        (name_end + 1 >= code.size() || code[name_end + 1] != '='))
      ++name_end;
    std::string_view name(code.data() + name_begin, name_end - name_begin);
    if (std::find(kMethods.begin(), kMethods.end(), name) == kMethods.end()) continue;
    if (symbol && name != "delete" && name != "destroy" && name != "destroy!") continue;
    RubyCallText call;
    call.method = std::string(name);
    call.begin = static_cast<uint32_t>(name_begin);
    call.end = static_cast<uint32_t>(name_end);
    if (!symbol) {
      size_t rb = receiver_begin(code, i);
      call.receiver = std::string(text.substr(rb, i - rb));
      call.unscoped = is_whole_table(std::string_view(code).substr(rb, i - rb));
      call.has_arguments = has_arguments(code, name_end);
      if (call.receiver.empty()) continue;  // `.delete` at the start of a line: a continued chain we cannot see
    }
    calls.push_back(std::move(call));
    i = name_end - 1;
  }
  return calls;
}

}  // namespace rbc
